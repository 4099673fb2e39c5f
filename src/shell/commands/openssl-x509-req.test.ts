import { describe, expect, it } from 'vitest';
import { runToolLine } from '../../../tests/support/run-tool-line.ts';

const SETUP =
  'cd /root; openssl req -x509 -newkey rsa:2048 -nodes -keyout ca.key -out ca.crt -subj /CN=kubernetes 2>/dev/null; ' +
  'openssl genrsa -out jane.key 2048; openssl req -new -key jane.key -out jane.csr -subj /CN=jane/O=dev; ';
const SIGNED = 'Certificate request self-signature ok\nsubject=CN = jane, O = dev\n';

// Expected outputs recorded from OpenSSL 3.0.19 for the same commands.
describe('openssl x509 -req', () => {
  const cases: { name: string; line: string; out: string | RegExp; code?: number }[] = [
    {
      name: 'signs a request with the CA, issuer from the CA subject',
      line: 'openssl x509 -req -in jane.csr -CA ca.crt -CAkey ca.key -out jane.crt -days 5; openssl x509 -in jane.crt -noout -subject -issuer',
      out: `${SIGNED}subject=CN = jane, O = dev\nissuer=CN = kubernetes\n`,
    },
    {
      name: 'writes no serial file without -CAcreateserial',
      line: 'openssl x509 -req -in jane.csr -CA ca.crt -CAkey ca.key -out jane.crt 2>/dev/null; ls -1',
      out: 'ca.crt\nca.key\njane.crt\njane.csr\njane.key\n',
    },
    {
      name: 'creates the serial file, then counts up from it',
      line: 'openssl x509 -req -in jane.csr -CA ca.crt -CAkey ca.key -CAcreateserial -out a.crt 2>/dev/null; cat ca.srl; openssl x509 -req -in jane.csr -CA ca.crt -CAkey ca.key -out b.crt 2>/dev/null; cat ca.srl',
      // 159 random bits written a byte at a time: usually 40 digits, 38 when the top byte is zero.
      out: /^([0-7][0-9A-F](?:[0-9A-F]{2}){18,19})\n((?:[0-9A-F]{2}){19,20})\n$/,
    },
    {
      name: 'refuses a CA key that is not the certificate’s',
      line: 'openssl x509 -req -in jane.csr -CA ca.crt -CAkey jane.key -out x.crt',
      out:
        `${SIGNED}CA certificate and CA private key do not match\n` +
        '40272F228D7F0000:error:05800074:x509 certificate routines:X509_check_private_key:key values mismatch:../crypto/x509/x509_cmp.c:403:\n',
      code: 1,
    },
    {
      name: 'a missing request',
      line: 'openssl x509 -req -in nope -CA ca.crt -CAkey ca.key',
      out:
        `Can't open "nope" for reading, No such file or directory\n` +
        '40272F228D7F0000:error:80000002:system library:BIO_new_file:No such file or directory:../crypto/bio/bss_file.c:67:calling fopen(nope, r)\n' +
        '40272F228D7F0000:error:10000080:BIO routines:BIO_new_file:no such file:../crypto/bio/bss_file.c:75:\n' +
        'Unable to load certificate request input\n',
      code: 1,
    },
    {
      name: 'a missing CA certificate',
      line: 'openssl x509 -req -in jane.csr -CA nope -CAkey ca.key',
      out:
        `${SIGNED}Could not open file or uri for loading CA certificate from nope\n` +
        '40272F228D7F0000:error:16000069:STORE routines:ossl_store_get0_loader_int:unregistered scheme:../crypto/store/store_register.c:237:scheme=file\n' +
        '40272F228D7F0000:error:80000002:system library:file_open:No such file or directory:../providers/implementations/storemgmt/file_store.c:266:calling stat(nope)\n' +
        'Unable to load CA certificate\n',
      code: 1,
    },
  ];
  it.each(cases)(
    '$name',
    async ({ line, out, code = 0 }) => {
      const result = await runToolLine(`${SETUP}${line}`);
      if (typeof out === 'string') expect(result).toEqual({ out, code });
      else {
        const [, first = '', second = ''] = out.exec(result.out) ?? [];
        expect(BigInt(`0x${second}`) - BigInt(`0x${first}`)).toBe(1n);
      }
    },
    30_000,
  );
});

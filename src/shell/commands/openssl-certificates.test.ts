import { describe, expect, it } from 'vitest';
import { runToolLine } from '../../../tests/support/run-tool-line.ts';

const NO_FILE =
  'Could not open file or uri for loading certificate from nope\n' +
  '40272F228D7F0000:error:16000069:STORE routines:ossl_store_get0_loader_int:unregistered scheme:../crypto/store/store_register.c:237:scheme=file\n' +
  '40272F228D7F0000:error:80000002:system library:file_open:No such file or directory:../providers/implementations/storemgmt/file_store.c:266:calling stat(nope)\n' +
  'Unable to load certificate\n';

// Expected outputs recorded from OpenSSL 3.0.19 for the same commands (dates depend on the clock,
// so they are checked by shape).
describe('openssl req -x509 and x509', () => {
  const cases: { name: string; line: string; out: RegExp | string; code?: number }[] = [
    {
      name: 'writes a PKCS#8 key and a certificate',
      line: 'openssl req -x509 -newkey rsa:2048 -nodes -keyout k -out c -subj /CN=x -days 365 2>/dev/null; head -1 k c',
      out: '==> k <==\n-----BEGIN PRIVATE KEY-----\n\n==> c <==\n-----BEGIN CERTIFICATE-----\n',
    },
    {
      name: 'draws the key search progress on standard error, then a rule',
      line: 'openssl req -x509 -newkey rsa:2048 -nodes -keyout k -out c -subj /CN=x 2>&1',
      out: /^(?:(?:[.+]*\+{65}\*){2}[.+]*\+{65}\n){2}-----\n$/,
    },
    {
      name: 'x509 -subject',
      line: 'openssl req -x509 -newkey rsa:2048 -nodes -keyout k -out c -subj /CN=x 2>/dev/null; openssl x509 -in c -noout -subject',
      out: 'subject=CN = x\n',
    },
    {
      name: 'x509 -issuer with several parts',
      line: 'openssl req -x509 -newkey rsa:2048 -nodes -keyout k -out c -subj /C=US/O=acme/CN=web 2>/dev/null; openssl x509 -in c -noout -issuer',
      out: 'issuer=C = US, O = acme, CN = web\n',
    },
    {
      name: 'x509 -dates a year apart',
      line: 'openssl req -x509 -newkey rsa:2048 -nodes -keyout k -out c -subj /CN=x -days 365 2>/dev/null; openssl x509 -in c -noout -dates',
      out: /^notBefore=([A-Z][a-z]{2} [ \d]\d \d\d:\d\d:\d\d) (\d{4}) GMT\nnotAfter=[A-Z][a-z]{2} [ \d]\d \d\d:\d\d:\d\d \d{4} GMT\n$/,
    },
    {
      name: 'genrsa, then a signing request for the key',
      line: 'openssl genrsa -out g.key 2048; openssl req -new -key g.key -out g.csr -subj /CN=jane; head -1 g.key g.csr',
      out: '==> g.key <==\n-----BEGIN PRIVATE KEY-----\n\n==> g.csr <==\n-----BEGIN CERTIFICATE REQUEST-----\n',
    },
    {
      name: 'a certificate for an existing key',
      line: 'openssl genrsa -out g.key 2048; openssl req -x509 -key g.key -out g.crt -subj /CN=web; openssl x509 -in g.crt -noout -subject',
      out: 'subject=CN = web\n',
    },
    {
      name: 'req with a missing key',
      line: 'openssl req -new -key nope -subj /CN=x',
      out:
        'Could not open file or uri for loading private key from nope\n' +
        '40272F228D7F0000:error:16000069:STORE routines:ossl_store_get0_loader_int:unregistered scheme:../crypto/store/store_register.c:237:scheme=file\n' +
        '40272F228D7F0000:error:80000002:system library:file_open:No such file or directory:../providers/implementations/storemgmt/file_store.c:266:calling stat(nope)\n',
      code: 1,
    },
    { name: 'x509 of a missing file', line: 'openssl x509 -in nope -noout -subject', out: NO_FILE, code: 1 },
  ];
  it.each(cases)('$name', async ({ line, out, code = 0 }) => {
    const result = await runToolLine(`cd /root; ${line}`);
    if (typeof out === 'string') expect(result).toEqual({ out, code });
    else expect(result.out).toMatch(out);
  });
});

import { describe, expect, it } from 'vitest';
import { connectionFlags } from './remote-kubectl.ts';

const cases = [
  { name: 'flags before the command', args: ['--kubeconfig', 'lab.yaml', '--context=admin', 'get', 'pods'], want: { kubeconfig: 'lab.yaml', context: 'admin' } },
  {
    name: 'flags after the command, -s as --server',
    args: ['get', 'pods', '-s', 'http://127.0.0.1:6443', '--user', 'reader'],
    want: { server: 'http://127.0.0.1:6443', user: 'reader' },
  },
  {
    name: 'TLS and token flags',
    args: ['--token=t0k', '--insecure-skip-tls-verify', '--certificate-authority', 'ca.crt', 'version'],
    want: { token: 't0k', insecureSkipTlsVerify: true, certificateAuthority: 'ca.crt' },
  },
  { name: 'an explicit false', args: ['--insecure-skip-tls-verify=false', 'get', 'ns'], want: { insecureSkipTlsVerify: false } },
  { name: 'nothing after -- belongs to kubectl', args: ['exec', 'web', '--', 'kubectl', '--context', 'inner'], want: {} },
];

describe('connectionFlags', () => {
  it.each(cases)('$name', ({ args, want }) => {
    expect(connectionFlags(args)).toEqual(want);
  });
});

import { describe, expect, it } from 'vitest';
import { parseServeArgs } from './serve-args.ts';

describe('parseServeArgs', () => {
  const cases = [
    { name: 'defaults', args: [], want: { port: 6443, kubeconfigPath: 'cka-lab.kubeconfig', seed: 1, logRequests: false } },
    { name: 'every flag', args: ['--lab', 'rolling-updates', '--port=0', '--kubeconfig', 'kc', '--seed', '7', '--log-requests'], want: { labId: 'rolling-updates', port: 0, kubeconfigPath: 'kc', seed: 7, logRequests: true } },
    { name: 'a port out of range', args: ['--port', '70000'], want: { error: 'invalid --port "70000": expected a number from 0 to 65535' } },
    { name: 'a flag without its value', args: ['--lab'], want: { error: 'flag needs an argument: --lab' } },
    { name: 'an unknown flag', args: ['--tls'], want: { error: 'unknown argument "--tls"' } },
  ];
  it.each(cases)('$name', ({ args, want }) => {
    expect(parseServeArgs(args)).toEqual(want);
  });
});

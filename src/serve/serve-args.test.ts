import { describe, expect, it } from 'vitest';
import { parseServeArgs } from './serve-args.ts';

describe('parseServeArgs', () => {
  const cases = [
    { name: 'defaults', args: [], want: { port: 6443, kubeconfigPath: 'cka-lab.kubeconfig', seed: 1, paused: false, logRequests: false } },
    {
      name: 'every flag',
      args: ['--lab', 'rolling-updates', '--port=0', '--kubeconfig', 'kc', '--seed', '7', '--nodes', '3', '--paused', '--start-time', '2026-11-22T22:00:00Z', '--log-requests'],
      want: { labId: 'rolling-updates', port: 0, kubeconfigPath: 'kc', seed: 7, workerNodes: 3, paused: true, startTimeMs: Date.UTC(2026, 10, 22, 22), logRequests: true },
    },
    {
      name: 'a start time that is not RFC3339',
      args: ['--start-time', 'yesterday'],
      want: { error: 'invalid --start-time "yesterday": expected RFC3339 UTC, e.g. 2026-11-22T22:00:00Z' },
    },
    { name: 'too many nodes', args: ['--nodes=999'], want: { error: 'invalid --nodes "999": expected a worker count from 0 to 240' } },
    { name: 'a port out of range', args: ['--port', '70000'], want: { error: 'invalid --port "70000": expected a number from 0 to 65535' } },
    { name: 'a flag without its value', args: ['--lab'], want: { error: 'flag needs an argument: --lab' } },
    { name: 'an unknown flag', args: ['--tls'], want: { error: 'unknown argument "--tls"' } },
  ];
  it.each(cases)('$name', ({ args, want }) => {
    expect(parseServeArgs(args)).toEqual(want);
  });
});

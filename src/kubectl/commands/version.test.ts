import { describe, expect, it } from 'vitest';
import { newSession, runLine } from '../../../tests/support/session.ts';
import { versionSkewWarning } from './version.ts';

const CLIENT_JSON = `  "clientVersion": {
    "major": "1",
    "minor": "35",
    "gitVersion": "v1.35.2",
    "gitCommit": "fdc9d74cbf2da6754ebf81d56f80ae2948cd6425",
    "gitTreeState": "clean",
    "buildDate": "2026-02-26T20:05:34Z",
    "goVersion": "go1.25.7",
    "compiler": "gc",
    "platform": "linux/amd64"
  },
  "kustomizeVersion": "v5.7.1"`;

const CLIENT_YAML = `clientVersion:
  buildDate: "2026-02-26T20:05:34Z"
  compiler: gc
  gitCommit: fdc9d74cbf2da6754ebf81d56f80ae2948cd6425
  gitTreeState: clean
  gitVersion: v1.35.2
  goVersion: go1.25.7
  major: "1"
  minor: "35"
  platform: linux/amd64
kustomizeVersion: v5.7.1
`;

// Expected outputs captured from the real kubectl v1.35.2 (`--client`) and its JSON/YAML layout.
const cases = [
  { name: 'client and server', line: 'kubectl version', stdout: 'Client Version: v1.35.2\nKustomize Version: v5.7.1\nServer Version: v1.35.2\n', stderr: '', code: 0 },
  { name: 'client only', line: 'kubectl version --client', stdout: 'Client Version: v1.35.2\nKustomize Version: v5.7.1\n', stderr: '', code: 0 },
  { name: 'client only as json', line: 'kubectl version --client -o json', stdout: `{\n${CLIENT_JSON}\n}\n`, stderr: '', code: 0 },
  { name: 'client only as yaml', line: 'kubectl version --client -o yaml', stdout: `${CLIENT_YAML}\n`, stderr: '', code: 0 },
  {
    name: 'server as yaml, keys sorted',
    line: 'kubectl version -o yaml',
    stdout: `${CLIENT_YAML}serverVersion:\n  buildDate: "2026-02-26T20:05:34Z"\n  compiler: gc\n  emulationMajor: "1"\n  emulationMinor: "35"\n  gitCommit: fdc9d74cbf2da6754ebf81d56f80ae2948cd6425\n  gitTreeState: clean\n  gitVersion: v1.35.2\n  goVersion: go1.25.7\n  major: "1"\n  minCompatibilityMajor: "1"\n  minCompatibilityMinor: "34"\n  minor: "35"\n  platform: linux/amd64\n\n`,
    stderr: '',
    code: 0,
  },
  { name: 'bad output', line: 'kubectl version -o wide', stdout: '', stderr: "error: --output must be 'yaml' or 'json'\n", code: 1 },
  { name: 'extra arguments', line: 'kubectl version a b', stdout: '', stderr: 'error: extra arguments: [a b]\n', code: 1 },
];

describe('kubectl version', () => {
  it.each(cases)('$name', async ({ line, stdout, stderr, code }) => {
    const session = await newSession();
    expect(await runLine(session, line)).toEqual({ stdout, stderr, code });
  });

  it('prints the server version in Go field order as json', async () => {
    const session = await newSession();
    const res = await runLine(session, 'kubectl version -o json');
    expect(res.stdout).toBe(
      `{\n${CLIENT_JSON},\n  "serverVersion": {\n    "major": "1",\n    "minor": "35",\n    "emulationMajor": "1",\n    "emulationMinor": "35",\n    "minCompatibilityMajor": "1",\n    "minCompatibilityMinor": "34",\n    "gitVersion": "v1.35.2",\n    "gitCommit": "fdc9d74cbf2da6754ebf81d56f80ae2948cd6425",\n    "gitTreeState": "clean",\n    "buildDate": "2026-02-26T20:05:34Z",\n    "goVersion": "go1.25.7",\n    "compiler": "gc",\n    "platform": "linux/amd64"\n  }\n}\n`,
    );
  });
});

describe('versionSkewWarning', () => {
  const skews = [
    { name: 'same minor', server: 'v1.35.2', expected: {} },
    { name: 'one minor older', server: 'v1.34.0', expected: {} },
    {
      name: 'two minors older',
      server: 'v1.33.6+k3s1',
      expected: { warning: 'version difference between client (1.35) and server (1.33) exceeds the supported minor version skew of +/-1' },
    },
    {
      name: 'another major',
      server: 'v2.35.0',
      expected: { warning: 'version difference between client (1.35) and server (2.35) exceeds the supported minor version skew of +/-1' },
    },
    { name: 'unparseable', server: 'v1.35', expected: { error: 'server version error: could not parse "v1.35" as version' } },
  ];
  it.each(skews)('$name', ({ server, expected }) => {
    expect(versionSkewWarning('v1.35.2', server)).toEqual(expected);
  });
});

import { beforeAll, describe, expect, it } from 'vitest';
import { newSession, runLine } from '../../../tests/support/session.ts';

const CM = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\ndata:\n  COLOR: blue\n  SIZE: big\n';
const CM_WITHOUT_SIZE = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\ndata:\n  COLOR: blue\n';
const MANAGERS = '-o jsonpath=\'{.data}{" "}{range .metadata.managedFields[*]}{.manager}/{.operation} {end}\'';

// The real kubectl v1.35.2 against a served cluster (tests/parity/corpus/ssa-migration.sh).
const cases: { name: string; lines: string[]; want: string }[] = [
  {
    name: 'server-side apply takes over what client-side apply owned',
    lines: ['kubectl apply -f cm.yaml', 'kubectl apply --server-side -f cm.yaml', `kubectl get cm settings ${MANAGERS}`],
    want: '{"COLOR":"blue","SIZE":"big"} kubectl/Apply kubectl-last-applied/Apply ',
  },
  {
    name: 'a key dropped from the manifest goes once migrated',
    lines: ['kubectl apply -f cm.yaml', 'kubectl apply --server-side -f cm.yaml', 'kubectl apply --server-side -f cm2.yaml', `kubectl get cm settings ${MANAGERS}`],
    want: '{"COLOR":"blue"} kubectl-last-applied/Apply kubectl/Apply ',
  },
  {
    name: 'another field manager migrates without keeping the annotation',
    lines: ['kubectl apply -f cm.yaml', 'kubectl apply --server-side --field-manager=ops -f cm.yaml', `kubectl get cm settings ${MANAGERS}`],
    want: '{"COLOR":"blue","SIZE":"big"} ops/Apply ',
  },
  {
    name: 'server-side apply alone needs no migration',
    lines: ['kubectl apply --server-side -f cm.yaml', `kubectl get cm settings ${MANAGERS}`],
    want: '{"COLOR":"blue","SIZE":"big"} kubectl/Apply ',
  },
];

describe('server-side apply after client-side apply', () => {
  beforeAll(() => newSession(), 60_000);

  it.each(cases)('$name', async ({ lines, want }) => {
    const session = await newSession();
    session.fs.writeFile(`${session.shell.cwd}/cm.yaml`, CM);
    session.fs.writeFile(`${session.shell.cwd}/cm2.yaml`, CM_WITHOUT_SIZE);
    let last = { stdout: '', stderr: '', code: 0 };
    for (const line of lines) last = await runLine(session, line);
    expect(last).toEqual({ stdout: want, stderr: '', code: 0 });
  });
});

import { describe, expect, it } from 'vitest';
import { newSession, runLine } from '../../../../tests/support/session.ts';

const MISSING = `error: You must provide one or more resources by argument or filename.
Example resource specifications include:
   '-f rsrc.yaml'
   '--filename=rsrc.json'
   '<resource> <name>'
   '<resource>'
`;

// Whole outputs as kubectl v1.35.2 prints them against a served cluster. Found by the kubectl
// flags fuzz (FUZZ_SEED=1002 FUZZ_PATH=626), which saw every node cordoned.
describe('nodes named by an empty selector', () => {
  const cases = [
    { name: 'cordon -l empty', line: "kubectl -n fz cordon -l '' -n fz" },
    { name: 'uncordon -l empty', line: "kubectl uncordon -l ''" },
    { name: 'drain --selector= empty', line: 'kubectl drain --selector=' },
  ];
  for (const { name, line } of cases) {
    it(`${name}: names no node and changes none`, async () => {
      const session = await newSession();
      expect(await runLine(session, line)).toEqual({ stdout: '', stderr: MISSING, code: 1 });
      expect(await runLine(session, 'kubectl get nodes -o jsonpath={.items[*].spec.unschedulable}')).toEqual({ stdout: '', stderr: '', code: 0 });
    });
  }
});

/** Runs one declarative check of any kind. */
import type { Check } from '../schema.ts';
import { checkAbsent } from './absent.ts';
import { checkCel } from './cel.ts';
import type { CheckContext, CheckResult } from './check-context.ts';
import { checkContainer } from './container.ts';
import { checkCount } from './count.ts';
import { checkExists } from './exists.ts';
import { checkFileContains } from './file-contains.ts';
import { checkJsonPath } from './jsonpath.ts';
import { checkPodReady } from './pod-ready.ts';
import { checkRolloutComplete } from './rollout-complete.ts';
import { checkSameAs } from './same-as.ts';

export function runCheck(check: Check, ctx: CheckContext): Promise<CheckResult> {
  switch (check.kind) {
    case 'exists':
      return checkExists(check, ctx);
    case 'absent':
      return checkAbsent(check, ctx);
    case 'jsonpath':
      return checkJsonPath(check, ctx);
    case 'count':
      return checkCount(check, ctx);
    case 'podReady':
      return checkPodReady(check, ctx);
    case 'rolloutComplete':
      return checkRolloutComplete(check, ctx);
    case 'sameAs':
      return checkSameAs(check, ctx);
    case 'fileContains':
      return checkFileContains(check, ctx);
    case 'cel':
      return checkCel(check, ctx);
    case 'container':
      return checkContainer(check, ctx);
  }
}

/** `kubectl create poddisruptionbudget|pdb NAME --selector=… --min-available=N|--max-unavailable=N`. Models pkg/cmd/create/create_pdb.go. */
import type { KubeObject } from '../../engine/api/client.ts';
import { parseLabelSelector } from '../../lib/label-selector/label-selector.ts';
import { KubectlError } from '../errors.ts';
import { stringFlag } from '../flags.ts';
import type { KubectlCommand } from '../kubectl-command.ts';
import { OUTPUT_FLAGS, requireName, submit } from './generator-commands.ts';
import { parseToLabelSelector } from './set-selector.ts';

const INT_OR_PERCENT = /^[0-9]+%?$/;

/** intstr.Parse: a number when the text is one. */
const intOrString = (text: string): number | string => (/^-?\d+$/.test(text) && Number.isSafeInteger(Number(text)) ? Number(text) : text);

export const createPodDisruptionBudgetCommand: KubectlCommand = {
  path: 'create poddisruptionbudget',
  flags: [...OUTPUT_FLAGS, { name: 'selector', kind: 'string' }, { name: 'min-available', kind: 'string' }, { name: 'max-unavailable', kind: 'string' }],
  async run(inv) {
    const name = requireName(inv, 'create poddisruptionbudget');
    const selector = stringFlag(inv.flags, 'selector') ?? '';
    const minAvailable = stringFlag(inv.flags, 'min-available') ?? '';
    const maxUnavailable = stringFlag(inv.flags, 'max-unavailable') ?? '';
    if (!selector) throw new KubectlError('error: a selector must be specified');
    if (!minAvailable && !maxUnavailable) throw new KubectlError('error: one of min-available or max-unavailable must be specified');
    if (minAvailable && maxUnavailable) throw new KubectlError('error: min-available and max-unavailable cannot be both specified');
    if (minAvailable && !INT_OR_PERCENT.test(minAvailable)) throw new KubectlError('error: invalid format specified for min-available');
    if (maxUnavailable && !INT_OR_PERCENT.test(maxUnavailable)) throw new KubectlError('error: invalid format specified for max-unavailable');
    const parsed = parseLabelSelector(selector);
    if (!parsed.ok) throw new KubectlError(`error: couldn't parse the selector string "${selector}": ${parsed.message}`);
    const { matchLabels, matchExpressions } = parseToLabelSelector(selector);
    const pdb: KubeObject = {
      apiVersion: 'policy/v1',
      kind: 'PodDisruptionBudget',
      metadata: { name },
      spec: {
        ...(minAvailable ? { minAvailable: intOrString(minAvailable) } : { maxUnavailable: intOrString(maxUnavailable) }),
        selector: { ...(Object.keys(matchLabels).length ? { matchLabels } : {}), ...(matchExpressions.length ? { matchExpressions } : {}) },
      },
      status: { currentHealthy: 0, desiredHealthy: 0, disruptionsAllowed: 0, expectedPods: 0 },
    };
    return submit(inv, inv.mapper.resolve('poddisruptionbudgets')!, pdb, (message) => `error: failed to create poddisruptionbudgets: ${message}`);
  },
};

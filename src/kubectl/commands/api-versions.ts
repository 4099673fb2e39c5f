/** `kubectl api-versions`: every group/version the server's discovery lists, sorted. Models kubectl pkg/cmd/apiresources/apiversions.go. */
import { isApiConnectionError, KubectlError } from '../errors.ts';
import type { KubectlCommand } from '../kubectl-command.ts';

export const apiVersionsCommand: KubectlCommand = {
  path: 'api-versions',
  discovery: false,
  flags: [],
  async run(inv) {
    if (inv.args.length > 0) throw new KubectlError(`error: unexpected arguments: [${inv.args.join(' ')}]\nSee 'kubectl api-versions -h' for help and examples`);
    let resources;
    try {
      resources = await inv.api.discover();
    } catch (error) {
      if (!isApiConnectionError(error)) throw error;
      const cause = (error as { cause?: unknown }).cause;
      throw new KubectlError(`error: couldn't get available api versions from server: ${typeof cause === 'string' ? cause : error.message}`);
    }
    const versions = new Set(resources.map((r) => (r.group ? `${r.group}/${r.version}` : r.version)));
    inv.out(
      [...versions]
        .sort()
        .map((v) => `${v}\n`)
        .join(''),
    );
    return 0;
  },
};

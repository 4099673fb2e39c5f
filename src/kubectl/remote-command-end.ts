/**
 * How kubectl ends after a remotecommand session (exec, cp, attach): cmdutil.CheckErr prints the
 * failure, and a command that exited non-zero in the container ends kubectl with its code.
 */
import type { ApiResponse, ExecResult, Status } from '../engine/api/client.ts';
import { formatStatus } from './errors.ts';
import type { Invocation } from './kubectl-command.ts';

/**
 * The API server's own refusals print as `Error from server (…)`; the kubelet's refusal to upgrade
 * the connection and a failure on the exec stream print as plain errors.
 */
export function execFailure(status: Status): string {
  if (status.message.startsWith('unable to upgrade connection: ') || status.reason === 'InternalError') return `error: ${status.message}`;
  return formatStatus(status);
}

/** Prints what kubectl prints for the session's answer and returns kubectl's exit code. */
export function remoteCommandExitCode(inv: Invocation, res: ApiResponse<ExecResult>): number {
  if (!res.ok) {
    inv.err(`${execFailure(res.body)}\n`);
    return 1;
  }
  if (res.body.exitCode !== 0) {
    inv.err(`command terminated with exit code ${res.body.exitCode}\n`);
    return res.body.exitCode;
  }
  return 0;
}

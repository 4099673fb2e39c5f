/** How grep, sed and awk report a pattern that does not compile, in their userland's words. */
import type { RegexSyntaxError } from '../../lib/regex/regex-syntax-error.ts';
import type { Userland } from '../command.ts';

/**
 * GNU tools print glibc's reason after their own prefix (`grep: Unmatched ( or \(`); busybox
 * applets go through libbb's xregcomp: `grep: bad regex '(': Missing ')'` with musl's reason.
 */
export function regexFailureReason(userland: Userland, pattern: string, error: RegexSyntaxError): string {
  return userland === 'busybox' ? `bad regex '${pattern}': ${error.muslMessage}` : error.gnuMessage;
}

/** What a tool prints when a back-reference search ran out of budget (gnulib's xalloc_die, libbb's bb_die_memory_exhausted). */
export function regexBudgetMessage(userland: Userland, program: string): string {
  return userland === 'busybox' ? `${program}: out of memory` : `${program}: memory exhausted`;
}

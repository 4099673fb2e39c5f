/**
 * Why a pattern does not compile, in the words of the C library behind the tool: glibc's regerror
 * for GNU grep, sed, gawk and bash; musl's for busybox in Alpine images (busybox's xregcomp prints
 * `bad regex '%s': %s` around it).
 */

/** The POSIX regcomp error codes we raise, plus GNU dfa.c's own complaint about `[:space:]`. */
export type RegexErrorCode = 'ECTYPE' | 'ECOLLATE' | 'EESCAPE' | 'ESUBREG' | 'EBRACK' | 'EPAREN' | 'ERPAREN' | 'EBRACE' | 'BADBR' | 'ERANGE' | 'BADRPT' | 'ESIZE' | 'CLASS_SYNTAX';

// Models glibc posix/regcomp.c __re_error_msgid.
const GLIBC: Record<Exclude<RegexErrorCode, 'CLASS_SYNTAX'>, string> = {
  ECOLLATE: 'Invalid collation character',
  ECTYPE: 'Invalid character class name',
  EESCAPE: 'Trailing backslash',
  ESUBREG: 'Invalid back reference',
  EBRACK: 'Unmatched [, [^, [:, [., or [=',
  EPAREN: 'Unmatched ( or \\(',
  ERPAREN: 'Unmatched ) or \\)',
  EBRACE: 'Unmatched \\{',
  BADBR: 'Invalid content of \\{\\}',
  ERANGE: 'Invalid range end',
  BADRPT: 'Invalid preceding regular expression',
  ESIZE: 'Regular expression too big',
};

// Models musl src/regex/regerror.c messages.
const MUSL: Record<Exclude<RegexErrorCode, 'CLASS_SYNTAX'>, string> = {
  ECOLLATE: 'Unknown collating element',
  ECTYPE: 'Unknown character class name',
  EESCAPE: 'Trailing backslash',
  ESUBREG: 'Invalid back reference',
  EBRACK: "Missing ']'",
  EPAREN: "Missing ')'",
  ERPAREN: "Missing ')'",
  EBRACE: "Missing '}'",
  BADBR: 'Invalid contents of {}',
  ERANGE: 'Invalid character range',
  BADRPT: 'Repetition not preceded by valid expression',
  ESIZE: 'Out of memory',
};

export class RegexSyntaxError extends Error {
  constructor(
    readonly code: RegexErrorCode,
    /** For CLASS_SYNTAX: the class name the user wrote as `[:name:]`. */
    readonly detail = '',
  ) {
    super(code === 'CLASS_SYNTAX' ? `character class syntax is [[:${detail}:]], not [:${detail}:]` : GLIBC[code]);
  }

  /** The message glibc's regerror gives (GNU tools). */
  get gnuMessage(): string {
    return this.message;
  }

  /** The message musl's regerror gives (busybox in Alpine images). */
  get muslMessage(): string {
    return this.code === 'CLASS_SYNTAX' ? this.message : MUSL[this.code];
  }
}

/**
 * A pattern with back-references ran past the step budget of the backtracking matcher. glibc's
 * regexec gives up the same way on such patterns (REG_ESPACE), which GNU tools report as running
 * out of memory.
 */
export class RegexBudgetError extends Error {
  constructor() {
    super('memory exhausted');
  }
}

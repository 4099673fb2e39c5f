import { describe, expect, it } from 'vitest';
import { columnsLayout } from './ls.ts';

const NAMES =
  'alpha beta chi delta epsilon eta gamma iota kappa lambda mu nu omega omicron phi pi psi rho sigma tau theta upsilon verylongfilename-number-one verylongfilename-number-two xi zeta'.split(
    ' ',
  );

// Expected outputs recorded from GNU ls (coreutils 9.1) on a terminal `stty cols WIDTH` wide.
describe('ls lays names out in columns to the terminal width', () => {
  const cases: { width: number; out: string }[] = [
    {
      width: 80,
      out: 'alpha  epsilon\tkappa\tomega\t psi\ttheta\t\t\t     xi\nbeta   eta\tlambda\tomicron  rho\tupsilon\t\t\t     zeta\nchi    gamma\tmu\tphi\t sigma\tverylongfilename-number-one\ndelta  iota\tnu\tpi\t tau\tverylongfilename-number-two\n',
    },
    {
      width: 40,
      out: 'alpha\t omicron\nbeta\t phi\nchi\t pi\ndelta\t psi\nepsilon  rho\neta\t sigma\ngamma\t tau\niota\t theta\nkappa\t upsilon\nlambda\t verylongfilename-number-one\nmu\t verylongfilename-number-two\nnu\t xi\nomega\t zeta\n',
    },
    {
      width: 120,
      out: 'alpha  chi    epsilon  gamma  kappa   mu  omega    phi\tpsi  sigma  theta    verylongfilename-number-one  xi\nbeta   delta  eta      iota   lambda  nu  omicron  pi\trho  tau    upsilon  verylongfilename-number-two  zeta\n',
    },
  ];
  it.each(cases)('$width columns', ({ width, out }) => {
    expect(columnsLayout(NAMES, width)).toBe(out);
  });
});

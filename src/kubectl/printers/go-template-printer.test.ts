/**
 * Each case was printed by the real kubectl v1.35.2: `kubectl label --local -f obj.yaml z=1 -o
 * go-template=TEMPLATE` over the object below; the names follow text/template's exec_test.go
 * where a case there tests the same rule.
 */
import { describe, expect, it } from 'vitest';
import { KubectlError } from '../errors.ts';
import { checkGoTemplate, printGoTemplate } from './go-template-printer.ts';
import cases from './testdata/go-template-cases.json' with { type: 'json' };

const object = {
  apiVersion: 'v1',
  big: 1000000,
  data: { a: '1', b: 'two' },
  empty: [],
  flt: 2.5,
  kind: 'ConfigMap',
  list: ['a', 'b', 'c'],
  metadata: { labels: { app: 'web', tier: 'fe', z: '1' }, name: 'demo' },
  nul: null,
  num: 3,
  t: true,
};

function run(template: string): { stdout: string; stderr: string } {
  try {
    checkGoTemplate(`go-template=${template}`);
    return { stdout: printGoTemplate(template, object), stderr: '' };
  } catch (error) {
    if (!(error instanceof KubectlError)) throw error;
    return { stdout: error.stdout, stderr: `${error.message}\n` };
  }
}

describe('go-template printer against kubectl v1.35.2', () => {
  it.each(cases)('$name', ({ template, stdout, stderr }) => {
    expect(run(template)).toEqual({ stdout, stderr });
  });
});

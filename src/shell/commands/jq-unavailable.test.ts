import { describe, expect, it, vi } from 'vitest';
import { runToolLine } from '../../../tests/support/run-tool-line.ts';

// As a browser answers a chunk it cannot fetch (offline before jq was ever used).
vi.mock('jq-wasm', () => {
  throw new TypeError('Failed to fetch dynamically imported module: /assets/jq.js');
});

describe('jq and yq when the WebAssembly jq cannot be loaded', () => {
  it.each([{ line: `echo '{"a":1}' | jq .a; echo "status $?"` }, { line: `echo 'a: 1' | yq .a; echo "status $?"` }, { line: `jq -n 1; jq -n 2; echo "status $?"`, twice: true }])(
    '$line',
    async ({ line, twice }) => {
      const said = 'jq: cannot run: the jq program could not be loaded (is the network down?); try again later\n';
      expect(await runToolLine(line)).toEqual({ out: `${twice ? said : ''}${said}status 126\n`, code: 0 });
    },
  );
});

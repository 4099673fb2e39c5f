#!/usr/bin/env node
// The npm bin entry: runs the TypeScript CLI through tsx, so no build step is needed after install.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('./main.ts');
const code = await main(process.argv.slice(2));
if (process.argv[2] === 'kubectl') {
  // kubectl exits when its command is done, whatever keep-alive sockets or stdin listeners remain.
  await new Promise((resolve) => process.stdout.write('', resolve));
  await new Promise((resolve) => process.stderr.write('', resolve));
  process.exit(code);
}
process.exitCode = code;

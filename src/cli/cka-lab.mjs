#!/usr/bin/env node
// The npm bin entry: runs the TypeScript CLI through tsx, so no build step is needed after install.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('./main.ts');
process.exitCode = await main(process.argv.slice(2));

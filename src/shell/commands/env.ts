/** env and printenv: the exported environment, sorted as the process received it. */
import type { Command } from '../command.ts';

export const env: Command = {
  name: 'env',
  async run(ctx) {
    const args = ctx.argv.slice(1);
    const assignments = args.filter((a) => /^[A-Za-z_][A-Za-z0-9_]*=/.test(a));
    const rest = args.slice(assignments.length);
    if (rest.length > 0) {
      const prefix = assignments.map((a) => `${a.split('=')[0]}='${a.slice(a.indexOf('=') + 1)}'`).join(' ');
      return ctx.runScript(`${prefix} ${rest.map((w) => `'${w.replace(/'/g, `'\\''`)}'`).join(' ')}`);
    }
    const vars = new Map(ctx.env);
    for (const a of assignments) vars.set(a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1));
    for (const [k, v] of vars) ctx.stdout.write(`${k}=${v}\n`);
    return 0;
  },
};

export const printenv: Command = {
  name: 'printenv',
  async run(ctx) {
    const names = ctx.argv.slice(1);
    if (names.length === 0) {
      for (const [k, v] of ctx.env) ctx.stdout.write(`${k}=${v}\n`);
      return 0;
    }
    let status = 0;
    for (const name of names) {
      const value = ctx.env.get(name);
      if (value === undefined) status = 1;
      else ctx.stdout.write(`${value}\n`);
    }
    return status;
  },
};

/** mkdir, rm, touch, cp, mv, chmod, hostname with coreutils' or busybox's messages. */
import type { Command, CommandContext } from '../command.ts';
import { resolvePath } from '../../lib/resolve-path.ts';
import { fsMessage } from '../interpreter/fs-message.ts';
import { fileToolFailure } from './userland.ts';

function operands(ctx: CommandContext): { flags: string; names: string[] } {
  const args = ctx.argv.slice(1);
  return { flags: args.filter((a) => a.startsWith('-')).join(''), names: args.filter((a) => !a.startsWith('-')) };
}

export const mkdir: Command = {
  name: 'mkdir',
  async run(ctx) {
    const { flags, names } = operands(ctx);
    let status = 0;
    for (const name of names) {
      try {
        ctx.fs.mkdir(resolvePath(ctx.cwd, name), { recursive: flags.includes('p') });
      } catch (error) {
        ctx.stderr.write(`${fileToolFailure(ctx.userland, 'mkdir', name, fsMessage(error))}\n`);
        status = 1;
      }
    }
    return status;
  },
};

export const rm: Command = {
  name: 'rm',
  async run(ctx) {
    const { flags, names } = operands(ctx);
    let status = 0;
    for (const name of names) {
      const path = resolvePath(ctx.cwd, name);
      if (!ctx.fs.exists(path)) {
        if (!flags.includes('f')) {
          ctx.stderr.write(`${fileToolFailure(ctx.userland, 'rm', name, 'No such file or directory')}\n`);
          status = 1;
        }
        continue;
      }
      if (ctx.fs.stat(path).kind === 'directory' && !/[rR]/.test(flags)) {
        ctx.stderr.write(`${fileToolFailure(ctx.userland, 'rm-directory', name, 'Is a directory')}\n`);
        status = 1;
        continue;
      }
      ctx.fs.remove(path, { recursive: true });
    }
    return status;
  },
};

export const touch: Command = {
  name: 'touch',
  async run(ctx) {
    for (const name of operands(ctx).names) {
      const path = resolvePath(ctx.cwd, name);
      try {
        ctx.fs.writeFile(path, ctx.fs.exists(path) ? ctx.fs.readFile(path) : '');
      } catch (error) {
        ctx.stderr.write(`${fileToolFailure(ctx.userland, 'touch', name, fsMessage(error))}\n`);
        return 1;
      }
    }
    return 0;
  },
};

function copy(ctx: CommandContext, name: 'cp' | 'mv'): number {
  const { names } = operands(ctx);
  if (names.length < 2) {
    ctx.stderr.write(`${name}: missing destination file operand after '${names[0] ?? ''}'\nTry '${name} --help' for more information.\n`);
    return 1;
  }
  const target = resolvePath(ctx.cwd, names.at(-1)!);
  const targetIsDir = ctx.fs.exists(target) && ctx.fs.stat(target).kind === 'directory';
  for (const source of names.slice(0, -1)) {
    const from = resolvePath(ctx.cwd, source);
    try {
      const content = ctx.fs.readFile(from);
      const mode = ctx.fs.stat(from).mode;
      const to = targetIsDir ? `${target}/${from.slice(from.lastIndexOf('/') + 1)}` : target;
      ctx.fs.writeFile(to, content, { mode });
      if (name === 'mv') ctx.fs.remove(from);
    } catch (error) {
      ctx.stderr.write(`${fileToolFailure(ctx.userland, name, source, fsMessage(error))}\n`);
      return 1;
    }
  }
  return 0;
}

export const cp: Command = { name: 'cp', run: async (ctx) => copy(ctx, 'cp') };
export const mv: Command = { name: 'mv', run: async (ctx) => copy(ctx, 'mv') };

export const chmod: Command = {
  name: 'chmod',
  async run(ctx) {
    const [mode, ...files] = operands(ctx).names.length ? ctx.argv.slice(1) : [];
    if (!mode || files.length === 0) {
      ctx.stderr.write("chmod: missing operand\nTry 'chmod --help' for more information.\n");
      return 1;
    }
    for (const file of files) {
      const path = resolvePath(ctx.cwd, file);
      if (!ctx.fs.exists(path)) {
        ctx.stderr.write(`${fileToolFailure(ctx.userland, 'chmod', file, 'No such file or directory')}\n`);
        return 1;
      }
      const current = ctx.fs.stat(path).mode;
      let next = current;
      if (/^[0-7]{3,4}$/.test(mode)) next = parseInt(mode, 8);
      else {
        const m = /^([ugoa]*)([+-=])([rwx]+)$/.exec(mode);
        if (!m) {
          ctx.stderr.write(`chmod: invalid mode: '${mode}'\n`);
          return 1;
        }
        const who = m[1] || 'a';
        const bits = (m[3]!.includes('r') ? 4 : 0) | (m[3]!.includes('w') ? 2 : 0) | (m[3]!.includes('x') ? 1 : 0);
        let mask = 0;
        if (/[ua]/.test(who)) mask |= bits << 6;
        if (/[ga]/.test(who)) mask |= bits << 3;
        if (/[oa]/.test(who)) mask |= bits;
        next = m[2] === '+' ? current | mask : m[2] === '-' ? current & ~mask : mask;
      }
      ctx.fs.chmod(path, next);
    }
    return 0;
  },
};

export const hostname: Command = {
  name: 'hostname',
  async run(ctx) {
    ctx.stdout.write(`${ctx.env.get('HOSTNAME') ?? 'controlplane'}\n`);
    return 0;
  },
};

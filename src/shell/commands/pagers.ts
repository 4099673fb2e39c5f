/**
 * less and more. Writing to a pipe or file they copy their input, as both do when standard output
 * is not a terminal; this shell's programs write to the terminal through the same stream, so the
 * copy is what the learner sees (the text, then the prompt) — no full-screen paging.
 */
import type { Command } from '../command.ts';
import { resolvePath } from '../../lib/resolve-path.ts';

function pager(name: string): Command {
  return {
    name,
    async run(ctx) {
      const files = ctx.argv.slice(1).filter((a) => a === '-' || !a.startsWith('-'));
      if (files.length === 0 && ctx.stdinIsTerminal) {
        ctx.stderr.write(name === 'less' ? 'Missing filename ("less --help" for help)\n' : "more: bad usage\nTry 'more --help' for more information.\n");
        return 1;
      }
      if (files.length === 0) {
        ctx.stdout.write(ctx.stdin);
        return 0;
      }
      let status = 0;
      for (const file of files) {
        const path = resolvePath(ctx.cwd, file);
        if (file !== '-' && !ctx.fs.exists(path)) {
          ctx.stderr.write(name === 'less' ? `${file}: No such file or directory\n` : `more: cannot open ${file}: No such file or directory\n`);
          status = 1;
          continue;
        }
        // Models more.c: several files to a non-terminal each get a `::::::` banner.
        if (files.length > 1 && name === 'more') ctx.stdout.write(`::::::::::::::\n${file}\n::::::::::::::\n`);
        ctx.stdout.write(file === '-' ? ctx.stdin : ctx.fs.readFile(path));
      }
      return status;
    },
  };
}

export const less = pager('less');
export const more = pager('more');

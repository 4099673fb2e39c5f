/**
 * `vi`, `vim` and `nano FILE`: open the file in the page's editor and return when it is saved or
 * closed. A new file is created on save, as the real editors do.
 */
import type { Command, CommandContext, EditorKeys } from '../shell/command.ts';
import { resolvePath } from '../lib/resolve-path.ts';

function editorCommand(name: string, keys: EditorKeys): Command {
  return {
    name,
    async run(ctx: CommandContext) {
      const file = ctx.argv.slice(1).find((a) => !a.startsWith('-') && !a.startsWith('+'));
      if (!ctx.terminal.editFile) {
        ctx.stderr.write(`${name}: no terminal to edit in (use the browser app, or kubectl/cat with a here-document)\n`);
        return 1;
      }
      if (!file) {
        ctx.stderr.write(`${name}: a file name is needed here\n`);
        return 1;
      }
      const path = resolvePath(ctx.cwd, file);
      if (ctx.fs.exists(path) && ctx.fs.stat(path).kind === 'directory') {
        ctx.stderr.write(`"${file}" is a directory\n`);
        return 1;
      }
      await ctx.terminal.editFile(path, keys);
      return 0;
    },
  };
}

export const editorCommands: Command[] = [editorCommand('vi', 'vim'), editorCommand('vim', 'vim'), editorCommand('nano', 'nano')];

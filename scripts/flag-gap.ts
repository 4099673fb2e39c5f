/**
 * Lists, per kubectl command we run, the flags of the real kubectl's `--help` Options (captured in
 * src/kubectl/help/texts/) that our command does not register. Run: `npx tsx scripts/flag-gap.ts`.
 */
import { kubectlCommands } from '../src/kubectl/kubectl.ts';
import { GLOBAL_FLAGS } from '../src/kubectl/flags.ts';
import { helpTexts, loadHelpTexts } from '../src/kubectl/help/help-texts.ts';

/** The long names in a help text's `Options:` section (`    -f, --filename=[]:` → `filename`). */
function optionNames(help: string): string[] {
  const start = help.indexOf('\nOptions:\n');
  if (start < 0) return [];
  const end = help.indexOf('\nUsage:\n', start);
  const section = help.slice(start, end < 0 ? undefined : end);
  return [...section.matchAll(/^ {4}(?:-\w, )?--([\w-]+)/gm)].map((m) => m[1]!);
}

await loadHelpTexts();
const global = new Set(GLOBAL_FLAGS.map((f) => f.name));
let total = 0;
for (const command of kubectlCommands()) {
  const help = helpTexts()[command.path];
  if (help === undefined) continue;
  const ours = new Set(command.flags.map((f) => f.name));
  const missing = optionNames(help).filter((name) => !ours.has(name) && !global.has(name));
  if (missing.length === 0) continue;
  total += missing.length;
  console.log(`${command.path}: ${missing.map((name) => `--${name}`).join(' ')}`);
}
console.log(`${total} flags missing`);

// A shell inside a container (`kubectl exec -it`): Ctrl-C stops the command in it, not the exec;
// with -i alone the terminal stays cooked and Ctrl-C ends kubectl.
import { pollFor, terminalOf } from '../support.mjs';

export default async function ({ newPage, url, journey }) {
  const page = await newPage();
  const { screen, typeLine, waitForPrompt } = terminalOf(page);
  await page.goto(url('/#/free-play'));
  await waitForPrompt();

  await journey('kubectl exec -it: Ctrl-C interrupts the command inside and the container shell prompts again', async () => {
    await typeLine('kubectl run box --image=busybox --command -- sleep 3600');
    await pollFor(screen, (s) => s.includes('pod/box created'));
    await page.click('[data-testid=clock-settle]');
    await page.waitForSelector('[data-testid=clock-settle-status]:has-text("Settled after"), [data-testid=clock-settle-status]:has-text("Nothing pending")', { timeout: 20_000 });
    await typeLine('clear');
    await typeLine('kubectl exec -it box -- sh');
    await pollFor(screen, (s) => /^\/ # $/m.test(s.trimEnd() + ' '), 15_000);
    // Ctrl-C right after Enter, as a learner does: the line reaches the shell first, then the signal.
    await typeLine('sleep 1000');
    await page.keyboard.press('Control+c');
    await pollFor(screen, (s) => /\/ # sleep 1000\n\^C\n\/ #\s*$/.test(s), 10_000);
    await typeLine('echo still-inside');
    await pollFor(screen, (s) => /^still-inside$/m.test(s));
    await typeLine('exit');
    await pollFor(screen, (s) => /\/ # exit\ncontrolplane ~ ➜\s*$/.test(s), 10_000);
  });

  await journey('Ctrl-C pressed right after Enter interrupts the command the line started', async () => {
    await typeLine('clear');
    await typeLine('sleep 1000');
    await page.keyboard.press('Control+c');
    await pollFor(screen, (s) => /^controlplane ~ ➜  sleep 1000\n\^C\ncontrolplane ~ ✖\s*$/m.test(s), 10_000);
    await typeLine('echo $?');
    await pollFor(screen, (s) => /^130$/m.test(s), 10_000);
  });

  await journey('kubectl exec -it: cat echoes each typed line until Ctrl-D; in the container shell Ctrl-C stops cat and drops a half-typed line, Ctrl-D leaves', async () => {
    await typeLine('clear');
    await typeLine('kubectl exec -it box -- cat');
    await typeLine('USER5 Failed to Login');
    await pollFor(screen, (s) => /kubectl exec -it box -- cat\nUSER5 Failed to Login\nUSER5 Failed to Login\n/.test(s), 10_000);
    await page.keyboard.press('Control+d');
    await pollFor(screen, (s) => /USER5 Failed to Login\ncontrolplane ~ ➜\s*$/.test(s), 10_000);
    await typeLine('clear');
    await typeLine('kubectl exec -it box -- sh');
    await pollFor(screen, (s) => /^\/ # $/m.test(s.trimEnd() + ' '), 15_000);
    await typeLine('cat');
    await typeLine('typed');
    await pollFor(screen, (s) => /\/ # cat\ntyped\ntyped\n/.test(s));
    await page.keyboard.press('Control+c');
    await pollFor(screen, (s) => /typed\ntyped\n\^C\n\/ #\s*$/.test(s), 10_000);
    await page.keyboard.type('half a line');
    await page.keyboard.press('Control+c');
    await pollFor(screen, (s) => /\/ # half a line\^C\n\/ #\s*$/.test(s), 10_000);
    // ash ends with the status of the last command, the cat killed by Ctrl-C.
    await page.keyboard.press('Control+d');
    await pollFor(screen, (s) => /\/ # \ncommand terminated with exit code 130\ncontrolplane ~ ✖\s*$/.test(s), 10_000);
  });

  await journey(
    "kubectl exec -i without -t: the terminal echoes each typed line and cat prints it back; sh runs lines with no prompt; Ctrl-C is kubectl's own and ends it with status 1",
    async () => {
      await typeLine('clear');
      await typeLine('kubectl exec -i box -- cat');
      await typeLine('hello there');
      await pollFor(screen, (s) => /kubectl exec -i box -- cat\nhello there\nhello there\n/.test(s), 10_000);
      // kubectl catches SIGINT to restore the terminal and exits 1: bash prints its prompt right after the ^C.
      await page.keyboard.press('Control+c');
      await pollFor(screen, (s) => /hello there\nhello there\n\^Ccontrolplane ~ ✖\s*$/.test(s), 10_000);
      await typeLine('echo $?');
      await pollFor(screen, (s) => /echo \$\?\n1\ncontrolplane ~ ➜\s*$/.test(s), 10_000);
      await typeLine('clear');
      await typeLine('kubectl exec -i box -- sh');
      await typeLine('echo hi');
      await pollFor(screen, (s) => /kubectl exec -i box -- sh\necho hi\nhi\n$/.test(s.trimEnd() + '\n'), 10_000);
      await typeLine('exit 3');
      await pollFor(screen, (s) => /\nhi\nexit 3\ncommand terminated with exit code 3\ncontrolplane ~ ✖\s*$/.test(s), 10_000);
    },
  );
}

// Every lab finished in the browser as a newcomer would: the questions answered in the panel, the
// reference solution typed into the terminal line by line (here-documents at the `> ` prompt),
// "Until settled" where the solution waits, Check pressed on each task, and the full score shown.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { pollFor } from '../support.mjs';

// Every lab under labs/; E2E_LABS=id,id narrows the run while one lab is being written.
const LABS = readdirSync('labs')
  .filter((id) => existsSync(`labs/${id}/lab.yaml`))
  .filter((id) => !process.env.E2E_LABS || process.env.E2E_LABS.split(',').includes(id));

/** The lab's own right answer to a question: the first accepted answer, else its solution. */
function rightAnswer(step) {
  return String(step.answers?.[0] ?? step.solution);
}

/** The last line of the terminal's screen, trimmed: a prompt when the shell waits for the learner. */
async function lastLine(page) {
  const rows = (await page.locator('.xterm-rows').innerText()).split('\n').map((l) => l.trimEnd());
  while (rows.length > 0 && rows.at(-1) === '') rows.pop();
  return rows.at(-1) ?? '';
}

const isPrompt = (line) => /controlplane ~ [➜✖]$/.test(line) || line === '>';

export default async function ({ newPage, url, journey }) {
  for (const labId of LABS) {
    await journey(`${labId}: finished in the browser with the panel, the terminal and the clock, full score`, async () => {
      const lab = parse(readFileSync(`labs/${labId}/lab.yaml`, 'utf8'));
      const steps = new Map(lab.steps.map((s) => [s.id, s]));
      const graded = lab.steps.filter((s) => s.kind !== 'info');
      const page = await newPage();
      const settleLog = [];
      const startedMs = Date.now();
      await page.goto(url(`/#/labs/${labId}`));
      await page.waitForSelector('[data-testid=lab-panel]', { timeout: 20_000 });
      await pollFor(() => lastLine(page), isPrompt, 30_000);
      const shown = await page.getByTestId('lab-panel').innerText();
      if (/`|\*\*/.test(shown)) throw new Error(`the panel shows markup instead of rendering it:\n${shown}`);

      const stepBox = (id) => page.locator(`[data-testid=lab-step-${id}]`);
      const hasVerdict = async (id, status) => (await stepBox(id).locator(`.verdict.${status}`).count()) > 0;
      const currentStep = async () => {
        for (const s of graded) if (!(await hasVerdict(s.id, 'pass'))) return s;
        return undefined;
      };

      const screen = () => page.locator('.xterm-rows').innerText();
      const squeezed = (text) => text.replace(/\s+/g, '');
      /** Types `line` and presses Enter once the terminal shows it (wrapped or not) after the prompt. */
      const enterLine = async (line) => {
        await page.click('[data-testid=terminal]');
        await page.keyboard.type(line);
        const echoed = await pollFor(screen, (s) => squeezed(s).endsWith(squeezed(line)));
        await page.keyboard.press('Enter');
        return echoed;
      };
      /** Waits for the shell to ask for the next line: `controlplane ~ ➜`, or `>` inside a here-document. */
      const waitForNextPrompt = (echoed, line) =>
        pollFor(
          async () => ((await screen()) !== echoed && isPrompt(await lastLine(page)) ? 'prompt' : ''),
          (s) => s === 'prompt',
          60_000,
        ).catch(async () => {
          throw new Error(`no prompt after \`${line}\`; screen was:\n${await screen()}`);
        });
      const typeLine = async (line) => waitForNextPrompt(await enterLine(line), line);

      const untilSettled = async () => {
        await page.click('[data-testid=clock-settle]');
        const said = await pollFor(
          () =>
            page
              .locator('[data-testid=clock-settle-status]')
              .innerText()
              .catch(() => ''),
          (s) => s !== '' && !s.includes('Fast-forwarding'),
          60_000,
        );
        settleLog.push(said);
      };

      const answer = async (id) => {
        const step = steps.get(id);
        const box = stepBox(id);
        const text = rightAnswer(step);
        // A choice is shown rendered, so its button is named without the markup.
        if (step.choices) await box.getByRole('button', { name: text.replace(/`|\*\*/g, ''), exact: true }).click();
        else {
          await box.locator('input').click();
          await page.keyboard.type(text);
          await page.keyboard.press('Enter');
        }
        await box
          .locator('.verdict.pass')
          .waitFor({ timeout: 10_000 })
          .catch(async () => {
            throw new Error(`answering "${text}" to ${id} did not pass: ${await box.innerText()}`);
          });
      };

      /** Check on the current task, and on the tasks after it while they pass (a learner moving on). */
      const checkCurrentTasks = async () => {
        for (let step = await currentStep(); step?.kind === 'task'; step = await currentStep()) {
          const box = stepBox(step.id);
          await box
            .getByTestId('check-button')
            .click({ timeout: 10_000 })
            .catch(async (error) => {
              throw new Error(`no Check on ${step.id}: ${error.message.split('\n')[0]}\npanel:\n${await page.getByTestId('lab-panel').innerText()}`);
            });
          await pollFor(
            async () => ((await hasVerdict(step.id, 'pass')) ? 'pass' : (await hasVerdict(step.id, 'fail')) ? 'fail' : ''),
            (v) => v !== '',
            10_000,
          );
          if (!(await hasVerdict(step.id, 'pass'))) return;
        }
      };

      const script = readFileSync(`labs/${labId}/solution.sh`, 'utf8').split('\n');
      for (const line of script) {
        if (line.trim() === '' || line.startsWith('#')) continue;
        const answered = /^@answer (\S+) /.exec(line);
        if (answered) await answer(answered[1]);
        else if (line.startsWith('@check')) await checkCurrentTasks();
        else if (/^sleep \d+$/.test(line)) await untilSettled();
        else if (/^kubectl rollout status /.test(line)) {
          // The learner fast-forwards instead of waiting for the rollout at the speed of the clock.
          const echoed = await enterLine(line);
          await untilSettled();
          await waitForNextPrompt(echoed, line);
        } else await typeLine(line);
      }

      // Tasks the script leaves to the final grade: each checked with its own button.
      for (const step of graded.filter((s) => s.kind === 'task')) {
        if (await hasVerdict(step.id, 'pass')) continue;
        await untilSettled();
        await stepBox(step.id).getByTestId('check-button').click();
        await stepBox(step.id)
          .locator('.verdict.pass')
          .waitFor({ timeout: 10_000 })
          .catch(async () => {
            throw new Error(`task ${step.id} did not pass: ${await stepBox(step.id).innerText()}`);
          });
      }
      await pollFor(
        () => page.getByTestId('lab-score').innerText(),
        (s) => s.includes(`Score ${graded.length}/${graded.length}`) && s.includes('lab complete'),
        10_000,
      );
      // A finished step unfolds and folds again from the keyboard, to reread it.
      const fold = stepBox(graded[0].id).locator('.lab-step-fold');
      await fold.focus();
      await page.keyboard.press('Enter');
      await pollFor(
        () => fold.getAttribute('aria-expanded'),
        (v) => v === 'true',
      );
      await page.keyboard.press('Space');
      await pollFor(
        () => fold.getAttribute('aria-expanded'),
        (v) => v === 'false',
      );
      console.log(`    ${((Date.now() - startedMs) / 1000).toFixed(0)}s; until settled said: ${settleLog.join(' | ')}`);
    });
  }
}

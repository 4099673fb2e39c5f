// The first minutes of a learner: the prompt, the rolling-updates lab, a reload, Tab completion.
import { mkdirSync } from 'node:fs';
import { pollFor, showPane, terminalOf } from '../support.mjs';

export default async function ({ newPage, url, journey }) {
  const page = await newPage();
  const { screen, typeLine } = terminalOf(page);
  await page.goto(url('/#/free-play'));

  await journey('the terminal shows the exam prompt and runs kubectl get nodes', async () => {
    await pollFor(screen, (s) => s.includes('controlplane ~ ➜'), 20_000);
    await typeLine('kubectl get nodes');
    const text = await pollFor(screen, (s) => s.includes('node01'));
    if (!/controlplane\s+Ready\s+control-plane/.test(text)) throw new Error(`unexpected output:\n${text}`);
  });

  await journey('a failing command turns the prompt into ✖', async () => {
    await page.keyboard.type('foo');
    await page.keyboard.press('Enter');
    await pollFor(screen, (s) => s.includes('bash: foo: command not found') && s.includes('controlplane ~ ✖'));
  });

  await journey('the rolling-updates lab: answer a question, upgrade the image, and see the task pass', async () => {
    await page.goto(url('/#/labs/rolling-updates'));
    await page.waitForSelector('[data-testid=lab-step-current-color]', { timeout: 20_000 });
    await page.click('[data-testid=lab-step-current-color] >> text=blue');
    await page.waitForSelector('[data-testid=lab-step-current-color] .verdict.pass');
    // A passed step folds to its first line; the learner can unfold it to reread it.
    const fold = page.locator('[data-testid=lab-step-current-color] .lab-step-fold');
    if ((await fold.getAttribute('aria-expanded')) !== 'false') throw new Error('a passed step is not folded');
    await fold.click();
    await page.waitForSelector('[data-testid=lab-step-current-color] button:has-text("green")');
    await fold.click();
    await page.waitForSelector('[data-testid=lab-step-current-color].folded');
    await showPane(page, 'preview');
    if (!(await page.locator('[data-testid=app-preview-tab][aria-selected=true]').innerText()).includes('Webapp Portal')) throw new Error("the lab's preview tab is not selected");
    const preview = page.frameLocator('[data-testid=app-preview] iframe');
    await preview.locator('h2', { hasText: 'Application Version: v1' }).waitFor({ timeout: 10_000 });
    await pollFor(screen, (s) => s.includes('controlplane ~ ➜'));
    await typeLine('kubectl set image deployment/frontend simple-webapp=kodekloud/webapp-color:v2');
    await pollFor(screen, (s) => s.includes('deployment.apps/frontend image updated'));
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=rollout-view] g.rs').length === 2, null, { timeout: 15_000 });
    await page.click('[data-testid=lab-step-upgrade-to-v2] [data-testid=check-button]');
    await page.waitForSelector('[data-testid=lab-step-upgrade-to-v2] .verdict.pass', { timeout: 10_000 });
  });

  await journey('progress, files and the cluster survive a reload', async () => {
    await typeLine('echo kept > mine.txt');
    await pollFor(screen, (s) => s.split('controlplane ~ ➜').length > 3);
    await page.reload();
    await page.waitForSelector('[data-testid=lab-step-upgrade-to-v2] .verdict.pass', { timeout: 20_000 });
    await page.waitForSelector('[data-testid=lab-step-current-color] .verdict.pass');
    await pollFor(screen, (s) => s.includes('controlplane ~ ➜'));
    await typeLine('cat mine.txt');
    await pollFor(screen, (s) => s.includes('kept'));
  });

  await journey('Tab completes kubectl verbs and object names', async () => {
    await page.click('[data-testid=terminal]');
    await page.keyboard.type('kubectl rollout stat');
    await page.keyboard.press('Tab');
    await pollFor(screen, (s) => s.includes('kubectl rollout status '));
    await page.keyboard.type('deploy fro');
    await page.keyboard.press('Tab');
    await pollFor(screen, (s) => s.includes('kubectl rollout status deploy frontend'));
    await page.keyboard.press('Enter');
    // The reload kept the v2 rollout going (old pods take their grace period to terminate).
    await pollFor(screen, (s) => s.includes('deployment "frontend" successfully rolled out'), 120_000);
  });

  mkdirSync('tests/output', { recursive: true });
  await page.screenshot({ path: 'tests/output/terminal.png' });
}

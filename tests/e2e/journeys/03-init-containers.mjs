// A lab whose later step creates objects: the step stays closed until the learner opens it.
import { pollFor, terminalOf } from '../support.mjs';

export default async function ({ newPage, url, journey }) {
  const lab = await newPage();
  const { screen: labScreen, typeLine } = terminalOf(lab);

  await journey('init-containers: the purple step stays closed until opened, then the pod is there', async () => {
    await lab.goto(url('/#/labs/init-containers'));
    const purple = '[data-testid=lab-step-purple-init-count]';
    await lab.waitForSelector(`${purple}.closed`, { timeout: 20_000 });
    if ((await lab.locator('[data-testid=lab-step-purple-state]').innerText()).includes('state of the POD'))
      throw new Error('a later step shows its question before it is reached');
    await pollFor(labScreen, (s) => s.includes('controlplane ~ ➜'), 20_000);
    await lab.click(`${purple} >> text=Open it now`);
    await pollFor(
      () => lab.locator(purple).innerText(),
      (t) => t.includes('purple'),
    );
    await typeLine('kubectl get pods purple');
    await pollFor(labScreen, (s) => /purple\s+0\/1\s+Init:0\/2/.test(s), 20_000);
  });

  await journey('a step opened ahead of time stays open after a reload', async () => {
    await lab.reload();
    await lab.waitForSelector('[data-testid=lab-step-purple-init-count]:not(.closed)', { timeout: 20_000 });
    await pollFor(
      () => lab.locator('[data-testid=lab-step-purple-init-count]').innerText(),
      (t) => t.includes('purple'),
    );
  });
}

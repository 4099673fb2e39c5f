// An automated accessibility audit (axe-core) of the pages a learner uses: no serious or critical violation.
import { AxeBuilder } from '@axe-core/playwright';
import { pollFor, terminalOf } from '../support.mjs';

/** The serious and critical violations on the page as it is now, one line each. */
async function seriousViolations(page) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

export default async function ({ newBrowser, url, journey }) {
  for (const [name, path, size] of [
    ['the home page', '/', { width: 1280, height: 720 }],
    ['a lab page', '/#/labs/rolling-updates', { width: 1280, height: 720 }],
    ['a lab page embedded at 800×600', '/?embed=1#/labs/rolling-updates', { width: 800, height: 600 }],
  ]) {
    await journey(`${name} has no serious accessibility violation`, async () => {
      // axe needs a page of a context it can open frames in.
      const context = await newBrowser(size);
      const page = await context.newPage();
      const { screen, atPrompt } = terminalOf(page);
      await page.goto(url(path));
      // The home page starts no cluster: its catalogue is what it waits for.
      if (path === '/') await page.waitForSelector('[data-testid=home-lab]', { timeout: 60_000 });
      else await pollFor(screen, (s) => atPrompt(s), 60_000);
      const found = await seriousViolations(page);
      // Its cluster would go on running beside the next page's.
      await context.close();
      if (found.length > 0) throw new Error(found.join('\n'));
    });
  }
}

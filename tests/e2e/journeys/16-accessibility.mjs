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

  for (const [name, path, size] of [
    ['on a lab page', '/#/labs/rolling-updates', { width: 1280, height: 720 }],
    ['in the 800×600 embed, opening the steps drawer', '/?embed=1#/labs/rolling-updates', { width: 800, height: 600 }],
  ]) {
    await journey(`Ctrl+Alt+O moves the keyboard from the terminal to the editor, the steps and back, ${name}`, async () => {
      const context = await newBrowser(size);
      const page = await context.newPage();
      const { screen, atPrompt } = terminalOf(page);
      await page.goto(url(path));
      await pollFor(screen, (s) => atPrompt(s), 60_000);
      await page.click('[data-testid=terminal]');
      const focusedArea = () =>
        page.evaluate(() => {
          const element = document.activeElement;
          if (element?.closest('.terminal-slot')) return 'terminal';
          if (element?.closest('[data-testid=editor]')) return 'editor';
          if (element?.closest('.steps-column, .steps-drawer')) return 'steps';
          return `elsewhere: ${element?.outerHTML.slice(0, 80)}`;
        });
      const visited = [await focusedArea()];
      for (const keys of ['Control+Alt+KeyO', 'Control+Alt+KeyO', 'Control+Alt+KeyO', 'Control+Alt+Shift+KeyO']) {
        await page.keyboard.press(keys);
        const before = visited.at(-1);
        visited.push(await pollFor(focusedArea, (area) => area !== before, 5_000).catch(focusedArea));
      }
      await context.close();
      const expected = ['terminal', 'editor', 'steps', 'terminal', 'steps'];
      if (visited.join(' ') !== expected.join(' ')) throw new Error(`focus went ${visited.join(' → ')}, not ${expected.join(' → ')}`);
    });
  }
}

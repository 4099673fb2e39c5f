// The built app under its Content-Security-Policy (issue 10): no eval, no inline script, no other
// origin. The page, the session worker and Monaco's YAML worker must all run without a violation.
import { readdirSync, readFileSync } from 'node:fs';
import { editorOf, pollFor, terminalOf } from '../support.mjs';

const LABS_DIR = new URL('../../../labs/', import.meta.url);

/** Every lab under labs/ with the first command its solution runs. */
function labsWithFirstCommand() {
  return readdirSync(LABS_DIR, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => {
      const solution = readFileSync(new URL(`${d.name}/solution.sh`, LABS_DIR), 'utf8');
      const first = solution.split('\n').find((l) => l.trim() && !l.trim().startsWith('#') && !l.startsWith('@'));
      return { id: d.name, first };
    });
}

/** Runs before the page's scripts: keeps every policy violation the document reports. */
function recordViolations() {
  globalThis.__cspViolations = [];
  document.addEventListener('securitypolicyviolation', (e) => globalThis.__cspViolations.push(`${e.violatedDirective} blocked ${e.blockedURI || 'inline'}`));
}

export default async function ({ newPage, url, journey }) {
  const page = await newPage();
  const violations = [];
  page.on('console', (message) => {
    if (message.text().includes('Content Security Policy')) violations.push(message.text());
  });
  await page.addInitScript(recordViolations);
  const allViolations = async () => [...violations, ...(await page.evaluate(() => globalThis.__cspViolations))];
  const { run, waitForPrompt } = terminalOf(page);
  const { cursorAt, openFromList, markers } = editorOf(page);
  const response = await page.goto(url('/#/labs/rolling-updates'));

  await journey('the page is served with a strict policy, as a header and as a <meta>', async () => {
    const header = response.headers()['content-security-policy'];
    const meta = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    if (meta !== header) throw new Error(`the <meta> policy differs from the header:\n${meta}\n${header}`);
    const directives = Object.fromEntries(
      meta
        .split(';')
        .map((d) => d.trim().split(/\s+/))
        .map(([name, ...values]) => [name, values.join(' ')]),
    );
    for (const [name, want] of [
      ['script-src', "'self' 'wasm-unsafe-eval'"],
      ['worker-src', "'self'"],
      ['connect-src', "'self'"],
      ['object-src', "'none'"],
    ]) {
      if (directives[name] !== want) throw new Error(`${name} is "${directives[name]}", not "${want}"`);
    }
    if (/'unsafe-eval'/.test(meta)) throw new Error(`the policy allows eval: ${meta}`);
  });

  await journey('a lab loads and commands run with no policy violation', async () => {
    await page.waitForSelector('[data-testid=lab-step-current-color]', { timeout: 20_000 });
    await waitForPrompt();
    await run('kubectl get deployment frontend', 'frontend');
    const found = await allViolations();
    if (found.length > 0) throw new Error(`policy violations:\n${found.join('\n')}`);
  });

  await journey('Monaco and its YAML worker run with no policy violation', async () => {
    await run('kubectl create deployment web --image=nginx --dry-run=client -o yaml > web.yaml');
    await waitForPrompt();
    await openFromList('/root/web.yaml');
    await cursorAt('/root/web.yaml', '^  replicas: 1');
    await page.keyboard.press('Backspace');
    await page.keyboard.type('abc');
    await pollFor(markers, (m) => m.includes('Incorrect type. Expected "number".'), 30_000);
    const found = await allViolations();
    if (found.length > 0) throw new Error(`policy violations:\n${found.join('\n')}`);
  });

  await journey('every lab loads and runs its first command with no policy violation', async () => {
    const labs = labsWithFirstCommand();
    for (const { id, first } of labs) {
      const labPage = await newPage();
      const consoleViolations = [];
      labPage.on('console', (message) => {
        if (message.text().includes('Content Security Policy')) consoleViolations.push(message.text());
      });
      await labPage.addInitScript(recordViolations);
      const terminal = terminalOf(labPage);
      await labPage.goto(url(`/#/labs/${id}`));
      await terminal.waitForPrompt(30_000);
      await terminal.typeLine(first);
      // The command's line, then a fresh prompt after it.
      await pollFor(terminal.screen, (s) => s.includes(first) && terminal.atPrompt(s) && s.trimEnd().split('\n').length > 2, 30_000);
      const found = [...consoleViolations, ...(await labPage.evaluate(() => globalThis.__cspViolations))];
      if (found.length > 0) throw new Error(`policy violations in lab ${id} after \`${first}\`:\n${found.join('\n')}`);
      await labPage.close();
    }
    console.log(`    ${labs.length} labs: ${labs.map((l) => l.id).join(', ')}`);
  });
}

// The built app under its Content-Security-Policy (issue 10): no eval, no inline script, no other
// origin. The page, the session worker and Monaco's YAML worker must all run without a violation.
import { editorOf, pollFor, terminalOf } from '../support.mjs';

export default async function ({ newPage, url, journey }) {
  const page = await newPage();
  const violations = [];
  page.on('console', (message) => {
    if (message.text().includes('Content Security Policy')) violations.push(message.text());
  });
  await page.addInitScript(() => {
    globalThis.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => globalThis.__cspViolations.push(`${e.violatedDirective} blocked ${e.blockedURI || 'inline'}`));
  });
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
      ['script-src', "'self'"],
      ['worker-src', "'self'"],
      ['connect-src', "'self'"],
      ['object-src', "'none'"],
    ]) {
      if (directives[name] !== want) throw new Error(`${name} is "${directives[name]}", not "${want}"`);
    }
    if (meta.includes('unsafe-eval')) throw new Error(`the policy allows eval: ${meta}`);
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
}

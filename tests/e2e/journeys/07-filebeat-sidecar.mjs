// The multi-container-pods lab's sidecar task as a learner does it in the browser: kubectl edit,
// the refusal, replace --force from the saved copy, and Kibana filling with the app's log lines.
import { editorOf, pollFor, showPane, terminalOf } from '../support.mjs';

const SIDECAR = ['  - image: kodekloud/filebeat-configured', '    name: sidecar', '    volumeMounts:', '    - mountPath: /var/log/event-simulator/', '      name: log-volume'];

export default async function ({ newPage, url, journey }) {
  const page = await newPage({ width: 1400, height: 900 });
  const { screen, typeLine, atPrompt } = terminalOf(page);
  const { cursorAt, text } = editorOf(page);
  const settle = async () => {
    await page.click('[data-testid=clock-settle]');
    await page.waitForSelector('[data-testid=clock-settle-status]:has-text("Settled after"), [data-testid=clock-settle-status]:has-text("Nothing pending")', { timeout: 60_000 });
  };
  const kibana = () =>
    page
      .frameLocator('[data-testid=app-preview] iframe')
      .locator('body')
      .innerText({ timeout: 2000 })
      .catch(() => '');
  await page.goto(url('/#/labs/multi-container-pods'));
  await pollFor(screen, (s) => s.includes('controlplane ~ ➜'), 20_000);

  await journey("filebeat sidecar: kubectl edit is refused, replace --force from the copy, Kibana shows the app's log lines", async () => {
    await showPane(page, 'preview');
    await page.click('[data-testid=app-preview-tab]:has-text("Kibana")');
    // A lab without Deployments has no rollout to show: no Rollout tab, no empty charts.
    if ((await page.locator('[data-testid=dock-tab-rollout]').count()) !== 0) throw new Error('a lab without Deployments offers a rollout view');
    await settle();
    // Kibana answers "not ready yet" for a while after its pod is Ready; 20× speeds that up.
    await page.selectOption('[data-testid=clock-controls] select[aria-label=speed]', '20');
    const before = await pollFor(kibana, (t) => t.includes('Discover'), 60_000);
    await page.selectOption('[data-testid=clock-controls] select[aria-label=speed]', '1');
    if (before.includes('Failed to Login')) throw new Error('Kibana shows log lines before any sidecar ships them');
    await typeLine('clear');
    await typeLine('kubectl edit pod app -n elastic-stack');
    const path = await page.waitForSelector('[data-testid=editor-tab][data-path^="/tmp/kubectl-edit-"]', { timeout: 30_000 }).then((t) => t.getAttribute('data-path'));
    await cursorAt(path, '^  containers:$');
    // Typed on the line after `containers:`, as a learner adds the new list item.
    await page.evaluate((lines) => {
      const editor = globalThis.__editor;
      const at = editor.getPosition();
      editor.executeEdits('learner', [
        { range: { startLineNumber: at.lineNumber, startColumn: at.column, endLineNumber: at.lineNumber, endColumn: at.column }, text: `\n${lines.join('\n')}` },
      ]);
    }, SIDECAR);
    await page.click('[data-testid=editor-save]');
    // As real kubectl edit: the server refuses, the same tab reopens with the failure as comments
    // above the learner's edit, and the terminal stays silent until the editor is left.
    const reopened = await pollFor(text, (t) => t.includes('# pods "app" was not valid:'), 15_000);
    if (!/^# \* spec\.containers: Forbidden: pod updates may not add or remove containers$/m.test(reopened))
      throw new Error(`no Forbidden comment in the reopened tab:\n${reopened}`);
    if (!reopened.includes('name: sidecar')) throw new Error('the reopened tab lost the edit');
    await page.click('[data-testid=editor-tab][data-path^="/tmp/kubectl-edit-"] [data-testid=editor-tab-close]');
    const refused = await pollFor(
      screen,
      (s) =>
        /error: pods "app" is invalid\nA copy of your changes has been stored to "\/tmp\/kubectl-edit-\d+\.yaml"\nerror: Edit cancelled, no valid changes were saved\.\n/.test(s) &&
        atPrompt(s),
      15_000,
    );
    const copy = refused.match(/stored to "(\/tmp\/kubectl-edit-[^"]+\.yaml)"/)[1];
    await typeLine('clear');
    await typeLine(`kubectl replace --force -f ${copy}`);
    await pollFor(screen, (s) => s.includes('pod "app" deleted') && s.includes('pod/app replaced') && atPrompt(s), 60_000);
    await settle();
    await typeLine('clear');
    await typeLine('kubectl get pod app -n elastic-stack');
    await pollFor(screen, (s) => /app\s+2\/2\s+Running/.test(s) && atPrompt(s), 20_000);
    await page.click('[data-testid=lab-step-sidecar] [data-testid=check-button]');
    await page.waitForSelector('[data-testid=lab-step-sidecar] .verdict.pass', { timeout: 15_000 });
    // Filebeat ships what the app writes; Discover lists it once the clock has moved on.
    await page.selectOption('[data-testid=clock-controls] select[aria-label=speed]', '20');
    await pollFor(kibana, (t) => t.includes('USER5 Failed to Login'), 60_000);
    await page.screenshot({ path: 'tests/output/kibana.png' });
  });
}

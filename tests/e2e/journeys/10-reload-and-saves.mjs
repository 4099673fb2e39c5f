// A reload brings the learner's session back as it was; a damaged save never costs the prompt.
import { editorOf, pollFor, terminalOf } from '../support.mjs';

const LAB = 'rolling-updates';

/** Runs in the page: puts `value` under `key` in the app's store, or deletes the key when value is undefined. */
function storeRecord([key, value]) {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open('cka-lab');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const tx = open.result.transaction('labs', 'readwrite');
      if (value === undefined) tx.objectStore('labs').delete(key);
      else tx.objectStore('labs').put(value, key);
      tx.oncomplete = () => {
        open.result.close();
        resolve();
      };
      tx.onerror = () => reject(tx.error);
    };
  });
}

function readRecord(key) {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open('cka-lab');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const get = open.result.transaction('labs').objectStore('labs').get(key);
      get.onsuccess = () => {
        open.result.close();
        resolve(get.result);
      };
      get.onerror = () => reject(get.error);
    };
  });
}

/** Raises the store's version as a newer app would, keeping what it holds. */
function upgradeStore(version) {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open('cka-lab', version);
    open.onerror = () => reject(open.error);
    open.onblocked = () => reject(new Error('upgrade blocked'));
    open.onsuccess = () => {
      open.result.close();
      resolve();
    };
  });
}

export default async function ({ newPage, url, journey }) {
  const page = await newPage({ width: 1400, height: 900 });
  const { screen, typeLine, atPrompt } = terminalOf(page);
  const { tab, openFromList } = editorOf(page);
  const unwrapped = async () => (await screen()).replaceAll('\n', '');
  const runToPrompt = async (line, expected, timeoutMs) => {
    await typeLine(line);
    return pollFor(unwrapped, (s) => s.includes(expected) && atPrompt(s), timeoutMs);
  };
  const notice = () =>
    page
      .locator('.notice[role=status]')
      .innerText({ timeout: 1000 })
      .catch(() => '');
  const noticeSays = (text) => pollFor(notice, (n) => n.includes(text), 30_000);
  const noErrorText = async () => {
    const s = await screen();
    if (/TypeError|Cannot read properties|undefined is not|Error:/.test(s)) throw new Error(`JavaScript error text reached the terminal:\n${s}`);
  };

  await page.goto(url(`/#/labs/${LAB}`));
  await pollFor(screen, (s) => s.includes('controlplane ~ ➜'), 20_000);
  await page.click('[data-testid=lab-step-current-color] >> text=blue');
  await page.waitForSelector('[data-testid=lab-step-current-color] .verdict.pass');

  await journey('a reload mid-rollout finds the same ReplicaSets, pods, files, shell, tabs and clock', async () => {
    await runToPrompt('kubectl set image deployment/frontend simple-webapp=kodekloud/webapp-color:v2', 'deployment.apps/frontend image updated');
    await runToPrompt('sleep 3; echo sl""ept-done', 'slept-done');
    await page.click('button[title^="Pause the cluster clock"]');
    await page.waitForSelector('button[title^="Play the cluster clock"]');
    await runToPrompt('alias k=kubectl; export COLOR=v2; cd /root; echo mid-rollout > notes.txt; k get rs,pods > before.txt; echo sa""ved', 'saved');
    await runToPrompt('k rollout status deployment/frontend --watch=false; grep -c ^replicaset before.txt', 'rollout to finish');
    await pollFor(unwrapped, (s) => /\.\.\.2controlplane ~ ➜/.test(s.slice(s.lastIndexOf('grep -c'))));
    await openFromList('/root/notes.txt');
    await page.waitForSelector(`${tab('/root/notes.txt')}[aria-selected=true]`);
    // Monaco takes the focus once it has loaded the file: typing waits for it.
    await page.waitForFunction(() => globalThis.__editor?.getModel()?.uri.path === '/root/notes.txt', null, { timeout: 30_000 });
    await runToPrompt('echo last-be""fore-reload', 'last-before-reload');

    await page.reload();
    await noticeSays('Session restored: your cluster, files and shell are as you left them.');
    await pollFor(screen, (s) => atPrompt(s), 30_000);
    await page.waitForSelector(`${tab('/root/notes.txt')}[aria-selected=true]`, { timeout: 20_000 });
    await page.waitForSelector('button[title^="Play the cluster clock"]');
    await page.waitForSelector('[data-testid=lab-step-current-color] .verdict.pass');

    // Up brings back the last line typed before the reload.
    await page.click('[data-testid=terminal]');
    await page.keyboard.press('ArrowUp');
    await pollFor(screen, (s) => s.trimEnd().endsWith('controlplane ~ ➜  echo last-be""fore-reload'));
    await page.keyboard.press('Enter');
    await pollFor(unwrapped, (s) => s.includes('last-before-reload') && atPrompt(s));
    await runToPrompt('[ "$(cat before.txt)" = "$(k get rs,pods)" ] && echo SAME-CL""USTER; echo "$COLOR $PWD"; cat notes.txt', 'SAME-CLUSTER');
    await pollFor(unwrapped, (s) => s.includes('SAME-CLUSTERv2 /rootmid-rollout'));
    await runToPrompt('k rollout status deployment/frontend --watch=false; history | grep -c "k=kubectl[;] export"', 'rollout to finish');
    await pollFor(unwrapped, (s) => /rollout to finish: .*\.\.\.1controlplane ~ ➜/.test(s.slice(s.lastIndexOf('history | grep'))));
    await noErrorText();
  });

  await journey('a damaged record of commands falls back to the progress and files, in plain words', async () => {
    // A page of its own, starting the lab afresh: what is tested is the damaged record alone.
    const fresh = await newPage({ width: 1400, height: 900 });
    await fresh.evaluate(() => indexedDB.deleteDatabase('cka-lab')).catch(() => undefined);
    const term = terminalOf(fresh);
    const flat = async () => (await term.screen()).replaceAll('\n', '');
    const runFresh = async (line, expected) => {
      await term.typeLine(line);
      return pollFor(flat, (s) => s.includes(expected) && term.atPrompt(s));
    };
    await fresh.goto(url(`/#/labs/${LAB}`));
    await pollFor(term.screen, (s) => s.includes('controlplane ~ ➜'), 20_000);
    await runFresh('echo still-here > kept.txt; echo do""ne', 'done');
    await fresh.evaluate(storeRecord, [`${LAB}#journal#0`, [{ kind: 'run', line: null }]]);
    await fresh.reload();
    const freshNotice = () =>
      fresh
        .locator('.notice[role=status]')
        .innerText({ timeout: 1000 })
        .catch(() => '');
    await pollFor(freshNotice, (n) => n.includes('Your cluster could not be rebuilt as you left it (the record of your commands could not be read)'), 30_000);
    await pollFor(term.screen, (s) => term.atPrompt(s), 30_000);
    await runFresh('cat kept.txt', 'still-here');
    await fresh.waitForSelector('button:has-text("Reset lab")');
    if (/TypeError|Cannot read properties|undefined is not|Error:/.test(await term.screen())) throw new Error('JavaScript error text reached the terminal');
    await fresh.close();
  });

  const file = { content: 'kept\n', mode: 0o644 };
  const progress = { labId: LAB, passed: ['current-color'], answers: { 'current-color': 'blue' }, captures: {} };
  const cases = [
    [
      'a null file entry',
      { format: 2, progress, files: { '/root/ok.txt': file, '/root/a.yaml': null } },
      'left out (the file /root/a.yaml); Reset lab starts afresh.',
      'cat ok.txt',
      'kept',
    ],
    ['a file saved as a plain string', { format: 2, progress, files: { '/root/ok.txt': 'plain text\n' } }, 'could not be rebuilt as you left it', 'cat ok.txt', 'plain text'],
    ['a save missing its fields', { progress: { labId: LAB } }, 'could not be read, so the lab starts from the beginning.', 'ls ok.txt', 'No such file or directory'],
    ['a save that is not an object', 'garbage', 'could not be read, so the lab starts from the beginning.', 'echo al""ive', 'alive'],
    ['a save from a newer version', { format: 99, progress, files: { '/root/ok.txt': file } }, 'saved by a newer version of cka-lab', 'cat ok.txt', 'kept'],
  ];
  for (const [kind, record, said, line, expected] of cases) {
    await journey(`${kind} is reported once, with a working prompt and Reset lab`, async () => {
      await page.evaluate(storeRecord, [LAB, record]);
      await page.reload();
      await noticeSays(said);
      await pollFor(screen, (s) => atPrompt(s), 30_000);
      await page.waitForSelector('button:has-text("Reset lab")');
      await runToPrompt(line, expected);
      await noErrorText();
    });
  }

  await journey('a damaged save is reported once: the next reload restores what was kept', async () => {
    await page.evaluate(storeRecord, [LAB, { format: 2, progress, files: { '/root/ok.txt': file, '/root/a.yaml': null } }]);
    await page.reload();
    await noticeSays('left out (the file /root/a.yaml)');
    await pollFor(screen, (s) => atPrompt(s), 30_000);
    await page.reload();
    await noticeSays('Session restored');
    await pollFor(screen, (s) => atPrompt(s), 30_000);
    await runToPrompt('cat ok.txt', 'kept');
    await page.waitForSelector('[data-testid=lab-step-current-color] .verdict.pass');
  });

  await page.evaluate(storeRecord, [LAB, { format: 99, progress, files: { '/root/ok.txt': file } }]);
  await page.reload();
  await noticeSays('saved by a newer version of cka-lab');

  await journey('a newer version’s save is not written over', async () => {
    await runToPrompt('echo mine > mine.txt; echo wr""itten', 'written');
    const saved = await page.evaluate(readRecord, LAB);
    if (saved.format !== 99 || saved.files['/root/mine.txt']) throw new Error(`the newer save was written over: ${JSON.stringify(saved).slice(0, 200)}`);
  });

  await journey('Reset lab starts afresh after a damaged save', async () => {
    await page.evaluate(storeRecord, [LAB, { format: 2, progress, files: { '/root/a.yaml': null } }]);
    await page.reload();
    await noticeSays('left out');
    await page.click('button:has-text("Reset lab")');
    await page.getByRole('button', { name: 'Reset', exact: true }).click();
    await pollFor(screen, (s) => atPrompt(s), 30_000);
    await page.waitForSelector('[data-testid=lab-score]:has-text("Score 0/")');
    await runToPrompt('ls; echo li""sted', 'listed');
    await noErrorText();
  });

  await journey('a store upgraded by a newer version is read but not written', async () => {
    await runToPrompt('echo before-upgrade > up.txt; echo do""ne', 'done');
    // The worker's connection closes when another version opens the store.
    await page.evaluate(upgradeStore, 7);
    await page.reload();
    await noticeSays('saved by a newer version of cka-lab');
    await pollFor(screen, (s) => atPrompt(s), 30_000);
    await runToPrompt('cat up.txt; echo after-upgrade > later.txt; echo wr""ote', 'wrote');
    await pollFor(unwrapped, (s) => s.includes('before-upgrade'));
    const saved = await page.evaluate(readRecord, LAB);
    if (saved.files['/root/later.txt']) throw new Error('the newer store was written to');
    await page.waitForSelector('button:has-text("Reset lab")');
    await noErrorText();
  });
}

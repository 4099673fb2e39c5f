// What every journey needs to drive the page: polling, the terminal, and Monaco.

export async function pollFor(read, predicate, timeoutMs = 10_000) {
  const start = Date.now();
  let last = '';
  while (Date.now() - start < timeoutMs) {
    last = await read();
    if (predicate(last)) return last;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out; screen was:\n${last}`);
}

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

const PROMPT = /controlplane ~ [➜✖]\s*$/;

/** The terminal of `page`: its screen text, and typing command lines into it. */
export function terminalOf(page) {
  const screen = () => page.locator('.xterm-rows').innerText();
  const atPrompt = (s) => PROMPT.test(s.trimEnd() + ' ');
  const typeLine = async (line) => {
    await page.click('[data-testid=terminal]');
    await page.keyboard.type(line);
    await page.keyboard.press('Enter');
  };
  return {
    screen,
    atPrompt,
    typeLine,
    /** Runs one command line and, when `expected` is given, waits for it on the screen. */
    async run(line, expected, timeoutMs) {
      await typeLine(line);
      if (expected) return pollFor(screen, (s) => s.includes(expected), timeoutMs);
    },
    waitForPrompt: (timeoutMs = 20_000) => pollFor(screen, (s) => s.includes('controlplane ~ ➜'), timeoutMs),
  };
}

/** Monaco in `page`: tabs, the cursor, and the markers of the shown model. */
export function editorOf(page) {
  const tab = (path) => `[data-testid=editor-tab][data-path="${path}"]`;
  return {
    tab,
    /** Waits for Monaco to show `path` and puts the cursor at the end of the first line matching `pattern` (or of the text). */
    async cursorAt(path, pattern) {
      await page.waitForSelector(`${tab(path)}[aria-selected=true]`);
      await page.waitForFunction((p) => globalThis.__editor?.getModel()?.uri.path === p, path, { timeout: 30_000 });
      await page.evaluate((source) => {
        const editor = globalThis.__editor;
        const model = editor.getModel();
        const match = source ? model.findMatches(source, false, true, false, null, false)[0] : undefined;
        const line = match ? match.range.startLineNumber : model.getLineCount();
        editor.setPosition({ lineNumber: line, column: model.getLineMaxColumn(line) });
        editor.focus();
      }, pattern ?? null);
    },
    async openFromList(path) {
      await showPane(page, 'editor');
      if ((await page.getAttribute('[data-testid=editor-files-toggle]', 'aria-pressed')) !== 'true') await page.click('[data-testid=editor-files-toggle]');
      await page.click(`[data-testid=editor-file][data-path="${path}"]`, { timeout: 10_000 });
    },
    markers: () =>
      page.evaluate(() =>
        globalThis.__monaco.editor
          .getModelMarkers({ resource: globalThis.__editor.getModel().uri })
          .map((m) => m.message)
          .join('\n'),
      ),
    text: () => page.evaluate(() => globalThis.__editor?.getModel()?.getValue() ?? ''),
  };
}

/** Brings a pane of the work area's dock forward (`editor`, `preview`, `rollout`), unless it shows already. */
export async function showPane(page, pane) {
  const tab = `[data-testid=dock-tab-${pane}]`;
  await page.waitForSelector(tab, { timeout: 20_000 });
  if ((await page.getAttribute(tab, 'aria-selected')) !== 'true') await page.click(tab);
}

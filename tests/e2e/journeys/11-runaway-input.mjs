// Runaway input never hangs the lab (issue 10): a pod whose container backtracks forever, a busy
// loop, a brace expansion of 10^10 words, a 1 MB here-document and a 2 MB line pasted at once.
// Each bound below is generous (the suite shares a small machine); the measured value is printed.
import { pollFor, sleep, terminalOf } from '../support.mjs';

const POISON = `kubectl run poison --image=busybox -- sh -c "echo aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa! | grep -E '(a+)+$'"`;

/** Runs in the page: records the longest main-thread task from now on. */
function watchLongTasks() {
  globalThis.__longestTask = 0;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) globalThis.__longestTask = Math.max(globalThis.__longestTask, entry.duration);
  }).observe({ type: 'longtask' });
}

/**
 * Runs in the page: pastes `head`, `line` repeated `count` times with `separator`, and `tail`
 * through xterm's own paste path, as a clipboard paste does. The text is built in the page so that
 * handing megabytes to it is not counted as the app's work.
 */
function paste([head, line, count, separator, tail]) {
  const data = new DataTransfer();
  data.setData('text/plain', `${head}${Array.from({ length: count }, () => line).join(separator)}${tail}`);
  document.querySelector('.xterm-helper-textarea').dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
}

export default async function ({ newPage, url, journey }) {
  const page = await newPage({ width: 1400, height: 900 });
  const { screen, typeLine, atPrompt } = terminalOf(page);
  const unwrapped = async () => (await screen()).replaceAll('\n', '');
  /** Milliseconds from `act` until the screen (lines unwrapped) shows `expected` after the prompt came back. */
  const timed = async (act, expected, timeoutMs = 30_000) => {
    const start = Date.now();
    await act();
    await page.waitForFunction(
      (want) => {
        const text = document.querySelector('.xterm-rows').innerText.replaceAll('\n', '');
        return text.includes(want) && /controlplane ~ [➜✖]\s*$/.test(text.trimEnd() + ' ');
      },
      expected,
      { timeout: timeoutMs, polling: 10 },
    );
    return Date.now() - start;
  };
  const clear = async () => {
    await typeLine('clear');
    await pollFor(screen, (s) => !s.includes('clear') && atPrompt(s));
  };

  await page.goto(url('/#/labs/rolling-updates'));
  await pollFor(screen, (s) => s.includes('controlplane ~ ➜'), 20_000);
  await page.evaluate(watchLongTasks);

  await journey('a pod whose grep backtracks forever leaves kubectl answering within a second', async () => {
    const getPods = async () => {
      await clear();
      return timed(() => typeLine('kubectl get pods'), 'NAME');
    };
    const before = [await getPods(), await getPods(), await getPods()];
    await clear();
    await timed(() => typeLine(POISON), 'pod/poison created');
    const after = [];
    // Long enough for the pod to be scheduled, pulled and started, and to restart once.
    for (let i = 0; i < 7; i++) {
      after.push(await getPods());
      await sleep(1000);
    }
    console.log(`    kubectl get pods answered in ${before.join(', ')} ms before the poison pod, ${after.join(', ')} ms after`);
    const s = await unwrapped();
    if (!/poison\s+\d\/1\s+(Completed|Error|CrashLoopBackOff|Running|ContainerCreating)/.test(s)) throw new Error(`the poison pod is not listed:\n${s}`);
    // The median answers the "within a second"; the maximum only rules out a hang (a
    // restarted worker takes several seconds), since other work on the machine can delay one answer.
    const median = [...after].sort((a, b) => a - b)[Math.floor(after.length / 2)];
    if (median > 1000 || Math.max(...after) > 3000) throw new Error(`kubectl get pods took ${after.join(', ')} ms:\n${s}`);
  });

  await journey('Ctrl-C stops a busy loop and the prompt comes back', async () => {
    await clear();
    await typeLine('while :; do :; done');
    await sleep(500);
    const tookMs = await timed(() => page.keyboard.press('Control+C'), '^C');
    console.log(`    the prompt came back ${tookMs} ms after Ctrl-C`);
    if (tookMs > 2000) throw new Error(`Ctrl-C took ${tookMs} ms`);
    await timed(() => typeLine('echo $?'), '130');
  });

  await journey('a brace expansion of 10^10 words gets bash’s refusal', async () => {
    await clear();
    const tookMs = await timed(() => typeLine('echo {1..100000}{1..100000}'), 'bash: brace expansion: cannot allocate memory for {1..100000}{1..100000}');
    console.log(`    refused in ${tookMs} ms`);
  });

  await journey('a pasted 1 MB here-document is taken whole', async () => {
    await clear();
    const tookMs = await timed(() => page.evaluate(paste, ["cat > big.txt <<'EOF'\n", 'x'.repeat(99), 10_000, '\n', '\nEOF\n']), '> EOF', 60_000);
    console.log(`    a 1 MB here-document was accepted in ${tookMs} ms`);
    await clear();
    await timed(() => typeLine('wc -lc big.txt'), ' 10000 1000000 big.txt');
    if (tookMs > 10_000) throw new Error(`the paste took ${tookMs} ms`);
  });

  await journey('a pasted 2 MB line never blocks the page for long', async () => {
    await clear();
    await page.evaluate(() => (globalThis.__longestTask = 0));
    const tookMs = await timed(() => page.evaluate(paste, ['x=', 'a', 2_000_000, '', '; echo ${#x}\n']), '2000000', 120_000);
    const longestMs = await page.evaluate(() => globalThis.__longestTask);
    console.log(`    answered in ${tookMs} ms; the longest main-thread task was ${Math.round(longestMs)} ms`);
    // About 115 ms on an idle machine (the paste event itself); 1.1-1.3 s when xterm's
    // screen-reader view measured every row of the flood. A loaded machine stretches both
    // fourfold, so the bound sits between them.
    if (longestMs > 1000) throw new Error(`a main-thread task took ${longestMs} ms`);
  });
}

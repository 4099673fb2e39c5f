import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../api/client.ts';
import { createPodHarness } from '../../../tests/support/pod-harness.ts';

const pod = (container: Record<string, unknown>) =>
  ({ kind: 'Pod', metadata: { name: 'webapp' }, spec: { containers: [{ name: 'c', image: 'kodekloud/webapp-color', ...container }] } }) as KubeObject;

// The lines app.py prints after its banner, for each way a colour is given (labs-catalogue §18.1).
describe('kodekloud/webapp-color start-up', () => {
  it.each([
    { name: 'from the environment', container: { env: [{ name: 'APP_COLOR', value: 'pink' }] }, lines: ['No Command line argument. Color from environment variable =pink'] },
    { name: 'from the command line', container: { args: ['--color', 'green'] }, lines: ['Color from command line argument =green'] },
    {
      name: 'from both: the command line wins and says so',
      container: { args: ['--color', 'green'], env: [{ name: 'APP_COLOR', value: 'pink' }] },
      lines: ['Color from command line argument =green', 'A color was set through environment variable -pink. However, color from command line argument takes precendence.'],
    },
    {
      name: 'an unsupported colour',
      container: { env: [{ name: 'APP_COLOR', value: 'dark blue' }] },
      lines: [
        'No Command line argument. Color from environment variable =dark blue',
        "Color not supported. Received 'dark blue' expected one of red,green,blue,blue2,pink,darkblue",
      ],
    },
  ])('$name', async ({ container, lines }) => {
    const h = await createPodHarness();
    h.apply(pod(container));
    await h.pump.advance(20_000);
    const log = (await h.logs('webapp')).split('\n');
    const start = log.indexOf(' Note: Command line argument precedes over environment variable.') + 3;
    expect(log.slice(start, start + lines.length)).toEqual(lines);
  });
});

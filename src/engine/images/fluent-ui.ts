/**
 * kodekloud/fluent-ui-running: a background pod of the Multi-Container Pods lab — a fluentd
 * forward input on 24224 and a small web page on 80. It runs until stopped.
 */
import type { AppContext, ImageSpec } from './image.ts';
import { BUSYBOX_TOOLS } from './tool-sets.ts';

const PAGE = `<!DOCTYPE html>
<html>
<head><title>Fluentd UI</title></head>
<body style="font-family: sans-serif; margin: 40px;">
<h1>Fluentd UI</h1>
<p>fluentd is running: forward input on port 24224.</p>
</body>
</html>
`;

function fluentdTime(ms: number): string {
  const iso = new Date(ms).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)} +0000`;
}

export async function fluentUiApp(ctx: AppContext): Promise<number> {
  const log = (message: string) => ctx.log(`${fluentdTime(ctx.now())} [info]: ${message}`);
  await ctx.sleep(800 + Math.floor(ctx.random() * 400));
  log('parsing config file is succeeded path="/fluentd/etc/fluent.conf"');
  log('starting fluentd-1.3.2 pid=1 ruby="2.5.3"');
  log(
    'spawn command to main:  cmdline=["/usr/bin/ruby", "-Eascii-8bit:ascii-8bit", "/usr/bin/fluentd", "-c", "/fluentd/etc/fluent.conf", "-p", "/fluentd/plugins", "--under-supervisor"]',
  );
  log('adding match pattern="**" type="stdout"');
  log('adding source type="forward"');
  log('#0 starting fluentd worker pid=13 ppid=1 worker=0');
  log('#0 listening port port=24224 bind="0.0.0.0"');
  log('#0 fluentd worker is now running worker=0');
  ctx.serve(24224, () => ({ status: 400, body: '', contentType: 'application/octet-stream' }));
  ctx.serve(80, () => ({ status: 200, body: PAGE, contentType: 'text/html' }));
  await ctx.terminated;
  log('Received graceful stop');
  return 0;
}

export const fluentUiRunning: ImageSpec = {
  repository: 'docker.io/kodekloud/fluent-ui-running',
  tags: ['latest'],
  entrypoint: ['/bin/entrypoint.sh'],
  cmd: ['fluentd'],
  env: { PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', FLUENTD_CONF: 'fluent.conf' },
  workingDir: '/home/fluent',
  binaries: BUSYBOX_TOOLS,
  userland: 'busybox',
  apps: { '/bin/entrypoint.sh': fluentUiApp, fluentd: fluentUiApp },
  files: { '/fluentd/etc/fluent.conf': '<source>\n  @type forward\n  port 24224\n  bind 0.0.0.0\n</source>\n\n<match **>\n  @type stdout\n</match>\n' },
  sizeBytes: 38_514_372,
  stopsOnSigterm: true,
};

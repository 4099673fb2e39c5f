/**
 * The nginx binary as `kubectl exec POD -- nginx …` runs it beside the server already running:
 * `-v`, `-t`, `-s SIGNAL`, and the bind failures of a second server. Models src/core/nginx.c
 * ngx_get_options and its messages; the version is the image's NGINX_VERSION.
 */
import type { Command } from '../../shell/command.ts';

const CONF = '/etc/nginx/nginx.conf';

export const nginxProgram: Command = {
  name: 'nginx',
  async run(ctx) {
    const version = ctx.env.get('NGINX_VERSION') ?? '1.27.3';
    const args = ctx.argv.slice(1);
    const stamp = () => {
      const iso = new Date(ctx.time.now()).toISOString();
      return `${iso.slice(0, 10).replace(/-/g, '/')} ${iso.slice(11, 19)}`;
    };
    let test = false;
    for (let i = 0; i < args.length; i++) {
      const arg = args[i]!;
      if (arg === '-v' || arg === '-V') {
        ctx.stderr.write(`nginx version: nginx/${version}\n`);
        if (arg === '-v') return 0;
        ctx.stderr.write(`built by gcc 12.2.0 (Debian 12.2.0-14)\nbuilt with OpenSSL 3.0.11 19 Sep 2023 (running with OpenSSL 3.0.15 3 Sep 2024)\nTLS SNI support enabled\n`);
        return 0;
      }
      if (arg === '-t' || arg === '-T') test = true;
      else if (arg === '-s') {
        const signal = args[++i];
        if (signal === undefined) {
          ctx.stderr.write('nginx: option "-s" requires parameter\n');
          return 1;
        }
        if (!['stop', 'quit', 'reopen', 'reload'].includes(signal)) {
          ctx.stderr.write(`nginx: invalid option: "-s ${signal}"\n`);
          return 1;
        }
        ctx.stderr.write(`${stamp()} [notice] ${100 + (ctx.time.now() % 900)}#${100 + (ctx.time.now() % 900)}: signal process started\n`);
        return 0;
      } else if (arg === '-g' || arg === '-c' || arg === '-p' || arg === '-e') i++;
      else if (arg !== '-q') {
        ctx.stderr.write(`nginx: invalid option: "${arg.replace(/^-/, '')}"\n`);
        return 1;
      }
    }
    if (!ctx.fs.exists(CONF)) {
      ctx.stderr.write(`${stamp()} [emerg] 1#1: open() "${CONF}" failed (2: No such file or directory)\nnginx: [emerg] open() "${CONF}" failed (2: No such file or directory)\n`);
      if (test) ctx.stderr.write(`nginx: configuration file ${CONF} test failed\n`);
      return 1;
    }
    if (test) {
      ctx.stderr.write(`nginx: the configuration file ${CONF} syntax is ok\nnginx: configuration file ${CONF} test is successful\n`);
      return 0;
    }
    // A second master finds port 80 taken by the first and gives up after five tries.
    const bind = `nginx: [emerg] bind() to 0.0.0.0:80 failed (98: Address already in use)\nnginx: [emerg] bind() to [::]:80 failed (98: Address already in use)\n`;
    ctx.stderr.write(`${bind.repeat(5)}nginx: [emerg] still could not bind()\n`);
    return 1;
  },
};

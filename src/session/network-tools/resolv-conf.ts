/** The resolver configuration a container's libc and bind9's tools read: /etc/resolv.conf. */
import type { CommandContext } from '../../shell/command.ts';

export interface ResolvConf {
  nameserver: string;
  search: string[];
  ndots: number;
}

export function readResolvConf(ctx: CommandContext): ResolvConf {
  const conf: ResolvConf = { nameserver: '127.0.0.1', search: [], ndots: 1 };
  let text = '';
  try {
    text = ctx.fs.readFile('/etc/resolv.conf');
  } catch {
    return conf;
  }
  for (const line of text.split('\n')) {
    const [key, ...values] = line.trim().split(/\s+/);
    if (key === 'nameserver' && values[0] && conf.nameserver === '127.0.0.1') conf.nameserver = values[0];
    else if (key === 'search') conf.search = values;
    else if (key === 'options') for (const option of values) if (option.startsWith('ndots:')) conf.ndots = Number(option.slice(6)) || 0;
  }
  return conf;
}

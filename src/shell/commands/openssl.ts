/**
 * openssl, for what the exam asks of it: `openssl rand [-hex|-base64] NUM`, and self-signed
 * certificates (`req -x509`, `x509`, in openssl-certificates.ts). The bytes come from a
 * generator seeded by the virtual clock, so a replayed session prints the same ones.
 */
import type { Command } from '../command.ts';
import { encodeBase64Bytes } from '../../lib/base64.ts';
import { opensslGenrsa, opensslReq, opensslX509 } from './openssl-certificates.ts';

let draws = 0;

function randomBytes(count: number, seed: number): number[] {
  // mulberry32
  let state = (seed ^ (draws++ * 0x9e3779b9)) >>> 0;
  return Array.from({ length: count }, () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) & 0xff;
  });
}

export const openssl: Command = {
  name: 'openssl',
  async run(ctx) {
    const [sub, ...args] = ctx.argv.slice(1);
    if (sub === 'req') return opensslReq(ctx, args);
    if (sub === 'x509') return opensslX509(ctx, args);
    if (sub === 'genrsa') return opensslGenrsa(ctx, args);
    if (sub !== 'rand') {
      ctx.stderr.write(sub === undefined ? '' : `Invalid command '${sub}'; type "help" for a list.\n`);
      return sub === undefined ? 0 : 1;
    }
    const hex = args.includes('-hex');
    const base64 = args.includes('-base64');
    const count = args.find((a) => !a.startsWith('-'));
    if (count === undefined) return 0;
    if (!/^\d+$/.test(count)) {
      ctx.stderr.write(`rand: Can't parse "${count}" as a number\nrand: Use -help for summary.\n`);
      return 1;
    }
    const bytes = randomBytes(Number(count), Math.floor(ctx.time.now()));
    if (hex) ctx.stdout.write(`${bytes.map((b) => b.toString(16).padStart(2, '0')).join('')}\n`);
    else if (base64) {
      const text = encodeBase64Bytes(bytes);
      ctx.stdout.write(text ? `${text.match(/.{1,64}/g)!.join('\n')}\n` : '');
    } else ctx.stdout.write(String.fromCharCode(...bytes.map((b) => b & 0x7f)));
    return 0;
  },
};

/** Splits `http://host:port/path` the way wget and curl read a URL (http only in the simulator). */
export interface ParsedUrl {
  scheme: string;
  host: string;
  port: number;
  path: string;
}

export function parseUrl(raw: string): ParsedUrl | undefined {
  const match = /^(?:([a-zA-Z][a-zA-Z0-9+.-]*):\/\/)?([^/:?#]+)(?::(\d+))?([^#]*)/.exec(raw);
  if (!match) return undefined;
  const scheme = (match[1] ?? 'http').toLowerCase();
  const port = match[3] !== undefined ? Number(match[3]) : scheme === 'https' ? 443 : 80;
  const path = match[4] ? (match[4].startsWith('/') ? match[4] : `/${match[4]}`) : '/';
  return { scheme, host: match[2]!, port, path };
}

/** Seconds given as `2`, `2.5` → milliseconds. */
export function secondsToMs(value: string): number | undefined {
  const n = Number(value);
  return Number.isFinite(n) && n >= 0 ? Math.round(n * 1000) : undefined;
}

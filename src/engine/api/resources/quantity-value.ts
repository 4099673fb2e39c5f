/**
 * The numeric value of a resource quantity (`500m` -> 0.5, `128Mi` -> 134217728), enough to
 * compare requests with limits and to classify QoS. Formatting is src/lib/quantity's job.
 */
const BINARY: Record<string, number> = { Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40, Pi: 2 ** 50, Ei: 2 ** 60 };
const DECIMAL: Record<string, number> = { n: 1e-9, u: 1e-6, m: 1e-3, '': 1, k: 1e3, M: 1e6, G: 1e9, T: 1e12, P: 1e15, E: 1e18 };

export function quantityValue(quantity: string | number | undefined): number | undefined {
  if (quantity === undefined) return undefined;
  if (typeof quantity === 'number') return quantity;
  const m = /^([+-]?(?:\d+\.?\d*|\.\d+))([a-zA-Z]*|[eE][-+]?\d+)$/.exec(quantity.trim());
  if (!m) return undefined;
  const number = Number(m[1]);
  const suffix = m[2]!;
  if (suffix in BINARY) return number * BINARY[suffix]!;
  if (suffix in DECIMAL) return number * DECIMAL[suffix]!;
  if (/^[eE][-+]?\d+$/.test(suffix)) return number * 10 ** Number(suffix.slice(1));
  return undefined;
}

/**
 * A set of strings kept in ascending order (JavaScript's default string order), so a list walks
 * it instead of sorting. Added keys wait in a batch that is sorted and merged in when the order is
 * next read: a burst of creates (a ReplicaSet's pods and their events) costs one merge, not one
 * array move per key.
 */
export class SortedKeys {
  #keys: string[] = [];
  /** Keys added since the last merge; a set, so adding one twice is cheap to refuse. */
  #added = new Set<string>();

  get size(): number {
    return this.#keys.length + this.#added.size;
  }

  /** The keys in order; shared, so a caller must not change it. */
  values(): readonly string[] {
    this.#merge();
    return this.#keys;
  }

  add(key: string): void {
    if (this.#added.has(key) || this.#keys[this.#lowerBound(key)] === key) return;
    this.#added.add(key);
  }

  delete(key: string): void {
    if (this.#added.delete(key)) return;
    const at = this.#lowerBound(key);
    if (this.#keys[at] === key) this.#keys.splice(at, 1);
  }

  #merge(): void {
    if (this.#added.size === 0) return;
    const added = [...this.#added].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    this.#added = new Set();
    const keys = this.#keys;
    if (keys.length === 0 || keys[keys.length - 1]! < added[0]!) {
      for (const key of added) keys.push(key);
      return;
    }
    const merged = new Array<string>(keys.length + added.length);
    let i = 0;
    let j = 0;
    let k = 0;
    while (i < keys.length && j < added.length) merged[k++] = keys[i]! < added[j]! ? keys[i++]! : added[j++]!;
    while (i < keys.length) merged[k++] = keys[i++]!;
    while (j < added.length) merged[k++] = added[j++]!;
    this.#keys = merged;
  }

  #lowerBound(key: string): number {
    let lo = 0;
    let hi = this.#keys.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.#keys[mid]! < key) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

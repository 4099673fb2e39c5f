/**
 * A node's pod address range as flannel's host-local IPAM uses it: the bridge holds the first
 * address (the gateway), pods get the rest up to the one before broadcast, handed out round-robin
 * from the last one given, so a freed address is reused last. Models
 * containernetworking/plugins plugins/ipam/host-local (allocator.go, range.go).
 */
export class PodCidr {
  readonly #base: number;
  readonly #first: number;
  readonly #last: number;
  readonly #used = new Set<number>();
  #lastReserved: number;

  constructor(cidr: string) {
    const match = /^(\d+)\.(\d+)\.(\d+)\.(\d+)\/(\d+)$/.exec(cidr);
    const [a, b, c, d, bits] = match ? match.slice(1).map(Number) : [10, 244, 0, 0, 24];
    const size = 2 ** (32 - bits!);
    this.#base = ((((a! << 24) >>> 0) + (b! << 16) + (c! << 8) + d!) & ~(size - 1)) >>> 0;
    this.#first = 2;
    this.#last = size - 2;
    this.#lastReserved = this.#first - 1;
  }

  /** What host-local names in its errors: `10.244.1.1-10.244.1.254`. */
  get rangeSet(): string {
    return `${this.#ip(1)}-${this.#ip(this.#last)}`;
  }

  /** The next free address, or undefined when every one is taken. */
  allocate(): string | undefined {
    const count = this.#last - this.#first + 1;
    for (let i = 1; i <= count; i++) {
      const offset = this.#first + ((this.#lastReserved - this.#first + i) % count);
      if (this.#used.has(offset)) continue;
      this.#used.add(offset);
      this.#lastReserved = offset;
      return this.#ip(offset);
    }
    return undefined;
  }

  release(ip: string): void {
    const offset = this.#offset(ip);
    if (offset !== undefined) this.#used.delete(offset);
  }

  /** Marks `ip` taken, as host-local's record of a running pod's address does after a restart. */
  reserve(ip: string): void {
    const offset = this.#offset(ip);
    if (offset === undefined || offset < this.#first || offset > this.#last) return;
    this.#used.add(offset);
    this.#lastReserved = Math.max(this.#lastReserved, offset);
  }

  #offset(ip: string): number | undefined {
    const parts = ip.split('.').map(Number);
    if (parts.length !== 4) return undefined;
    return ((parts[0]! << 24) >>> 0) + (parts[1]! << 16) + (parts[2]! << 8) + parts[3]! - this.#base;
  }

  #ip(offset: number): string {
    const v = (this.#base + offset) >>> 0;
    return `${v >>> 24}.${(v >>> 16) & 255}.${(v >>> 8) & 255}.${v & 255}`;
  }
}

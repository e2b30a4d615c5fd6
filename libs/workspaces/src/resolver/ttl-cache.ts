interface Entry<V> {
  value: V;
  expiresAt: number;
}

/**
 * A bounded map whose entries expire: when full, the oldest insertion goes first, which is
 * enough for a cache whose entries all live a few seconds. Expired entries stay until pushed
 * out, so a caller can still fall back on them (`stale`) when the source is unreachable.
 */
export class TtlCache<V> {
  private readonly entries = new Map<string, Entry<V>>();

  constructor(
    private readonly maxEntries: number,
    private readonly now: () => number,
  ) {}

  /** The live entry, or undefined when absent or expired. */
  get(key: string): { value: V } | undefined {
    const entry = this.entries.get(key);
    if (!entry || entry.expiresAt <= this.now()) return undefined;
    return { value: entry.value };
  }

  /** The entry whatever its age, or undefined when absent. */
  stale(key: string): { value: V } | undefined {
    const entry = this.entries.get(key);
    return entry ? { value: entry.value } : undefined;
  }

  set(key: string, value: V, ttlMs: number): void {
    this.entries.delete(key);
    if (this.entries.size >= this.maxEntries) {
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.entries.delete(oldest.value);
    }
    this.entries.set(key, { value, expiresAt: this.now() + ttlMs });
  }

  get size(): number {
    return this.entries.size;
  }
}

import type { CacheStore } from './block-cache';

/**
 * For specs: a Map in place of Redis. Expiry is left to the cache's own age check (the stored
 * time against the injected clock); `unreachable` makes every call fail as a lost Redis would.
 */
export class InMemoryCacheStore implements CacheStore {
  readonly values = new Map<string, string>();
  readonly writes: string[] = [];
  unreachable = false;

  async mget(...keys: string[]): Promise<(string | null)[]> {
    this.reach();
    return keys.map((key) => this.values.get(key) ?? null);
  }

  async get(key: string): Promise<string | null> {
    this.reach();
    return this.values.get(key) ?? null;
  }

  async set(key: string, value: string): Promise<'OK'> {
    this.reach();
    this.writes.push(key);
    this.values.set(key, value);
    return 'OK';
  }

  private reach(): void {
    if (this.unreachable) throw new Error('connection refused');
  }
}

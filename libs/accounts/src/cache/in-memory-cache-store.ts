import type { CacheStore } from './block-cache';

/**
 * For specs: a Map in place of Redis. Expiry is left to the cache's own age check (the stored
 * time against the injected clock); `unreachable` makes every call fail as a lost Redis would.
 */
export class InMemoryCacheStore implements CacheStore {
  readonly values = new Map<string, string>();
  readonly writes: string[] = [];
  unreachable = false;

  mget(...keys: string[]): Promise<(string | null)[]> {
    return this.reach(() => keys.map((key) => this.values.get(key) ?? null));
  }

  get(key: string): Promise<string | null> {
    return this.reach(() => this.values.get(key) ?? null);
  }

  set(key: string, value: string): Promise<'OK'> {
    return this.reach(() => {
      this.writes.push(key);
      this.values.set(key, value);
      return 'OK';
    });
  }

  private reach<T>(operation: () => T): Promise<T> {
    return this.unreachable ? Promise.reject(new Error('connection refused')) : Promise.resolve(operation());
  }
}

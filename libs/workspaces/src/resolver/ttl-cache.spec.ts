import { TtlCache } from './ttl-cache';

describe('TtlCache', () => {
  let clock = 0;
  const now = (): number => clock;

  beforeEach(() => {
    clock = 0;
  });

  it('keeps an entry, null included, until its time to live has passed', () => {
    const cache = new TtlCache<string | null>(10, now);
    cache.set('known', 'w1', 1000);
    cache.set('unknown', null, 100);

    clock = 99;
    expect(cache.get('known')).toEqual({ value: 'w1' });
    expect(cache.get('unknown')).toEqual({ value: null });
    clock = 100;
    expect(cache.get('unknown')).toBeUndefined();
    clock = 1000;
    expect(cache.get('known')).toBeUndefined();
  });

  it('still offers an expired entry as stale, for when its source is unreachable', () => {
    const cache = new TtlCache<string>(10, now);
    cache.set('known', 'w1', 100);
    clock = 10_000;
    expect(cache.get('known')).toBeUndefined();
    expect(cache.stale('known')).toEqual({ value: 'w1' });
    expect(cache.stale('never')).toBeUndefined();
    expect(cache.size).toBe(1);
  });

  it('drops the oldest entry when full', () => {
    const cache = new TtlCache<number>(2, now);
    cache.set('a', 1, 1000);
    cache.set('b', 2, 1000);
    cache.set('c', 3, 1000);

    expect(cache.get('a')).toBeUndefined();
    expect(cache.get('b')).toEqual({ value: 2 });
    expect(cache.get('c')).toEqual({ value: 3 });
    expect(cache.size).toBe(2);
  });
});

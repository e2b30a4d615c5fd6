import { nextRetry } from './retry-policy';

describe('delivery retry rules', () => {
  const schedule = [5_000, 60_000, 600_000];

  it('follows the schedule with at most 20 % jitter either way, then gives up', () => {
    expect(nextRetry(schedule, 1, undefined, () => 0)).toEqual({ retry: true, delayMs: 4_000 });
    expect(nextRetry(schedule, 1, undefined, () => 0.5)).toEqual({ retry: true, delayMs: 5_000 });
    expect(nextRetry(schedule, 2, undefined, () => 1)).toEqual({ retry: true, delayMs: 72_000 });
    expect(nextRetry(schedule, 3, undefined, () => 0.5)).toEqual({ retry: true, delayMs: 600_000 });
    expect(nextRetry(schedule, 4, undefined, () => 0.5)).toEqual({ retry: false });
  });

  it("honours the receiver's Retry-After instead of the schedule, but not beyond the last retry", () => {
    expect(nextRetry(schedule, 1, 30_000, () => 0)).toEqual({ retry: true, delayMs: 30_000 });
    expect(nextRetry(schedule, 4, 30_000, () => 0)).toEqual({ retry: false });
  });
});

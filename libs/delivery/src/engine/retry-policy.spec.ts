import { nextRetry, outcomeOfStatus, parseRetryAfter, responseExcerpt } from './retry-policy';

describe('delivery retry rules', () => {
  const schedule = [5_000, 60_000, 600_000];

  it('treats 2xx as delivered, 408, 429 and 5xx as retryable and every other 4xx as permanent', () => {
    expect([200, 201, 204].map(outcomeOfStatus)).toEqual(['delivered', 'delivered', 'delivered']);
    expect([408, 429, 500, 502, 503].map(outcomeOfStatus)).toEqual(['retry', 'retry', 'retry', 'retry', 'retry']);
    expect([400, 401, 403, 404, 410, 422].map(outcomeOfStatus)).toEqual(['failed', 'failed', 'failed', 'failed', 'failed', 'failed']);
    // A redirect is not a delivery: fetch follows it, and one left over means the URL is wrong for now.
    expect(outcomeOfStatus(302)).toBe('retry');
  });

  it('reads Retry-After as seconds or as an HTTP date', () => {
    const now = new Date('2026-12-02T10:00:00Z');
    expect(parseRetryAfter('7', now)).toBe(7_000);
    expect(parseRetryAfter('Wed, 02 Dec 2026 10:00:30 GMT', now)).toBe(30_000);
    expect(parseRetryAfter('Wed, 02 Dec 2026 09:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter(null, now)).toBeUndefined();
    expect(parseRetryAfter('', now)).toBeUndefined();
  });

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

  it('keeps 500 characters of a response', () => {
    expect(responseExcerpt('x'.repeat(600))).toHaveLength(500);
    expect(responseExcerpt('ok')).toBe('ok');
  });
});

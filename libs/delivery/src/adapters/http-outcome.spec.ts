import { describeNetworkError, parseRetryAfter, refusedResult } from './http-outcome';

const now = new Date('2026-12-02T07:00:00Z');

describe('refusedResult', () => {
  it('retries 408, 429 and 5xx, after Retry-After when given, and fails other 4xx at once', () => {
    expect(refusedResult(429, '12', 'slow down', now)).toEqual({
      outcome: 'retry',
      statusCode: 429,
      retryAfterMs: 12_000,
      response: 'slow down',
      error: 'HTTP 429',
    });
    expect(refusedResult(503, 'Wed, 02 Dec 2026 07:01:00 GMT', '', now)).toMatchObject({ outcome: 'retry', retryAfterMs: 60_000 });
    expect(refusedResult(408, null, '', now)).toEqual({ outcome: 'retry', statusCode: 408, response: '', error: 'HTTP 408' });
    expect(refusedResult(404, '5', 'no_service', now)).toEqual({
      outcome: 'failed',
      statusCode: 404,
      response: 'no_service',
      error: 'HTTP 404',
    });
  });

  it('fails every 4xx but 408 and 429 at once, and retries a redirect left over (the URL is wrong for now)', () => {
    expect([400, 401, 403, 410, 422].map((status) => refusedResult(status, null, '', now).outcome)).toEqual(Array(5).fill('failed'));
    expect([302, 500, 502].map((status) => refusedResult(status, null, '', now).outcome)).toEqual(Array(3).fill('retry'));
  });

  it('keeps the first 500 characters of the body', () => {
    expect(refusedResult(500, undefined, 'x'.repeat(600), now).response).toHaveLength(500);
  });
});

describe('parseRetryAfter', () => {
  it('reads seconds or an HTTP date, and nothing else', () => {
    expect(parseRetryAfter(' 3 ', now)).toBe(3000);
    expect(parseRetryAfter('Wed, 02 Dec 2026 06:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter(undefined, now)).toBeUndefined();
  });
});

describe('describeNetworkError', () => {
  it("names a timeout or the cause's code, never the message (it may quote a secret URL)", () => {
    const refused = new TypeError('fetch failed https://hooks.slack.com/services/SECRET', {
      cause: Object.assign(new Error('x'), { code: 'ECONNREFUSED' }),
    });
    expect(describeNetworkError(refused)).toBe('no response (ECONNREFUSED)');
    expect(describeNetworkError(new DOMException('The operation was aborted due to timeout', 'TimeoutError'))).toBe(
      'no response (timed out)',
    );
    expect(describeNetworkError(new Error('TimeoutError: The operation was aborted'))).toBe('no response (timed out)');
    expect(describeNetworkError(new Error('https://hooks.slack.com/services/SECRET'))).toBe('no response (Error)');
  });
});

import type { SendResult } from '../contracts/send-result';

const EXCERPT_CHARS = 500;

/**
 * What a non-2xx answer of a destination's API means (outbound.md): 408, 429 and 5xx are worth
 * another try, after `Retry-After` when the receiver gave one; any other 4xx refuses this payload
 * (a bad token, an unknown property), so retrying cannot help.
 */
export function refusedResult(statusCode: number, retryAfter: string | null | undefined, body: string, now = new Date()): SendResult {
  const permanent = statusCode >= 400 && statusCode < 500 && statusCode !== 408 && statusCode !== 429;
  const retryAfterMs = permanent ? undefined : parseRetryAfter(retryAfter, now);
  return {
    outcome: permanent ? 'failed' : 'retry',
    statusCode,
    ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
    response: excerpt(body),
    error: `HTTP ${statusCode}`,
  };
}

/** No answer came (connection refused, timeout, DNS): worth another try. `reason` must hold no secret. */
export function unreachableResult(reason: string): SendResult {
  return { outcome: 'retry', error: reason };
}

/** `Retry-After` as seconds or an HTTP date, in ms from `now`; undefined when absent or unreadable. */
export function parseRetryAfter(header: string | null | undefined, now: Date): number | undefined {
  const text = header?.trim();
  if (!text) return undefined;
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const at = Date.parse(text);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now.getTime());
}

/** The first 500 characters of a response body, as attempts record it. */
export function excerpt(body: string): string {
  return body.slice(0, EXCERPT_CHARS);
}

/**
 * Why a request got no answer, in words that cannot carry a secret: the error's code
 * (ECONNREFUSED, ETIMEDOUT, ...) or its class name, never its message, which can quote the
 * URL (a Slack webhook URL is the secret itself).
 */
export function describeNetworkError(error: unknown): string {
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
  const code = typeof cause === 'object' && cause !== null && 'code' in cause ? String(cause.code) : undefined;
  if (code) return `no response (${code})`;
  if (cause instanceof Error && (cause.name === 'TimeoutError' || cause.name === 'AbortError')) return 'no response (timed out)';
  return `no response (${cause instanceof Error ? cause.name : 'unknown error'})`;
}

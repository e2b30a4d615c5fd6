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
 * Why a request got no answer, in words that cannot carry a secret: a timeout, or the error's
 * code (ECONNREFUSED, ENOTFOUND, ...), or its class name; never its message, which can quote
 * the URL (a Slack webhook URL is the secret itself). Duck-typed: fetch's errors may come from
 * another realm than this module's Error (and a library may have wrapped them as text).
 */
export function describeNetworkError(error: unknown): string {
  const cause = field(error, 'cause') ?? error;
  const name = field(cause, 'name');
  const message = field(error, 'message');
  const timedOut = [name, field(error, 'name')].some((value) => value === 'TimeoutError' || value === 'AbortError');
  if (timedOut || (typeof message === 'string' && /^(TimeoutError|AbortError)\b/.test(message))) return 'no response (timed out)';
  const code = field(cause, 'code');
  if (typeof code === 'string') return `no response (${code})`;
  return `no response (${typeof name === 'string' ? name : 'unknown error'})`;
}

function field(value: unknown, key: string): unknown {
  return typeof value === 'object' && value !== null && key in value ? (value as Record<string, unknown>)[key] : undefined;
}

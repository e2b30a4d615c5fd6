const HIDDEN = '***';

/**
 * A destination URL safe to show: a Slack webhook URL is itself the credential (its last path
 * segment), and any URL may carry a password or a token in its query string. What stays
 * (scheme, host, path) is enough to recognise the destination. Idempotent: a URL stored
 * redacted reads the same.
 */
export function redactUrl(type: string, raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return HIDDEN;
  }
  if (url.username || url.password) {
    url.username = HIDDEN;
    url.password = '';
  }
  for (const key of [...new Set(url.searchParams.keys())]) url.searchParams.set(key, HIDDEN);
  url.hash = '';
  if (type === 'slack') url.pathname = url.pathname.replace(/[^/]+\/?$/, HIDDEN);
  return url.toString();
}

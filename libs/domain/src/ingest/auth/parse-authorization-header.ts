const BASIC = /^basic\s+(\S+)\s*$/i;
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;
// A decoded credential is printable text; anything else means the token was a raw key.
const PRINTABLE = /^[\x20-\x7e\u00a0-\uffff]*$/;

/**
 * Candidate ingest keys from an Authorization header, in the order to try them. Segment sends
 * `Basic base64(key:)`, Accoil v2 sends `Basic <raw key>`; a raw key can look like base64, so
 * when the token decodes to `user:password` both are returned, the decoded username first.
 */
export function parseAuthorizationHeader(header: string | undefined): string[] {
  const token = header === undefined ? undefined : BASIC.exec(header)?.[1];
  if (token === undefined) return [];
  const username = decodeBasicUsername(token);
  return username === undefined || username === token ? [token] : [username, token];
}

function decodeBasicUsername(token: string): string | undefined {
  if (!BASE64.test(token) || token.length % 4 === 1) return undefined;
  const bytes = Buffer.from(token, 'base64');
  // Buffer ignores junk; only a token that is exactly this encoding counts as base64.
  if (bytes.toString('base64').replace(/=+$/, '') !== token.replace(/=+$/, '')) return undefined;
  const decoded = decodeUtf8(bytes);
  if (decoded === undefined || !PRINTABLE.test(decoded)) return undefined;
  const colon = decoded.indexOf(':');
  return colon > 0 ? decoded.slice(0, colon) : undefined;
}

function decodeUtf8(bytes: Buffer): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

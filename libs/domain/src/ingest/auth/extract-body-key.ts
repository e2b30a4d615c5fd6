/**
 * The ingest key carried in the body: `api_key` (Accoil v1, Amplitude HTTP API) or `writeKey`
 * (Segment batch). Only non-empty strings count; anything else is "no key here".
 */
export function extractBodyKey(body: unknown): string | undefined {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return undefined;
  const { api_key: apiKey, writeKey } = body as { api_key?: unknown; writeKey?: unknown };
  if (typeof apiKey === 'string' && apiKey.length > 0) return apiKey;
  if (typeof writeKey === 'string' && writeKey.length > 0) return writeKey;
  return undefined;
}

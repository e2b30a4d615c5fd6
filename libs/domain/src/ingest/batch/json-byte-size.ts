/**
 * UTF-8 size of a value's JSON, close to what the client sent. Undefined when it cannot be
 * serialised (nesting deep enough to exhaust the stack, cycles), which callers treat as too large.
 */
export function jsonByteSize(value: unknown): number | undefined {
  try {
    const json = JSON.stringify(value);
    return json === undefined ? 0 : Buffer.byteLength(json, 'utf8');
  } catch {
    return undefined;
  }
}

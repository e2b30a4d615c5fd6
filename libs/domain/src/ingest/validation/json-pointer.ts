/** RFC 6901 escaping, so a trait key such as `a/b` still yields an unambiguous path. */
export function jsonPointerSegment(key: string | number): string {
  return String(key).replace(/~/g, '~0').replace(/\//g, '~1');
}

export function joinJsonPointer(base: string, key: string | number): string {
  return `${base}/${jsonPointerSegment(key)}`;
}

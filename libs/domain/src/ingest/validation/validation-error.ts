import { CoilError, type ErrorCode } from '../../errors';

/** A 400 pointing at one field of the body; `path` is a JSON pointer ('' is the body itself). */
export function validationError(code: ErrorCode, message: string, path: string): CoilError {
  return new CoilError('bad_request', code, message, { path });
}

export function pathOf(error: CoilError): string {
  const path = error.details?.['path'];
  return typeof path === 'string' ? path : '';
}

/** Re-roots an error raised while normalising a nested value (e.g. one batch item). */
export function prefixErrorPath(error: CoilError, prefix: string): CoilError {
  return new CoilError(error.status, error.code, error.message, { ...error.details, path: prefix + pathOf(error) });
}

/** RFC 6901 escaping, so a trait key such as `a/b` still yields an unambiguous path. */
export function jsonPointerSegment(key: string | number): string {
  return String(key).replace(/~/g, '~0').replace(/\//g, '~1');
}

export function joinJsonPointer(base: string, key: string | number): string {
  return `${base}/${jsonPointerSegment(key)}`;
}

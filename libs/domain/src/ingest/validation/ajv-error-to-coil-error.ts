import type { ErrorObject } from 'ajv';
import type { CoilError, ErrorCode } from '../../errors';
import { joinJsonPointer, validationError } from './validation-error';

const INVALID_TYPE_KEYWORDS = new Set(['type', 'minLength', 'pattern', 'format', 'minimum', 'maximum', 'const', 'not']);

/** Turns Ajv's first error into our error codes: missing_field, invalid_type, unknown_type, invalid_request. */
export function ajvErrorToCoilError(errors: readonly ErrorObject[]): CoilError {
  const first = errors[0];
  if (!first) return validationError('invalid_request', 'request is invalid', '');
  if (first.keyword === 'required') return missingFieldError(first, errors);
  if (first.propertyName !== undefined) return propertyNameError(first, first.propertyName);
  const path = errorPath(first);
  const code = codeFor(first, path);
  return validationError(code, messageFor(first, path, code), path);
}

function missingFieldError(first: ErrorObject, errors: readonly ErrorObject[]): CoilError {
  const path = errorPath(first);
  // An anyOf of `required` branches means "one of these fields": name them all.
  const isAlternative = (e: ErrorObject): boolean =>
    e.keyword === 'required' && e.instancePath === first.instancePath && /\/anyOf\/\d+\/required$/.test(e.schemaPath);
  const alternatives = errors.filter(isAlternative).map((e) => String(e.params['missingProperty']));
  const message = alternatives.length > 1 ? `one of ${alternatives.join(', ')} is required` : `${displayName(path)} is required`;
  return validationError('missing_field', message, path);
}

function propertyNameError(error: ErrorObject, key: string): CoilError {
  const path = joinJsonPointer(error.instancePath, key);
  const reason = error.keyword === 'maxLength' ? 'is too long for a key' : 'is not an allowed key';
  return validationError('invalid_request', `${displayName(path)} ${reason}`, path);
}

function errorPath(error: ErrorObject): string {
  if (error.keyword === 'required') return joinJsonPointer(error.instancePath, String(error.params['missingProperty']));
  return error.instancePath;
}

function codeFor(error: ErrorObject, path: string): ErrorCode {
  if (error.keyword === 'enum') return path.endsWith('/type') ? 'unknown_type' : 'invalid_type';
  if (error.keyword === 'type' && path === '') return 'invalid_request';
  return INVALID_TYPE_KEYWORDS.has(error.keyword) ? 'invalid_type' : 'invalid_request';
}

function messageFor(error: ErrorObject, path: string, code: ErrorCode): string {
  const name = displayName(path);
  switch (error.keyword) {
    case 'type': {
      const types = ([] as unknown[]).concat(error.params['type']).join(' or ');
      return path === '' ? `expected a JSON ${types}` : `${name} must be ${types}`;
    }
    case 'enum':
      return code === 'unknown_type'
        ? `${name} must be one of ${(error.params['allowedValues'] as unknown[]).join(', ')}`
        : `${name} ${error.message ?? 'is invalid'}`;
    case 'minLength':
    case 'pattern':
      return `${name} must be a non-empty string`;
    case 'format':
      return `${name} must be an ISO-8601 date-time`;
    default:
      return `${name} ${error.message ?? 'is invalid'}`;
  }
}

function displayName(path: string): string {
  return path === '' ? 'body' : path.slice(1);
}

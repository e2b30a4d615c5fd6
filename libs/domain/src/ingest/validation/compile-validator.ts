import type { SchemaObject } from 'ajv';
import { ingestAjv } from './ajv-instance';
import { ajvErrorToCoilError } from './ajv-error-to-coil-error';

/** A compiled schema that returns the typed value or throws a 400 CoilError with the field's path. */
export type Validator<T> = (data: unknown) => T;

export function compileValidator<T>(schema: SchemaObject): Validator<T> {
  const validate = ingestAjv.compile<T>(schema);
  return (data: unknown): T => {
    if (validate(data)) return data;
    throw ajvErrorToCoilError(validate.errors ?? []);
  };
}

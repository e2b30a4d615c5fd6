import Ajv, { type SchemaObject } from 'ajv';
import addFormats from 'ajv-formats';
import { ajvErrorToCoilError } from './ajv-error-to-coil-error';

/**
 * The one Ajv instance for ingest schemas. First error only: a client needs one clear reason,
 * and stopping early keeps hostile bodies cheap. No coercion or defaults: validation must not
 * mutate what we were sent.
 */
export const ingestAjv = new Ajv({
  allErrors: false,
  strict: true,
  // anyOf: [{required: [a]}, {required: [b]}] names properties defined by the parent schema.
  strictRequired: false,
  allowUnionTypes: true,
  coerceTypes: false,
  useDefaults: false,
  removeAdditional: false,
});
addFormats(ingestAjv, ['iso-date-time']);

/** A compiled schema that returns the typed value or throws a 400 CoilError with the field's path. */
export type Validator<T> = (data: unknown) => T;

export function compileValidator<T>(schema: SchemaObject): Validator<T> {
  const validate = ingestAjv.compile<T>(schema);
  return (data: unknown): T => {
    if (validate(data)) return data;
    throw ajvErrorToCoilError(validate.errors ?? []);
  };
}

import Ajv from 'ajv';
import addFormats from 'ajv-formats';

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

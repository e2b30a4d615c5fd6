import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import { CoilError } from '@coil/domain';
import type { QuerySpec } from './query-spec';

/** All errors, so the most useful one can be chosen; no coercion: query values stay text. */
const queryAjv = new Ajv({ allErrors: true, strict: true, strictRequired: false, coerceTypes: false, useDefaults: false });

export const LOOKUP_PARAMETERS = ['id', 'match_type/match_value pairs'];

/** How a request names one account or user: the internal id wins over a match pair. */
export type Lookup = { kind: 'id'; id: string } | { kind: 'match'; field: string; value: string };

/** Validation guarantees an id or a complete match pair. */
export function toLookup(raw: { id?: string; match_type?: string; match_value?: string }): Lookup {
  if (raw.id !== undefined) return { kind: 'id', id: raw.id };
  return { kind: 'match', field: raw.match_type as string, value: raw.match_value as string };
}

export type RawQuery = Record<string, unknown>;

/** Compiles a spec to a function that returns the query typed, or throws a 400 naming the parameter. */
export function compileQueryValidator<Q extends Record<string, string | undefined>>(spec: QuerySpec): (query: unknown) => Q {
  const validate = queryAjv.compile(toJsonSchema(spec));
  return (query) => {
    const value = query ?? {};
    if (validate(value)) return value as Q;
    throw toCoilError(validate, spec);
  };
}

function toJsonSchema(spec: QuerySpec): object {
  const entries = Object.entries(spec.parameters);
  return {
    type: 'object',
    properties: Object.fromEntries(entries.map(([name, parameter]) => [name, { ...parameter.schema, description: parameter.description }])),
    required: entries.filter(([, parameter]) => parameter.required).map(([name]) => name),
    ...(spec.lookup && {
      dependencies: { match_type: ['match_value'], match_value: ['match_type'] },
      anyOf: [{ required: ['id'] }, { required: ['match_type'] }],
    }),
  };
}

/** Worst first: no workspace, then a bad value, then an incomplete pair, then no lookup at all. */
function toCoilError(validate: ValidateFunction, spec: QuerySpec): CoilError {
  const errors = validate.errors ?? [];
  const missing = errors.find((error) => error.keyword === 'required' && error.schemaPath === '#/required');
  if (missing?.params.missingProperty === 'workspace_id') {
    return new CoilError('bad_request', 'missing_workspace_id', 'workspace_id is required', { parameter: 'workspace_id' });
  }
  const invalid = errors.find((error) => error.instancePath !== '');
  if (invalid) return invalidParameter(invalid, spec);
  const unpaired = errors.find((error) => error.keyword === 'dependencies');
  if (unpaired) {
    const { missingProperty, property } = unpaired.params as { missingProperty: string; property: string };
    const reason = `is required with ${property}`;
    return new CoilError('bad_request', 'invalid_parameter', `${missingProperty} ${reason}`, { parameter: missingProperty, reason });
  }
  return new CoilError('bad_request', 'missing_lookup_parameter', 'At least one lookup parameter is required', {
    available_parameters: LOOKUP_PARAMETERS,
  });
}

function invalidParameter(error: ErrorObject, spec: QuerySpec): CoilError {
  const name = error.instancePath.slice(1);
  const reason = spec.parameters[name]?.expected ?? 'is invalid';
  return new CoilError('bad_request', 'invalid_parameter', `${name} ${reason}`, { parameter: name, reason });
}

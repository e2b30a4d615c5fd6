import { applyDecorators } from '@nestjs/common';
import { ApiQuery } from '@nestjs/swagger';
import type { QuerySpec } from '@coil/accounts';

/** Documents an endpoint's query string from the spec its validator is compiled from. */
export function ApiQueryParameters(spec: QuerySpec): MethodDecorator {
  return applyDecorators(
    ...Object.entries(spec.parameters).map(([name, parameter]) =>
      ApiQuery({
        name,
        required: parameter.required ?? false,
        description: parameter.description,
        schema: parameter.schema,
        example: parameter.example,
      }),
    ),
  );
}

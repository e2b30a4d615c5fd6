import { applyDecorators } from '@nestjs/common';
import { ApiResponse, type SchemaObject } from '@nestjs/swagger';
import type { CoilError } from '@coil/domain';

const ERROR_SCHEMA: SchemaObject = {
  type: 'object',
  required: ['error'],
  properties: {
    error: {
      type: 'object',
      required: ['message', 'status', 'code'],
      properties: {
        message: { type: 'string' },
        status: { type: 'string', example: 'bad_request' },
        code: { type: 'string', example: 'invalid_parameter' },
        details: { type: 'object', additionalProperties: true },
      },
    },
  },
};

export interface ErrorResponseDoc {
  status: number;
  description: string;
  /** Named examples; each is documented as the exact body the error filter sends for it. */
  examples: Record<string, CoilError>;
}

/** Error responses of an endpoint in the one error shape, with exact example bodies. */
export function ApiErrorResponses(docs: readonly ErrorResponseDoc[]): MethodDecorator & ClassDecorator {
  return applyDecorators(
    ...docs.map(({ status, description, examples }) =>
      ApiResponse({
        status,
        description,
        schema: ERROR_SCHEMA,
        examples: Object.fromEntries(Object.entries(examples).map(([code, error]) => [code, { summary: code, value: error.toBody() }])),
        ...(status === 429 && { headers: { 'Retry-After': { description: 'Seconds to wait', schema: { type: 'integer' } } } }),
      }),
    ),
  );
}

import type { FastifyInstance, FastifyRequest } from 'fastify';
import { parseBody, type BodyFormat, type ParsedBody } from './parse-body';

const parsedBodies = new WeakMap<FastifyRequest, Omit<ParsedBody, 'value'>>();

/** Byte size of the decoded body of a request (0 when it had none). */
export function bodyBytes(request: FastifyRequest): number {
  return parsedBodies.get(request)?.bytes ?? 0;
}

/** The format the body was parsed from; undefined when the request had no body. */
export function bodyFormat(request: FastifyRequest): BodyFormat | undefined {
  return parsedBodies.get(request)?.format;
}

/** One parser for every content type: parseBody's, with Fastify's body limit in front. */
export function installJsonBodyParser(fastify: FastifyInstance, maxBytes: number): void {
  fastify.removeAllContentTypeParsers();
  fastify.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: maxBytes }, (request, raw, done) => {
    try {
      const { value, bytes, format } = parseBody(raw as Buffer, request.headers, maxBytes);
      parsedBodies.set(request, { bytes, format });
      done(null, value);
    } catch (error) {
      done(error as Error, undefined);
    }
  });
}

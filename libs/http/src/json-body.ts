import { gunzipSync } from 'node:zlib';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { CoilError } from '@coil/domain';

const JSON_TYPES = /^(application\/(.+\+)?json|text\/plain)\b/i;
const bodySizes = new WeakMap<FastifyRequest, number>();

/** Byte size of the decoded JSON body of a request (0 when it had none). */
export function bodyBytes(request: FastifyRequest): number {
  return bodySizes.get(request) ?? 0;
}

/**
 * One parser for every content type, so that a wrong type or broken JSON gets the spec's
 * `invalid_json` instead of a framework message. text/plain is accepted because browsers'
 * sendBeacon can send nothing else; gzip because Segment's HTTP API allows it.
 * __proto__ and constructor.prototype keys are removed, as traits are later merged.
 */
export function installJsonBodyParser(fastify: FastifyInstance, maxBytes: number): void {
  const parseJson = fastify.getDefaultJsonParser('remove', 'remove');
  fastify.removeAllContentTypeParsers();
  fastify.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: maxBytes }, (request, raw, done) => {
    try {
      if (!JSON_TYPES.test(request.headers['content-type'] ?? '')) {
        throw new CoilError('bad_request', 'invalid_json', 'Content-Type must be application/json');
      }
      const body = decode(raw as Buffer, request.headers['content-encoding'], maxBytes);
      bodySizes.set(request, body.length);
      if (body.length === 0) throw new CoilError('bad_request', 'invalid_json', 'Request body is empty');
      void parseJson(request, body.toString('utf8'), (error, value) => {
        if (error) done(new CoilError('bad_request', 'invalid_json', 'Request body is not valid JSON'), undefined);
        else done(null, value);
      });
    } catch (error) {
      done(error as Error, undefined);
    }
  });
}

function decode(raw: Buffer, encoding: string | undefined, maxBytes: number): Buffer {
  if (!encoding || encoding === 'identity') return raw;
  if (encoding !== 'gzip') {
    throw new CoilError('bad_request', 'invalid_json', `Content-Encoding ${encoding} is not supported`);
  }
  try {
    return gunzipSync(raw, { maxOutputLength: maxBytes });
  } catch (error) {
    if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') {
      throw new CoilError('payload_too_large', 'payload_too_large', 'Request body is too large');
    }
    throw new CoilError('bad_request', 'invalid_json', 'Request body is not valid gzip');
  }
}

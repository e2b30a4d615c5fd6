import { gunzipSync } from 'node:zlib';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { CoilError, unsupportedContentType } from '@coil/domain';

const JSON_TYPES = /^(application\/(.+\+)?json|text\/plain)\b/i;
const FORM_TYPE = /^application\/x-www-form-urlencoded\b/i;
// Keys a later merge could carry to Object.prototype; the JSON parser drops them too.
const PROTOTYPE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** How a request body was sent: JSON (application/json, text/plain) or an HTML form. */
export type BodyFormat = 'json' | 'form';

interface ParsedBody {
  bytes: number;
  format: BodyFormat;
}

const parsedBodies = new WeakMap<FastifyRequest, ParsedBody>();

/** Byte size of the decoded body of a request (0 when it had none). */
export function bodyBytes(request: FastifyRequest): number {
  return parsedBodies.get(request)?.bytes ?? 0;
}

/** The format the body was parsed from; undefined when the request had no body. */
export function bodyFormat(request: FastifyRequest): BodyFormat | undefined {
  return parsedBodies.get(request)?.format;
}

/**
 * One parser for every content type, so that a wrong type or broken JSON gets the spec's
 * `invalid_json` instead of a framework message. text/plain is accepted because browsers'
 * sendBeacon can send nothing else and analytics.js sends its JSON so; gzip because Segment's
 * HTTP API allows it. Forms become an object of
 * their last value per field (Amplitude's Identify APIs); routes that want JSON refuse them.
 * __proto__ and constructor.prototype keys are removed, as traits are later merged.
 */
export function installJsonBodyParser(fastify: FastifyInstance, maxBytes: number): void {
  const parseJson = fastify.getDefaultJsonParser('remove', 'remove');
  fastify.removeAllContentTypeParsers();
  fastify.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: maxBytes }, (request, raw, done) => {
    try {
      const contentType = request.headers['content-type'] ?? '';
      const format: BodyFormat | undefined = JSON_TYPES.test(contentType) ? 'json' : FORM_TYPE.test(contentType) ? 'form' : undefined;
      if (format === undefined) {
        throw unsupportedContentType();
      }
      const body = decode(raw as Buffer, request.headers['content-encoding'], maxBytes);
      parsedBodies.set(request, { bytes: body.length, format });
      if (body.length === 0) throw new CoilError('bad_request', 'invalid_json', 'Request body is empty');
      if (format === 'form') {
        done(null, parseForm(body.toString('utf8')));
        return;
      }
      void parseJson(request, body.toString('utf8'), (error, value) => {
        if (error) done(new CoilError('bad_request', 'invalid_json', 'Request body is not valid JSON'), undefined);
        else done(null, value);
      });
    } catch (error) {
      done(error as Error, undefined);
    }
  });
}

/** URLSearchParams never throws: malformed escapes stay as sent, the fields' own checks judge them. */
function parseForm(text: string): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const [key, value] of new URLSearchParams(text)) {
    if (!PROTOTYPE_KEYS.has(key)) fields[key] = value;
  }
  return fields;
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

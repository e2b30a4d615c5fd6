import { gunzipSync } from 'node:zlib';
import secureJson from 'secure-json-parse';
import { CoilError, unsupportedContentType } from '@coil/domain';

const JSON_TYPES = /^(application\/(.+\+)?json|text\/plain)\b/i;
const FORM_TYPE = /^application\/x-www-form-urlencoded\b/i;
// Keys a later merge could carry to Object.prototype; the JSON parser drops them too.
const PROTOTYPE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
const JSON_OPTIONS = { protoAction: 'remove', constructorAction: 'remove' } as const;

/** How a request body was sent: JSON (application/json, text/plain) or an HTML form. */
export type BodyFormat = 'json' | 'form';

export interface ParsedBody {
  value: unknown;
  /** Size of the decoded body. */
  bytes: number;
  format: BodyFormat;
}

/** The two headers a body's meaning depends on. */
export interface BodyHeaders {
  'content-type'?: string;
  'content-encoding'?: string;
}

/**
 * The one body parser of every HTTP path (Fastify's and the ingest's fast routes), so a wrong
 * type or broken JSON gets the spec's `invalid_json` the same way everywhere. text/plain is
 * accepted because browsers' sendBeacon can send nothing else and analytics.js sends its JSON so;
 * gzip because Segment's HTTP API allows it. Forms become an object of their last value per
 * field (Amplitude's Identify APIs); routes that want JSON refuse them. __proto__ and
 * constructor.prototype keys are removed, as traits are later merged.
 */
export function parseBody(raw: Buffer, headers: BodyHeaders, maxBytes: number): ParsedBody {
  const contentType = headers['content-type'] ?? '';
  const format: BodyFormat | undefined = JSON_TYPES.test(contentType) ? 'json' : FORM_TYPE.test(contentType) ? 'form' : undefined;
  if (format === undefined) throw unsupportedContentType();
  const body = decode(raw, headers['content-encoding'], maxBytes);
  if (body.length === 0) throw new CoilError('bad_request', 'invalid_json', 'Request body is empty');
  const text = body.toString('utf8');
  return { value: format === 'form' ? parseForm(text) : parseJson(text), bytes: body.length, format };
}

function parseJson(text: string): unknown {
  try {
    return secureJson.parse(text, null, JSON_OPTIONS);
  } catch {
    throw new CoilError('bad_request', 'invalid_json', 'Request body is not valid JSON');
  }
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

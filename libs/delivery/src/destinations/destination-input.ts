import { randomBytes } from 'node:crypto';
import { CoilError, parseName } from '@coil/domain';
import { parseDuration } from '@coil/platform';
import { isSignalKind, SIGNAL_KINDS } from '@coil/signals';
import { DESTINATION_TYPES, type DestinationSettings, type DestinationType } from '../contracts/destination';
import { isSyncType } from '../sender-registry';
import { secretHint } from './secret-box';

/** `destination create`'s options, as typed. */
export interface DestinationInput {
  readonly type: string;
  readonly url: string;
  readonly kinds?: string;
  readonly segments?: string;
  readonly digest?: string;
  readonly token?: string;
  readonly prefix?: string;
  readonly match?: string;
}

/** A validated destination with its secret in plain text (sealed before it is stored). */
export interface ParsedDestination {
  readonly type: DestinationType;
  readonly url: string;
  readonly kinds: string[] | null;
  readonly segments: string[] | null;
  readonly settings: DestinationSettings;
  readonly secret: string;
}

const MIN_DIGEST_MS = 1000;
const MAX_DIGEST_MS = 86_400_000;
const MATCHES = ['domain', 'coil_tracking_id'] as const;

function invalid(parameter: string, message: string, details: Record<string, unknown> = {}): CoilError {
  return new CoilError('bad_request', 'invalid_parameter', message, { parameter, ...details });
}

function parseType(raw: string): DestinationType {
  const type = DESTINATION_TYPES.find((candidate) => candidate === raw);
  if (type === undefined) {
    throw invalid('type', `unknown destination type "${raw}": use one of ${DESTINATION_TYPES.join(', ')}`, {
      available: DESTINATION_TYPES,
    });
  }
  return type;
}

/** Kept as typed (trimmed): `new URL` would rewrite it, e.g. add a trailing slash. */
function parseUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw invalid('url', 'url must be an absolute http or https URL');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw invalid('url', 'url must be an absolute http or https URL');
  return raw.trim();
}

function list(raw: string | undefined): string[] | null {
  if (raw === undefined) return null;
  const items = raw.split(',').map((item) => item.trim());
  return items.some((item) => item !== '') ? [...new Set(items.filter((item) => item !== ''))] : null;
}

function parseKinds(raw: string | undefined): string[] | null {
  const kinds = list(raw);
  const unknown = kinds?.find((kind) => !isSignalKind(kind));
  if (unknown !== undefined)
    throw invalid('kinds', `unknown signal kind "${unknown}": use any of ${SIGNAL_KINDS.join(', ')}`, { available: SIGNAL_KINDS });
  return kinds;
}

function parseDigest(raw: string): number {
  const ms = parseDuration(raw);
  if (ms === null || ms < MIN_DIGEST_MS || ms > MAX_DIGEST_MS || ms % 1000 !== 0) {
    throw invalid('digest', `digest must be a whole number of seconds between 1s and 1d, such as 15m or 1h, got "${raw}"`);
  }
  return ms / 1000;
}

/** Options that only some types take: naming one for another type is a mistake worth reporting. */
function only(input: DestinationInput, option: keyof DestinationInput, types: readonly DestinationType[], type: DestinationType): void {
  if (input[option] !== undefined && !types.includes(type))
    throw invalid(option, `--${option} applies to ${types.join(' and ')} destinations only`);
}

/** Validates `destination create`; a webhook gets a fresh signing secret, the others' secret is their URL or token. */
export function parseDestinationInput(input: DestinationInput): ParsedDestination {
  const type = parseType(input.type);
  const url = parseUrl(input.url);
  only(input, 'digest', ['slack'], type);
  only(input, 'kinds', ['webhook', 'slack'], type);
  only(input, 'token', ['segment', 'hubspot'], type);
  only(input, 'prefix', ['segment', 'hubspot'], type);
  only(input, 'match', ['hubspot'], type);
  const segments = list(input.segments)?.map((name) => parseName(name, 'segment name')) ?? null;
  const settings: { -readonly [K in keyof DestinationSettings]: DestinationSettings[K] } = {};
  if (input.digest !== undefined) settings.digest_seconds = parseDigest(input.digest);
  if (isSyncType(type)) {
    if (input.token === undefined || input.token.trim() === '') throw invalid('token', `a ${type} destination needs --token`);
    settings.trait_prefix = parsePrefix(input.prefix ?? 'coil');
    if (type === 'hubspot') settings.match = parseMatch(input.match ?? 'coil_tracking_id');
  }
  const secret = type === 'webhook' ? newSigningSecret() : type === 'slack' ? url : input.token!.trim();
  return { type, url: type === 'slack' ? redactUrl(url) : url, kinds: parseKinds(input.kinds), segments, settings, secret };
}

function parsePrefix(raw: string): string {
  if (!/^[a-z][a-z0-9_]{0,31}$/i.test(raw)) throw invalid('prefix', 'prefix must be a letter then up to 31 letters, digits or underscores');
  return raw;
}

function parseMatch(raw: string): 'domain' | 'coil_tracking_id' {
  const match = MATCHES.find((candidate) => candidate === raw);
  if (match === undefined) throw invalid('match', `match must be one of ${MATCHES.join(', ')}`, { available: MATCHES });
  return match;
}

/** Standard Webhooks secrets: `whsec_` and base64 of 24 random bytes. */
export function newSigningSecret(): string {
  return `whsec_${randomBytes(24).toString('base64')}`;
}

/** Slack's webhook URL is itself the credential: only its origin and last characters are shown. */
function redactUrl(url: string): string {
  return `${new URL(url).origin}/${secretHint(url)}`;
}

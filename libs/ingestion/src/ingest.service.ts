import { randomUUID } from 'node:crypto';
import {
  CoilError,
  eventTooLarge,
  extractBodyKey,
  ingestRouteInfo,
  isBatchRoute,
  MAX_EVENT_BYTES,
  normalizeContext,
  normalizeRequest,
  parseAuthorizationHeader,
  unsupportedContentType,
  type IngestRoute,
  type RejectedEvent,
} from '@coil/domain';
import type { BodyFormat, RateLimiter } from '@coil/http';
import { hashCredential } from '@coil/workspaces';
import type { EventBatcher } from './event-batcher';

export interface IngestKeyResolver {
  resolveIngestKey(rawKey: string): Promise<string | null>;
}

export interface IngestRequest {
  route: IngestRoute;
  authorization: string | undefined;
  body: unknown;
  bodyBytes: number;
  /** How the body was sent; forms only reach the routes that take them. Default: JSON. */
  bodyFormat?: BodyFormat;
}

export interface IngestOutcome {
  workspaceId: string;
  accepted: number;
  rejected: RejectedEvent[];
}

interface AuthenticatedKey {
  workspaceId: string;
  keyHash: string;
}

/** Auth, validation, rate limit and durable queueing of one request, in that order. */
export class IngestService {
  constructor(
    private readonly keys: IngestKeyResolver,
    private readonly limiter: Pick<RateLimiter, 'take'>,
    private readonly batcher: Pick<EventBatcher, 'enqueue'>,
  ) {}

  async accept(request: IngestRequest): Promise<IngestOutcome> {
    // A wrong content type is refused before the key is looked at, as the body parser refuses others.
    if (request.bodyFormat === 'form' && ingestRouteInfo(request.route).body !== 'json-or-form') {
      throw unsupportedContentType();
    }
    const { workspaceId, keyHash } = await this.authenticate(request);
    // The body's decoded bytes, whitespace included; the normaliser then holds each event's JSON to the same limit.
    if (!isBatchRoute(request.route) && request.bodyBytes > MAX_EVENT_BYTES) throw eventTooLarge();
    const { events, rejected } = normalizeRequest(
      request.route,
      request.body,
      normalizeContext({ receivedAt: new Date(), newMessageId: randomUUID, bodyBytes: request.bodyBytes }),
    );
    if (events.length > 0) {
      const retryAfter = this.limiter.take(keyHash, events.length);
      if (retryAfter > 0) {
        throw new CoilError('rate_limited', 'rate_limited', 'Rate limit exceeded for this API key', {
          retry_after_seconds: retryAfter,
        });
      }
      await this.batcher.enqueue(workspaceId, events);
    }
    return { workspaceId, accepted: events.length, rejected };
  }

  /** Whether a raw key is an active ingest key (analytics.js fetches its settings with it). */
  async isActiveKey(rawKey: string): Promise<boolean> {
    return (await this.keys.resolveIngestKey(rawKey)) !== null;
  }

  private async authenticate(request: IngestRequest): Promise<AuthenticatedKey> {
    const candidates = parseAuthorizationHeader(request.authorization);
    const bodyKey = extractBodyKey(request.body);
    if (bodyKey) candidates.push(bodyKey);
    for (const candidate of candidates) {
      const workspaceId = await this.keys.resolveIngestKey(candidate);
      // The limiter's buckets are keyed by a hash so raw keys do not outlive the request.
      if (workspaceId) return { workspaceId, keyHash: hashCredential(candidate) };
    }
    throw new CoilError('unauthorized', 'unauthorized', candidates.length === 0 ? 'Missing API key' : 'Invalid API key');
  }
}

import type { IngestEvent } from '../ingest-event';
import { normalizeAccoilV1Events, normalizeAccoilV1Groups, normalizeAccoilV1Users } from '../normalize/accoil/normalize-accoil-v1';
import { normalizeAccoilV2Group, normalizeAccoilV2Identify, normalizeAccoilV2Track } from '../normalize/accoil/normalize-accoil-v2';
import { normalizeAmplitudeHttpApi } from '../normalize/amplitude/normalize-amplitude-http-api';
import { normalizeAmplitudeGroupIdentifyApi, normalizeAmplitudeIdentifyApi } from '../normalize/amplitude/normalize-amplitude-identify-api';
import { normalizeAmplitudeRoute } from '../normalize/amplitude/normalize-amplitude-route';
import { normalizeSegmentBatch } from '../normalize/segment/normalize-segment-batch';
import { normalizeSegmentEvent } from '../normalize/segment/normalize-segment-event';
import type { SegmentEventType } from '../normalize/segment/segment-event-schema';
import { assertEventSize } from './ingest-limits';
import type { IngestRoute } from './ingest-routes';
import type { NormalizeContext, NormalizeResult } from './normalize-result';

type NormalizeRoute = (body: unknown, ctx: NormalizeContext) => NormalizeResult;
type NormalizeSingleEvent = (body: unknown, ctx: NormalizeContext) => IngestEvent;

/**
 * Any ingest route's body into IngestEvents. Single-event routes throw a 4xx CoilError for a bad
 * body; batch routes return the valid events and list the rejected ones (see normalizeBatchItems).
 */
export function normalizeRequest(route: IngestRoute, body: unknown, ctx: NormalizeContext): NormalizeResult {
  return ROUTE_NORMALIZERS[route](body, ctx);
}

const single =
  (normalize: NormalizeSingleEvent): NormalizeRoute =>
  (body, ctx) => {
    assertEventSize(body, ctx.bodyBytes);
    return { events: [normalize(body, ctx)], rejected: [] };
  };

const segmentRoute = (impliedType: SegmentEventType): NormalizeRoute =>
  single((body, ctx) => normalizeSegmentEvent(body, { impliedType }, ctx));

/** Segment's destination tests its connection by posting `{}`: accepted, nothing recorded. */
const segmentDestinationRoute: NormalizeRoute = (body, ctx) =>
  isEmptyObject(body) ? { events: [], rejected: [] } : single((b, c) => normalizeSegmentEvent(b, {}, c))(body, ctx);

const ROUTE_NORMALIZERS: Record<IngestRoute, NormalizeRoute> = {
  segment: segmentDestinationRoute,
  'v1/identify': segmentRoute('identify'),
  'v1/track': segmentRoute('track'),
  'v1/page': segmentRoute('page'),
  'v1/screen': segmentRoute('screen'),
  'v1/group': segmentRoute('group'),
  'v1/alias': segmentRoute('alias'),
  'v1/batch': normalizeSegmentBatch,
  'v2/identify': single(normalizeAccoilV2Identify),
  'v2/group': single(normalizeAccoilV2Group),
  'v2/track': single(normalizeAccoilV2Track),
  'v1/users': single(normalizeAccoilV1Users),
  'v1/groups': single(normalizeAccoilV1Groups),
  'v1/events': single(normalizeAccoilV1Events),
  amplitude: normalizeAmplitudeRoute,
  '2/httpapi': normalizeAmplitudeHttpApi,
  // Amplitude's Batch Event Upload API takes the HTTP API v2 body.
  batch: normalizeAmplitudeHttpApi,
  identify: normalizeAmplitudeIdentifyApi,
  groupidentify: normalizeAmplitudeGroupIdentifyApi,
};

function isEmptyObject(body: unknown): boolean {
  return typeof body === 'object' && body !== null && !Array.isArray(body) && Object.keys(body).length === 0;
}

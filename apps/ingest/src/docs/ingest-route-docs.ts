import type { IngestRoute, IngestRouteInfo } from '@coil/domain';

export interface IngestRouteDoc {
  readonly summary: string;
  /** A body as the client's own documentation shows it. */
  readonly example: Record<string, unknown>;
}

/** The OpenAPI text of every route of INGEST_ROUTES; the record type makes a new route need one. */
export const INGEST_ROUTE_DOCS: Readonly<Record<IngestRoute, IngestRouteDoc>> = {
  // Segment's Accoil destination (/segment) and Segment's HTTP tracking API (/v1/...).
  segment: {
    summary: "One Segment event, as Segment's Accoil destination posts it ({} is its connection test)",
    example: { type: 'track', event: 'Report Created', userId: 'user_12345', timestamp: '2025-09-01T10:00:00.000Z' },
  },
  'v1/batch': {
    summary: 'A Segment batch, as @segment/analytics-node sends it',
    example: {
      batch: [{ type: 'track', event: 'Report Created', userId: 'user_12345', messageId: 'm-1' }],
      sentAt: '2025-09-01T10:00:00.000Z',
    },
  },
  'v1/identify': {
    summary: 'Segment HTTP API identify',
    example: { userId: 'user_12345', traits: { email: 'sarah@techcorp.com', name: 'Sarah' } },
  },
  'v1/track': {
    summary: 'Segment HTTP API track (properties are dropped)',
    example: { userId: 'user_12345', event: 'Report Created' },
  },
  'v1/page': {
    summary: 'Segment HTTP API page: becomes the track event `Viewed {name} Page`',
    example: { userId: 'user_12345', name: 'Pricing' },
  },
  'v1/screen': {
    summary: 'Segment HTTP API screen: becomes the track event `Viewed {name} Screen`',
    example: { userId: 'user_12345', name: 'Home' },
  },
  'v1/group': {
    summary: 'Segment HTTP API group: links the user to the account',
    example: { userId: 'user_12345', groupId: 'ext-12345', traits: { name: 'TechCorp Solutions', plan: 'pro' } },
  },
  'v1/alias': {
    summary: 'Segment HTTP API alias: previousId and userId become one user',
    example: { userId: 'user_12345', previousId: 'anon-42' },
  },
  // Accoil's REST API: v2 (Basic auth) and the legacy v1 (api_key in the body).
  'v2/identify': {
    summary: 'Accoil REST v2 identify (`Authorization: Basic <key>`)',
    example: { userId: 'user_12345', traits: { email: 'sarah@techcorp.com' }, groupId: 'ext-12345' },
  },
  'v2/group': {
    summary: 'Accoil REST v2 group',
    example: { groupId: 'ext-12345', userId: 'user_12345', traits: { name: 'TechCorp Solutions', mrr: 99000 } },
  },
  'v2/track': {
    summary: 'Accoil REST v2 track',
    example: { userId: 'user_12345', event: 'Report_Created' },
  },
  'v1/users': {
    summary: 'Accoil legacy identify (api_key in the body)',
    example: { api_key: 'YOUR_API_KEY', timestamp: 1500000000000, user_id: 'user_12345', traits: { email: 'sarah@techcorp.com' } },
  },
  'v1/groups': {
    summary: 'Accoil legacy group',
    example: { api_key: 'YOUR_API_KEY', timestamp: 1500000000000, group_id: 'ext-12345', user_id: 'user_12345' },
  },
  'v1/events': {
    summary: 'Accoil legacy track',
    example: { api_key: 'YOUR_API_KEY', timestamp: 1500000000000, user_id: 'user_12345', event: 'Report_Created' },
  },
  // Accoil's Amplitude event stream (/amplitude) and Amplitude's HTTP API v2 (/2/httpapi).
  amplitude: {
    summary: "Accoil's Amplitude event stream: an event with groupTraits, or an Amplitude event",
    example: {
      type: 'track',
      event: 'Exported',
      userId: 'user_12345',
      groupTraits: [{ groupId: 'ext-12345', traits: { name: 'TechCorp', group_type: 'org' } }],
    },
  },
  '2/httpapi': {
    summary: 'Amplitude HTTP API v2, as @amplitude/analytics-node sends it',
    example: {
      api_key: 'YOUR_API_KEY',
      events: [{ event_type: 'Viewed Report', user_id: 'user_12345', time: 1756720800000, insert_id: 'i-1', groups: { org: 'ext-12345' } }],
    },
  },
  // Amplitude's Batch Event Upload, Identify and Group Identify APIs.
  batch: {
    summary: 'Amplitude Batch Event Upload API: the HTTP API v2 body, answered as Amplitude does (200, code 200)',
    example: {
      api_key: 'YOUR_API_KEY',
      events: [{ event_type: 'Viewed Report', user_id: 'user_12345', time: 1756720800000, insert_id: 'i-2', groups: { org: 'ext-12345' } }],
    },
  },
  identify: {
    summary:
      'Amplitude Identify API (form: api_key, identification as a JSON object or array): user_properties with $set, $setOnce, $unset; other operations are ignored',
    example: {
      api_key: 'YOUR_API_KEY',
      identification: JSON.stringify({
        user_id: 'user_12345',
        user_properties: { $set: { plan: 'pro' }, $setOnce: { first_plan: 'trial' }, $unset: { legacy: '-' } },
      }),
    },
  },
  groupidentify: {
    summary:
      'Amplitude Group Identify API (form: api_key, identification): group_value is the account, group_properties its traits ($set, $setOnce, $unset)',
    example: {
      api_key: 'YOUR_API_KEY',
      identification: JSON.stringify({
        group_type: 'org',
        group_value: 'ext-12345',
        group_properties: { $set: { name: 'TechCorp Solutions', plan: 'pro' }, $setOnce: { signed_up: '2025-09-01' } },
      }),
    },
  },
};

/** The doc of one of analytics.js's short paths (/v1/t, ...): its route's, saying which it is. */
export function aliasDoc(info: IngestRouteInfo): IngestRouteDoc {
  const doc = INGEST_ROUTE_DOCS[info.route];
  return {
    summary: `${doc.summary}; the path @segment/analytics-next (analytics.js) posts to, same as ${info.path}`,
    example: doc.example,
  };
}

import { PROPERTY_SENTINEL } from './normalize-test-context';

/** Bodies as real clients send them; analytics-node and Amplitude bodies were captured from the SDKs. */
export const segmentDestination = {
  identify: {
    type: 'identify',
    userId: 'user_12345',
    traits: {
      email: 'ann@example.com',
      name: 'Ann',
      role: 'admin',
      createdAt: '2025-01-02T03:04:05Z',
      accountStatus: 'active',
      favourite: 'x',
    },
    timestamp: '2026-03-10T11:00:00.000Z',
  },
  group: {
    type: 'group',
    groupId: 'acc_1',
    traits: { name: 'Acme', createdAt: 1735787045, status: 'paying', plan: 'pro', mrr: 129900 },
    timestamp: '2026-03-10T11:00:00.000Z',
  },
  track: { type: 'track', event: 'Report_Created', userId: 'user_12345', timestamp: '2026-03-10T11:00:00.000Z' },
  page: { type: 'page', userId: 'user_12345', name: 'Pricing', timestamp: '2026-03-10T11:00:00.000Z' },
  screen: { type: 'screen', userId: 'user_12345', name: 'Dashboard', timestamp: '2026-03-10T11:00:00.000Z' },
} as const;

/** What the earlier "Post to Accoil" action forwarded: the whole Segment event, after Segment's servers. */
export const fullSegmentTrackEvent = {
  anonymousId: 'anon-42',
  channel: 'server',
  context: {
    groupId: 'acc_ctx',
    ip: '8.8.8.8',
    library: { name: 'analytics.js', version: '2.11.1' },
    traits: { email: PROPERTY_SENTINEL },
  },
  event: 'Report Exported',
  integrations: {},
  messageId: 'ajs-5f2b1a4c0e9d',
  originalTimestamp: '2026-03-10T10:59:58.000Z',
  properties: { format: PROPERTY_SENTINEL, rows: 1200 },
  receivedAt: '2026-03-10T11:00:03.000Z',
  sentAt: '2026-03-10T10:59:59.000Z',
  timestamp: '2026-03-10T11:00:02.000Z',
  type: 'track',
  userId: 'user_12345',
  version: 2,
} as const;

/** @segment/analytics-node 3.1.0 posting to /v1/batch (captured; times rebased). */
export const analyticsNodeBatch = {
  batch: [
    {
      timestamp: '2026-03-10T11:59:59.179Z',
      integrations: {},
      type: 'identify',
      userId: 'u1',
      traits: { email: 'a@b.c', name: 'Ann' },
      context: { library: { name: '@segment/analytics-node', version: '3.1.0' } },
      messageId: 'node-next-1-a',
      _metadata: { nodeVersion: 'v20.20.2', jsRuntime: 'node' },
    },
    {
      timestamp: '2026-03-10T11:59:59.180Z',
      integrations: {},
      event: 'Report Created',
      type: 'track',
      properties: { secret: PROPERTY_SENTINEL },
      context: { groupId: 'acc_1', library: { name: '@segment/analytics-node', version: '3.1.0' } },
      userId: 'u1',
      messageId: 'node-next-1-b',
      _metadata: { nodeVersion: 'v20.20.2', jsRuntime: 'node' },
    },
    {
      timestamp: '2026-03-10T11:59:59.180Z',
      integrations: {},
      type: 'page',
      properties: { url: PROPERTY_SENTINEL },
      name: 'Pricing',
      context: { library: { name: '@segment/analytics-node', version: '3.1.0' } },
      anonymousId: 'anon-1',
      messageId: 'node-next-1-c',
      _metadata: { nodeVersion: 'v20.20.2', jsRuntime: 'node' },
    },
    {
      timestamp: '2026-03-10T11:59:59.180Z',
      integrations: {},
      type: 'group',
      traits: { plan: 'pro' },
      groupId: 'acc_1',
      context: { library: { name: '@segment/analytics-node', version: '3.1.0' } },
      userId: 'u1',
      messageId: 'node-next-1-d',
      _metadata: { nodeVersion: 'v20.20.2', jsRuntime: 'node' },
    },
    {
      timestamp: '2026-03-10T11:59:59.181Z',
      integrations: {},
      userId: 'u1',
      type: 'alias',
      previousId: 'anon-1',
      context: { library: { name: '@segment/analytics-node', version: '3.1.0' } },
      messageId: 'node-next-1-e',
      _metadata: { nodeVersion: 'v20.20.2', jsRuntime: 'node' },
    },
  ],
  writeKey: 'wk_test',
  sentAt: '2026-03-10T11:59:59.186Z',
} as const;

/** @amplitude/analytics-node 1.5.73 posting to /2/httpapi: track, identify, groupIdentify, setGroup (captured). */
export const amplitudeNodeBody = {
  api_key: 'amp_key',
  events: [
    {
      time: 1773143940000,
      insert_id: 'ins-1',
      event_type: 'Report Created',
      user_id: 'user_1',
      device_id: 'dev_1',
      groups: { account: ['acc_b', 'acc_a'], org: 'org_1' },
      user_properties: { $set: { plan: 'pro' }, $unset: { old: '-' } },
      group_properties: { name: 'Acme' },
      event_properties: { secret: PROPERTY_SENTINEL },
      event_id: 0,
      library: 'amplitude-node-ts/1.5.73',
    },
    {
      time: 1773143940002,
      insert_id: '91c86d4b-aac8-4a3f-a31e-a795a7c35d4c',
      user_id: 'user_1',
      event_type: '$identify',
      user_properties: { $set: { email: 'a@b.c' }, $setOnce: { first: 1 }, $unset: { gone: '-' } },
      event_id: 1,
      library: 'amplitude-node-ts/1.5.73',
    },
    {
      time: 1773143940003,
      insert_id: '1a590535-9713-41e4-babe-9321b65e2c35',
      user_id: 'user_1',
      event_type: '$groupidentify',
      group_properties: { $set: { plan: 'pro' } },
      groups: { account: 'acc_a' },
      event_id: 2,
      library: 'amplitude-node-ts/1.5.73',
    },
    {
      time: 1773143940004,
      insert_id: '430f643d-7fb7-4efd-bd06-491d36329da8',
      user_id: 'user_1',
      event_type: '$identify',
      user_properties: { $set: { account: 'acc_a' } },
      groups: { account: 'acc_a' },
      event_id: 3,
      library: 'amplitude-node-ts/1.5.73',
    },
  ],
  options: {},
  client_upload_time: '2026-03-10T11:59:00.010Z',
} as const;

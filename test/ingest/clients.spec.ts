import { Analytics } from '@segment/analytics-node';
import { createInstance, Identify } from '@amplitude/analytics-node';
import { startIngest, type IngestHarness } from '../support/ingest-harness';

const SENTINEL = 'CLIENT_PROPERTY_THAT_MUST_NOT_BE_STORED';

describe('real client libraries send straight to the ingest', () => {
  let ingest: IngestHarness;

  beforeAll(async () => {
    ingest = await startIngest();
  });

  afterAll(async () => {
    await ingest.close();
  });

  beforeEach(async () => {
    await ingest.queue.drain(true);
  });

  it('@segment/analytics-node (host) delivers identify, group and track in a batch', async () => {
    const analytics = new Analytics({ writeKey: ingest.apiKey, host: ingest.url, flushInterval: 50, maxRetries: 0 });
    const errors: unknown[] = [];
    analytics.on('error', (error) => errors.push(error));
    analytics.identify({ userId: 'seg-user', traits: { email: 'seg@x.io', plan: 'pro' } });
    analytics.group({ userId: 'seg-user', groupId: 'seg-account', traits: { name: 'Seg Co' } });
    analytics.track({ userId: 'seg-user', event: 'Report Created', properties: { secret: SENTINEL } });
    analytics.page({ userId: 'seg-user', name: 'Pricing', properties: { url: SENTINEL } });
    await analytics.closeAndFlush({ timeout: 10000 });
    expect(errors).toEqual([]);
    const events = await ingest.queuedEvents();
    expect(events.map((event) => event.type)).toEqual(['identify', 'group', 'track', 'track']);
    expect(events[2]).toMatchObject({ userId: 'seg-user', event: 'Report Created' });
    expect(events[3].event).toBe('Viewed Pricing Page');
    expect(events[1]).toMatchObject({ groupId: 'seg-account', userId: 'seg-user' });
    expect(events.every((event) => typeof event.messageId === 'string' && event.messageId.length > 0)).toBe(true);
    expect(JSON.stringify(events)).not.toContain(SENTINEL);
  });

  it('@amplitude/analytics-node (serverUrl) delivers identify, group and track with code 200', async () => {
    const amplitude = createInstance();
    await amplitude.init(ingest.apiKey, {
      serverUrl: `${ingest.url}/2/httpapi`,
      flushIntervalMillis: 50,
      flushMaxRetries: 1,
    }).promise;
    const identify = new Identify().set('plan', 'enterprise');
    const results = await Promise.all([
      amplitude.identify(identify, { user_id: 'amp-user' }).promise,
      amplitude.groupIdentify('org', 'amp-account', new Identify().set('name', 'Amp Co'), { user_id: 'amp-user' }).promise,
      amplitude.track('Viewed Dashboard', { secret: SENTINEL }, { user_id: 'amp-user', groups: { org: 'amp-account' } }).promise,
    ]);
    expect(results.map((result) => result.code)).toEqual([200, 200, 200]);
    const events = await ingest.queuedEvents();
    const track = events.find((event) => event.type === 'track');
    expect(track).toMatchObject({ userId: 'amp-user', event: 'Viewed Dashboard', groupId: 'amp-account' });
    expect(events.some((event) => event.type === 'identify' && event.traits?.plan === 'enterprise')).toBe(true);
    expect(events.some((event) => event.type === 'group' && event.groupId === 'amp-account')).toBe(true);
    expect(JSON.stringify(events)).not.toContain(SENTINEL);
  });
});

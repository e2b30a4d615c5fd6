import request from 'supertest';
import { startIngest, type IngestHarness } from '../support/ingest-harness';

// Amplitude's Batch Event Upload, Identify and Group Identify APIs, as their docs show them
// (curl --data-urlencode 'api_key=...' --data-urlencode 'identification=[...]').
describe('Amplitude Batch, Identify and Group Identify APIs', () => {
  let ingest: IngestHarness;

  beforeAll(async () => {
    ingest = await startIngest();
  });

  afterAll(() => ingest.close());

  beforeEach(() => ingest.queue.drain(true));

  const form = (path: string, fields: Record<string, string>) =>
    request(ingest.url).post(path).type('form').send(new URLSearchParams(fields).toString());

  function expectError(response: request.Response, status: number, code: string, path?: string): void {
    expect(response.status).toBe(status);
    expect(response.body.error).toMatchObject({ code, ...(path === undefined ? {} : { details: expect.objectContaining({ path }) }) });
  }

  it('POST /batch takes the HTTP API v2 body and answers as Amplitude does', async () => {
    const body = {
      api_key: ingest.apiKey,
      events: [
        {
          event_type: 'Exported',
          user_id: 'u1',
          insert_id: 'bat-1',
          time: Date.now(),
          groups: { org: 'acme' },
          event_properties: { x: 1 },
        },
        { event_type: 'Exported', user_id: 'u2', insert_id: 'bat-2' },
      ],
    };
    const response = await request(ingest.url).post('/batch').send(body);
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      code: 200,
      events_ingested: 2,
      payload_size_bytes: expect.any(Number),
      server_upload_time: expect.any(Number),
    });
    const events = await ingest.queuedEvents();
    expect(events.map((event) => [event.messageId, event.userId, event.groupId])).toEqual([
      ['bat-1', 'u1', 'acme'],
      ['bat-2', 'u2', undefined],
    ]);
    expect(JSON.stringify(events)).not.toContain('event_properties');
  });

  it('POST /identify (form): $set and $unset as traits, $setOnce as traitsIfAbsent, other operations ignored', async () => {
    const identification = [
      {
        user_id: 'u1',
        user_properties: { $set: { plan: 'pro' }, $setOnce: { first_plan: 'trial' }, $unset: { legacy: '-' }, $add: { logins: 1 } },
      },
      { device_id: 'd-2', user_properties: { role: 'admin' } },
    ];
    const response = await form('/identify', { api_key: ingest.apiKey, identification: JSON.stringify(identification) });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ code: 200, events_ingested: 2 });
    const events = await ingest.queuedEvents();
    expect(events).toEqual([
      expect.objectContaining({
        type: 'identify',
        userId: 'u1',
        traits: { plan: 'pro', legacy: null },
        traitsIfAbsent: { first_plan: 'trial' },
      }),
      expect.objectContaining({ type: 'identify', anonymousId: 'd-2', traits: { role: 'admin' } }),
    ]);
    expect(events[1].traitsIfAbsent).toBeUndefined();
  });

  it('POST /groupidentify (form): the account group_value gets the traits, group_type among them', async () => {
    const identification = {
      group_type: 'org',
      group_value: 'acme',
      group_properties: { $set: { name: 'Acme' }, $setOnce: { signed_up: '2026-01-01' } },
    };
    const response = await form('/groupidentify', { api_key: ingest.apiKey, identification: JSON.stringify(identification) });
    expect(response.status).toBe(200);
    expect(await ingest.queuedEvents()).toEqual([
      expect.objectContaining({
        type: 'group',
        groupId: 'acme',
        traits: { name: 'Acme', group_type: 'org' },
        traitsIfAbsent: { signed_up: '2026-01-01' },
      }),
    ]);
  });

  it('accepts the key in Basic auth and JSON bodies too, and keeps insert_id as the dedupe id', async () => {
    const response = await request(ingest.url)
      .post('/identify')
      .set('Authorization', `Basic ${ingest.apiKey}`)
      .send({ identification: { user_id: 'u3', insert_id: 'idf-1', user_properties: { a: 1 } } });
    expect(response.status).toBe(200);
    expect((await ingest.queuedEvents()).map((event) => event.messageId)).toEqual(['idf-1']);
  });

  it('refuses bad forms and wrong content types with a 400 code, never a 500, and queues nothing', async () => {
    const key = ingest.apiKey;
    expectError(await form('/identify', { api_key: key }), 400, 'missing_field', '/identification');
    expectError(await form('/identify', { api_key: key, identification: '{"user_id":' }), 400, 'invalid_json', '/identification');
    expectError(await form('/identify', { api_key: key, identification: '42' }), 400, 'invalid_type', '/identification');
    expectError(
      await form('/identify', { api_key: key, identification: '{"user_properties":{}}' }),
      400,
      'missing_field',
      '/identification/user_id',
    );
    expectError(
      await form('/groupidentify', { api_key: key, identification: '{"group_type":"org"}' }),
      400,
      'missing_field',
      '/identification/group_value',
    );
    expectError(await request(ingest.url).post('/identify').type('form').send('%%%&&&=='), 401, 'unauthorized');
    expectError(
      await request(ingest.url).post('/identify').set('Content-Type', 'application/x-www-form-urlencoded').send(''),
      400,
      'invalid_json',
    );
    expectError(await request(ingest.url).post('/identify').set('Content-Type', 'application/xml').send('<a/>'), 400, 'invalid_json');
    // A form where a route takes only JSON: the content type is wrong, whatever the key.
    expectError(await form('/v1/track', { writeKey: key, userId: 'u', event: 'e' }), 400, 'invalid_json');
    expectError(await form('/2/httpapi', { api_key: key, events: '[]' }), 400, 'invalid_json');
    expect(await ingest.queuedEvents()).toHaveLength(0);
  });

  it('applies the limits: 401 without a key, 413 for an identification over 32 KB or a form over 500 KB', async () => {
    expectError(await form('/identify', { identification: '{"user_id":"u"}' }), 401, 'unauthorized');
    expectError(await form('/identify', { api_key: 'nope', identification: '{"user_id":"u"}' }), 401, 'unauthorized');
    const big = JSON.stringify({ user_id: 'u', user_properties: { blob: 'x'.repeat(40_000) } });
    expectError(await form('/identify', { api_key: ingest.apiKey, identification: big }), 413, 'payload_too_large');
    const huge = JSON.stringify([{ user_id: 'u', user_properties: { blob: 'x'.repeat(600 * 1024) } }]);
    expectError(await form('/groupidentify', { api_key: ingest.apiKey, identification: huge }), 413, 'payload_too_large');
    const many = JSON.stringify(Array.from({ length: 2501 }, () => ({ group_type: 'o', group_value: 'g' })));
    expectError(await form('/groupidentify', { api_key: ingest.apiKey, identification: many }), 413, 'payload_too_large');
    expect(await ingest.queuedEvents()).toHaveLength(0);
  });

  it('answers preflights and carries CORS headers on its answers', async () => {
    const preflight = await request(ingest.url)
      .options('/identify')
      .set('Origin', 'http://page.example.test')
      .set('Access-Control-Request-Method', 'POST')
      .set('Access-Control-Request-Headers', 'content-type');
    expect(preflight.status).toBe(204);
    const answer = await form('/identify', { api_key: ingest.apiKey, identification: '{"user_id":"u"}' }).set(
      'Origin',
      'http://page.example.test',
    );
    expect(answer.headers['access-control-allow-origin']).toBe('*');
  });
});

describe('Amplitude Identify APIs under the rate limit', () => {
  let ingest: IngestHarness;

  beforeAll(async () => {
    ingest = await startIngest({ ingestRateLimit: 2 });
  });

  afterAll(() => ingest.close());

  it('answers 429 with Retry-After once the key has used its events', async () => {
    const identification = JSON.stringify([{ user_id: 'a' }, { user_id: 'b' }]);
    const send = () =>
      request(ingest.url)
        .post('/identify')
        .type('form')
        .send(new URLSearchParams({ api_key: ingest.apiKey, identification }).toString());
    expect((await send()).status).toBe(200);
    const limited = await send();
    expect(limited.status).toBe(429);
    expect(limited.body.error.code).toBe('rate_limited');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThanOrEqual(1);
  });
});

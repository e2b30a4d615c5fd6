import { Pool } from 'pg';
import { createTraitSyncers, type Destination } from '@coil/delivery';
import { destination } from './support/destinations';
import { RecordingReceiver, type RecordedRequest, type ReceiverAnswer } from './support/recording-receiver';
import { createDestination, seedScoredAccounts, setScores } from './support/scored-accounts';

const UPDATE = '/crm/v3/objects/companies/batch/update';
const SEARCH = '/crm/v3/objects/companies/search';
const TOKEN = 'pat-na1-secret-token';
const day = '2026-12-02';
const now = new Date(`${day}T07:00:00Z`);

interface UpdateBody {
  inputs: Array<{ id: string; idProperty?: string; objectWriteTraceId: string; properties: Record<string, string> }>;
}
interface SearchBody {
  filterGroups: Array<{ filters: Array<{ propertyName: string; operator: string; values: string[] }> }>;
}

/** HubSpot's answer to a batch update: every input updated, trace ids echoed. */
function updated(request: RecordedRequest): ReceiverAnswer {
  const { inputs } = JSON.parse(request.body) as UpdateBody;
  const at = new Date().toISOString();
  const results = inputs.map((input, index) => ({
    id: String(9000 + index),
    properties: input.properties,
    createdAt: at,
    updatedAt: at,
    archived: false,
    objectWriteTraceId: input.objectWriteTraceId,
  }));
  return { status: 200, body: JSON.stringify({ status: 'COMPLETE', results, startedAt: at, completedAt: at }) };
}

describe('HubSpotSyncer through @hubspot/api-client, against a local receiver', () => {
  const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: 2 });
  const receiver = new RecordingReceiver();
  const { hubspot } = createTraitSyncers(pool, { deliveryTimeoutMs: 2000 });

  beforeAll(() => receiver.start());
  afterAll(async () => {
    await receiver.stop();
    await pool.end();
  });
  beforeEach(() => {
    receiver.requests.length = 0;
    receiver.answer = (request) => (request.path === UPDATE ? updated(request) : undefined);
  });

  async function hubspotDestination(workspaceId: string, overrides: Partial<Destination> = {}): Promise<Destination> {
    const id = await createDestination(pool, workspaceId, 'hubspot', receiver.url);
    return destination({ type: 'hubspot', url: receiver.url, workspaceId, id, secret: TOKEN, ...overrides });
  }

  it('updates companies by coil_tracking_id in batches of 100, then only what changed', async () => {
    const accounts = Array.from({ length: 105 }, (_, index) => ({ trackingId: `acct-${index}`, score: 40 + (index % 50) }));
    const { workspaceId, accountIds } = await seedScoredAccounts(
      pool,
      accounts.map((account, index) => (index === 0 ? { ...account, score: 62.5, segments: ['Champions', 'At risk'] } : account)),
      day,
    );
    const target = await hubspotDestination(workspaceId);

    expect(await hubspot.sync(target, now)).toEqual({ outcome: 'delivered', statusCode: 200, response: 'accounts: 105 sent' });

    const updates = receiver.requests.filter((request) => request.path === UPDATE);
    expect(updates.map((request) => [request.method, request.headers.authorization])).toEqual([
      ['POST', `Bearer ${TOKEN}`],
      ['POST', `Bearer ${TOKEN}`],
    ]);
    const bodies = receiver.bodies<UpdateBody>(UPDATE);
    expect(bodies.map((body) => body.inputs.length)).toEqual([100, 5]);
    expect(bodies[0].inputs[0]).toEqual({
      id: 'acct-0',
      idProperty: 'coil_tracking_id',
      objectWriteTraceId: accountIds[0],
      properties: {
        coil_default_score: '62.5',
        coil_default_score_change: '',
        coil_default_activation_rate: '0.5',
        coil_default_adoption_rate: '0.25',
        coil_default_lifetime_adoption_rate: '0.75',
        coil_default_last_active: day,
        coil_default_frequency: '4',
        coil_default_active_users: '2',
        coil_default_total_users: '3',
        coil_segments: 'At risk;Champions',
      },
    });

    receiver.requests.length = 0;
    expect(await hubspot.sync(target, now)).toEqual({ outcome: 'delivered', response: 'nothing changed' });
    expect(receiver.requests).toEqual([]);

    await setScores(pool, workspaceId, [accountIds[3]], [77], day);
    await hubspot.sync(target, now);
    expect(receiver.bodies<UpdateBody>(UPDATE)).toEqual([
      {
        inputs: [
          { id: 'acct-3', idProperty: 'coil_tracking_id', objectWriteTraceId: accountIds[3], properties: { coil_default_score: '77' } },
        ],
      },
    ]);
  });

  it('finds companies by domain, updates them by HubSpot id, and counts the accounts without one', async () => {
    const { workspaceId, accountIds } = await seedScoredAccounts(
      pool,
      [
        { trackingId: 'a', domain: 'https://www.Acme.com/', score: 10 },
        { trackingId: 'b', domain: 'globex.io', score: 20 },
        { trackingId: 'c', domain: 'initech.net', score: 30 },
        { trackingId: 'd', score: 40 },
      ],
      day,
    );
    const companies: Record<string, string> = { 'acme.com': '501', 'globex.io': '502' };
    receiver.answer = (request) => {
      if (request.path === UPDATE) return updated(request);
      const [filter] = (JSON.parse(request.body) as SearchBody).filterGroups[0].filters;
      const results = filter.values
        .filter((domain) => companies[domain])
        .map((domain) => ({ id: companies[domain], properties: { domain }, createdAt: now.toISOString(), updatedAt: now.toISOString() }));
      return { status: 200, body: JSON.stringify({ total: results.length, results }) };
    };
    const target = await hubspotDestination(workspaceId, { settings: { match: 'domain', trait_prefix: 'Acme CS' } });

    expect(await hubspot.sync(target, now)).toEqual({
      outcome: 'delivered',
      statusCode: 200,
      response: 'accounts: 2 sent, 2 without a match',
    });

    const [search] = receiver.bodies<SearchBody>(SEARCH);
    expect(search.filterGroups[0].filters).toEqual([
      { propertyName: 'domain', operator: 'IN', values: ['acme.com', 'globex.io', 'initech.net'] },
    ]);
    const [update] = receiver.bodies<UpdateBody>(UPDATE);
    expect(update.inputs.map((input) => [input.id, input.idProperty, input.properties.acme_cs_default_score])).toEqual([
      ['501', undefined, '10'],
      ['502', undefined, '20'],
    ]);

    // Unmatched accounts count as sent: a company created later gets the account's next change.
    companies['initech.net'] = '503';
    receiver.requests.length = 0;
    expect(await hubspot.sync(target, now)).toEqual({ outcome: 'delivered', response: 'nothing changed' });
    await setScores(pool, workspaceId, [accountIds[2]], [33], day);
    expect(await hubspot.sync(target, now)).toMatchObject({ response: 'accounts: 1 sent' });
    expect(receiver.bodies<UpdateBody>(UPDATE)).toEqual([
      { inputs: [expect.objectContaining({ id: '503', properties: { acme_cs_default_score: '33' } })] },
    ]);
  });

  it('honours the segment filter', async () => {
    const { workspaceId } = await seedScoredAccounts(
      pool,
      [
        { trackingId: 'in', score: 10, segments: ['Champions'] },
        { trackingId: 'out', score: 20, segments: ['New'] },
      ],
      day,
    );

    await hubspot.sync(await hubspotDestination(workspaceId, { segments: ['Champions'] }), now);

    expect(receiver.bodies<UpdateBody>(UPDATE).flatMap((body) => body.inputs.map((input) => input.id))).toEqual(['in']);
  });

  it('asks for a retry after Retry-After on 429, fails a 400, retries a 500, and resends what did not arrive', async () => {
    const { workspaceId } = await seedScoredAccounts(pool, [{ trackingId: 'x', score: 10 }], day);
    const target = await hubspotDestination(workspaceId);

    receiver.answer = () => ({ status: 429, headers: { 'retry-after': '3' }, body: JSON.stringify({ status: 'error', message: 'limit' }) });
    expect(await hubspot.sync(target, now)).toMatchObject({ outcome: 'retry', statusCode: 429, retryAfterMs: 3000 });

    receiver.answer = () => ({
      status: 400,
      body: JSON.stringify({ status: 'error', category: 'VALIDATION_ERROR', message: 'Property "coil_default_score" does not exist' }),
    });
    const refused = await hubspot.sync(target, now);
    expect(refused).toMatchObject({ outcome: 'failed', statusCode: 400 });
    expect(refused.response).toContain('coil_default_score');

    receiver.answer = () => ({ status: 500, body: '{}' });
    expect(await hubspot.sync(target, now)).toMatchObject({ outcome: 'retry', statusCode: 500 });
    expect(receiver.requests).toHaveLength(3);

    receiver.answer = updated;
    expect(await hubspot.sync(target, now)).toMatchObject({ outcome: 'delivered', response: 'accounts: 1 sent' });
    expect(JSON.stringify(receiver.requests.map((request) => request.path))).not.toContain(TOKEN);
  });

  it('counts the companies a 207 answer did not find, and fails those it refused, sending them again', async () => {
    const { workspaceId } = await seedScoredAccounts(
      pool,
      [
        { trackingId: 'known', score: 10 },
        { trackingId: 'unknown', score: 20 },
        { trackingId: 'invalid', score: 30 },
      ],
      day,
    );
    const target = await hubspotDestination(workspaceId);
    receiver.answer = (request) => {
      const answer = updated(request) as { body: string };
      const body = JSON.parse(answer.body) as { results: Array<{ objectWriteTraceId: string }> };
      const inputs = (JSON.parse(request.body) as UpdateBody).inputs;
      const known = inputs.filter((input) => input.id === 'known').map((input) => input.objectWriteTraceId);
      const error = (category: string, message: string, id: string) => ({
        status: 'error',
        category,
        message,
        context: { ids: [id] },
        links: {},
        errors: [],
      });
      return {
        status: 207,
        body: JSON.stringify({
          ...body,
          results: body.results.filter((result) => known.includes(result.objectWriteTraceId)),
          numErrors: 2,
          errors: [
            error('OBJECT_NOT_FOUND', 'Could not find', 'unknown'),
            error('VALIDATION_ERROR', 'Property values were not valid', 'invalid'),
          ],
        }),
      };
    };

    expect(await hubspot.sync(target, now)).toEqual({
      outcome: 'failed',
      statusCode: 207,
      response: 'accounts: 1 sent, 1 without a match, 1 rejected',
      error: '1 rejected: VALIDATION_ERROR: Property values were not valid',
    });

    receiver.requests.length = 0;
    receiver.answer = updated;
    expect(await hubspot.sync(target, now)).toEqual({ outcome: 'delivered', statusCode: 200, response: 'accounts: 1 sent' });
    expect(receiver.bodies<UpdateBody>(UPDATE)[0].inputs.map((input) => input.id)).toEqual(['invalid']);
  });
});

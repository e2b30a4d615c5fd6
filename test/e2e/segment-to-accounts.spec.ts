import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Analytics } from '@segment/analytics-node';
import type { IngestHarness } from '../support/ingest-harness';
import { startStack, type Stack } from '../support/stack';

interface AccountBody {
  id: string;
  metrics: Record<string, unknown>;
  [field: string]: unknown;
}

// Events sent with Segment's own library come out of GET /v1/accounts with exact counts.
describe('end to end: @segment/analytics-node -> ingest -> worker -> scoring -> /v1/accounts', () => {
  let stack: Stack;
  let ingest: IngestHarness;
  let api: NestFastifyApplication;
  let token: string;

  beforeAll(async () => {
    // Default caching: metrics a reader saw before scoring are dropped when the run bumps the version.
    stack = await startStack({ rescoreDelayMs: 100 });
    ({ ingest, api, token } = stack);
  });

  afterAll(() => stack.close());

  async function read(query: string): Promise<{ status: number; body: AccountBody }> {
    const response = await api.inject({
      method: 'GET',
      url: `/v1/accounts?workspace_id=${ingest.workspaceId}&${query}`,
      headers: { authorization: `Bearer ${token}` },
    });
    return { status: response.statusCode, body: response.json<AccountBody>() };
  }

  it('serves exact counts and finds the account by tracking_id, domain, name and a trait', async () => {
    const analytics = new Analytics({ writeKey: ingest.apiKey, host: ingest.url, flushInterval: 20, maxRetries: 3 });
    analytics.identify({ userId: 'e2e-ann', traits: { email: 'ann@e2e.io' } });
    analytics.identify({ userId: 'e2e-bob', traits: { email: 'bob@e2e.io' } });
    for (const userId of ['e2e-ann', 'e2e-bob']) {
      analytics.group({ userId, groupId: 'e2e-acct', traits: { name: 'E2E Corp', domain: 'e2e.io', plan: 'e2e-trial' } });
    }
    for (let i = 0; i < 7; i += 1) analytics.track({ userId: 'e2e-ann', event: 'Report Created', properties: { i } });
    for (let i = 0; i < 5; i += 1) analytics.track({ userId: 'e2e-bob', event: 'Dashboard Viewed' });
    analytics.page({ userId: 'e2e-bob', name: 'Pricing' });
    await analytics.closeAndFlush({ timeout: 10_000 });

    let account: AccountBody | undefined;
    for (let attempt = 0; attempt < 100; attempt += 1) {
      const response = await read('match_type=tracking_id&match_value=e2e-acct');
      if (response.status === 200 && response.body.metrics.overall_scored_events === 13) {
        account = response.body;
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(account).toBeDefined();
    expect(account).toMatchObject({ name: 'E2E Corp', domain: 'e2e.io', tracking_id: 'e2e-acct' });
    expect(account!.metrics).toMatchObject({
      overall_scored_events: 13,
      recently_scored_events: 13,
      scoring_profile_events: 13,
      raw_score: 13,
      active_users: 2,
      total_people_count: 2,
    });
    for (const query of [
      'match_type=domain&match_value=e2e.io',
      'match_type=name&match_value=E2E%20Corp',
      'match_type=plan&match_value=e2e-trial',
    ]) {
      const found = await read(query);
      expect(found.status).toBe(200);
      expect(found.body.id).toBe(account!.id);
    }
  });
});

import type { Pool } from 'pg';
import request from 'supertest';
import { createPgPool } from '@coil/database';
import type { IngestHarness } from '../support/ingest-harness';
import { startStack, type Stack } from '../support/stack';

// $set, $setOnce and $unset from Amplitude's Identify and Group Identify APIs (and the HTTP API's
// $identify) through ingest -> queue -> worker roll-up -> the stored traits of users and accounts.
describe('end to end: Amplitude trait operations -> stored traits', () => {
  let stack: Stack;
  let ingest: IngestHarness;
  let pool: Pool;
  let sentEvents = 0;

  beforeAll(async () => {
    stack = await startStack();
    ingest = stack.ingest;
    pool = createPgPool(ingest.config.databaseUrl, { max: 1 });
  });

  afterAll(async () => {
    await pool.end();
    await stack.close();
  });

  /** Posts one form and waits until the worker has rolled up every event sent so far (duplicates included). */
  async function send(path: '/identify' | '/groupidentify', identification: unknown): Promise<void> {
    const form = new URLSearchParams({ api_key: ingest.apiKey, identification: JSON.stringify(identification) });
    const response = await request(ingest.url).post(path).type('form').send(form.toString());
    expect(response.status).toBe(200);
    sentEvents += response.body.events_ingested as number;
    await rolledUp();
  }

  async function rolledUp(): Promise<void> {
    for (let attempt = 0; attempt < 150; attempt += 1) {
      const { rows } = await pool.query<{ events: number }>(
        'SELECT COALESCE(SUM(event_count), 0)::int AS events FROM processed_batches WHERE workspace_id = $1::bigint',
        [ingest.workspaceId],
      );
      if (rows[0].events >= sentEvents) return;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`the worker did not roll up ${sentEvents} events`);
  }

  async function traitsOf(table: 'users' | 'accounts', key: string): Promise<Record<string, unknown>> {
    const column = table === 'users' ? 'external_id' : 'tracking_id';
    const { rows } = await pool.query<{ traits: Record<string, unknown> }>(
      `SELECT traits FROM ${table} WHERE workspace_id = $1::bigint AND ${column} = $2`,
      [ingest.workspaceId, key],
    );
    return rows[0].traits;
  }

  it('user traits: $setOnce keeps the first value, $set overwrites, $unset removes, a duplicate changes nothing', async () => {
    await send('/identify', {
      user_id: 'amp-ann',
      insert_id: 'amp-1',
      user_properties: { $set: { plan: 'pro', legacy: 'x' }, $setOnce: { first_plan: 'trial' }, $add: { logins: 1 } },
    });
    expect(await traitsOf('users', 'amp-ann')).toEqual({ plan: 'pro', legacy: 'x', first_plan: 'trial' });

    await send('/identify', {
      user_id: 'amp-ann',
      insert_id: 'amp-2',
      user_properties: { $set: { plan: 'team' }, $setOnce: { first_plan: 'enterprise', source: 'ads' }, $unset: { legacy: '-' } },
    });
    expect(await traitsOf('users', 'amp-ann')).toEqual({ plan: 'team', first_plan: 'trial', source: 'ads' });

    // The same insert_id within 24 h, through another route: counted once, so this $set never lands.
    const duplicate = {
      api_key: ingest.apiKey,
      events: [{ event_type: '$identify', user_id: 'amp-ann', insert_id: 'amp-2', user_properties: { $set: { plan: 'DUPLICATE' } } }],
    };
    const response = await request(ingest.url).post('/2/httpapi').send(duplicate);
    expect(response.status).toBe(200);
    sentEvents += 1;
    await rolledUp();
    expect(await traitsOf('users', 'amp-ann')).toEqual({ plan: 'team', first_plan: 'trial', source: 'ads' });
  });

  it('account traits from group_value: the same operations, group_type kept', async () => {
    await send('/groupidentify', [
      {
        group_type: 'org',
        group_value: 'amp-acme',
        group_properties: { $set: { name: 'Acme', tier: 'gold' }, $setOnce: { signed_up: '2026-01-01' } },
      },
    ]);
    expect(await traitsOf('accounts', 'amp-acme')).toEqual({ name: 'Acme', tier: 'gold', signed_up: '2026-01-01', group_type: 'org' });

    await send('/groupidentify', {
      group_type: 'org',
      group_value: 'amp-acme',
      group_properties: { $setOnce: { signed_up: '2027-05-05', region: 'eu' }, $unset: ['tier'], $append: { tags: 'x' } },
    });
    expect(await traitsOf('accounts', 'amp-acme')).toEqual({ name: 'Acme', signed_up: '2026-01-01', region: 'eu', group_type: 'org' });
    const { rows } = await pool.query<{ name: string }>('SELECT name FROM accounts WHERE workspace_id = $1::bigint AND tracking_id = $2', [
      ingest.workspaceId,
      'amp-acme',
    ]);
    expect(rows[0].name).toBe('Acme');
  });
});

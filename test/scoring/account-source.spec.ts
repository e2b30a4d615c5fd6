import { randomUUID } from 'node:crypto';
import type { IngestEvent, Traits } from '@coil/domain';
import { createBatchRollup, type BatchRollup } from '@coil/rollup';
import { createAccountSourceSync, createScoringRunner, type ScoringRunner } from '@coil/scoring-pass';
import { createSettings, type Settings } from '@coil/settings';
import { parseJson, runCli } from '../support/cli';
import { ingestEvent, track } from '../worker/support/event-factory';
import { ScoringFixture } from './support/scoring-fixture';

interface MembershipRow {
  account: string;
  user: string;
  source: string;
}

/**
 * Accounts from a user trait (parity.md, "Accounts without group calls"), end to end on the real
 * database: events rolled up as the worker does, the setting made by the CLI, scores by the runner.
 */
describe('accounts from a user trait', () => {
  const fixture = new ScoringFixture();
  const { pool } = fixture;
  const rollup: BatchRollup = createBatchRollup(pool, { send: async () => undefined });
  const runner: ScoringRunner = createScoringRunner(pool);
  const settings: Settings = createSettings(pool);
  let workspaceId: string;
  // Trait updates apply newest first, so each call gets a later time than the one before.
  let clock = Date.now() - 60 * 60 * 1000;
  const later = (): string => new Date((clock += 1000)).toISOString();

  const apply = (events: IngestEvent[]) => rollup.rollupJob(randomUUID(), { workspaceId, events });
  const identify = (userId: string, traits: Traits) => ingestEvent({ type: 'identify', userId, traits, timestamp: later() });
  const group = (userId: string, groupId: string, traits: Traits = {}) =>
    ingestEvent({ type: 'group', userId, groupId, traits, timestamp: later() });
  const score = () => runner.scoreWorkspace(workspaceId, new Date());

  async function memberships(): Promise<MembershipRow[]> {
    const result = await pool.query<MembershipRow>(
      `SELECT a.tracking_id AS account, u.external_id AS user, m.source
       FROM memberships m
       JOIN accounts a ON a.workspace_id = m.workspace_id AND a.id = m.account_id
       JOIN users u ON u.workspace_id = m.workspace_id AND u.id = m.user_id
       WHERE m.workspace_id = $1 ORDER BY 1, 2`,
      [workspaceId],
    );
    return result.rows;
  }

  async function scoreOf(trackingId: string): Promise<{ raw_score: number; active_users: number; total_people_count: number }> {
    const result = await pool.query<{ raw_score: number; active_users: number; total_people_count: number }>(
      `SELECT s.raw_score, s.active_users, s.total_people_count FROM account_scores s
       JOIN accounts a ON a.workspace_id = s.workspace_id AND a.id = s.account_id
       WHERE s.workspace_id = $1 AND a.tracking_id = $2`,
      [workspaceId, trackingId],
    );
    return result.rows[0];
  }

  async function names(): Promise<Record<string, string | null>> {
    const result = await pool.query<{ tracking_id: string; name: string | null }>(
      'SELECT tracking_id, name FROM accounts WHERE workspace_id = $1',
      [workspaceId],
    );
    return Object.fromEntries(result.rows.map((row) => [row.tracking_id, row.name]));
  }

  beforeAll(async () => {
    workspaceId = await fixture.workspace('account source spec');
    await fixture.user(workspaceId, 'anonymous-with-trait', { identified: false, traits: { company_id: 'acme' } });
    const now = new Date().toISOString();
    await apply([
      identify('u1', { company_id: 'acme', company_name: 'Acme Inc' }),
      identify('u2', { company_id: 'acme' }),
      identify('u3', { company_id: 42 }),
      identify('u4', { company_id: '  ' }),
      identify('u5', { company_id: { nested: 'x' } }),
      identify('u6', { company_id: 'acme' }),
      group('u6', 'globex'),
      track('u1', 'Report_Created', now),
      track('u1', 'Report_Created', now),
      track('u2', 'Login', now),
      track('u6', 'Login', now),
    ]);
  });

  afterAll(() => fixture.close());

  it('makes accounts of the trait values and members of their users, at once and on every run', async () => {
    const applied = parseJson<Record<string, unknown>>(
      await runCli(['account', 'source', '--workspace', workspaceId, '--user-trait', 'company_id', '--json']),
    );

    expect(applied).toMatchObject({ source: 'user_trait', user_trait: 'company_id' });
    // acme and 42; blank and nested values make nothing, nor does a user who is not identified.
    expect(applied.sync).toEqual({ accounts_created: 2, memberships_added: 3, memberships_removed: 0, names_updated: 0 });
    expect(await memberships()).toEqual([
      { account: '42', user: 'u3', source: 'trait' },
      { account: 'acme', user: 'u1', source: 'trait' },
      { account: 'acme', user: 'u2', source: 'trait' },
      // Group calls win: u6 says company_id acme but was put in globex by a group call.
      { account: 'globex', user: 'u6', source: 'group' },
    ]);

    await score();
    // Two Report_Created of u1 and one Login of u2, every event weighing 1; u6's Login is globex's.
    expect(await scoreOf('acme')).toEqual({ raw_score: 3, active_users: 2, total_people_count: 2 });
    expect(await scoreOf('globex')).toMatchObject({ raw_score: 1, total_people_count: 1 });
  });

  it('changes nothing when run again on unchanged data', async () => {
    expect(await createAccountSourceSync(pool).sync(workspaceId)).toEqual({
      accounts_created: 0,
      memberships_added: 0,
      memberships_removed: 0,
      names_updated: 0,
    });
  });

  it('moves a user whose trait changed and drops one whose trait went, on the next run', async () => {
    await apply([identify('u2', { company_id: 'beta' }), identify('u3', { company_id: null })]);
    await score();

    expect(await memberships()).toEqual([
      { account: 'acme', user: 'u1', source: 'trait' },
      { account: 'beta', user: 'u2', source: 'trait' },
      { account: 'globex', user: 'u6', source: 'group' },
    ]);
    expect(await scoreOf('beta')).toMatchObject({ raw_score: 1, active_users: 1 });
    expect(await scoreOf('acme')).toMatchObject({ raw_score: 2, active_users: 1 });
  });

  it('keeps a user only in the group account once a group call names one', async () => {
    await apply([group('u1', 'initech')]);
    await score();
    expect((await memberships()).filter((row) => row.user === 'u1')).toEqual([{ account: 'initech', user: 'u1', source: 'group' }]);
  });

  it('turns a trait membership into a group one when a group call states it', async () => {
    await apply([group('u2', 'beta')]);
    expect((await memberships()).filter((row) => row.user === 'u2')).toEqual([{ account: 'beta', user: 'u2', source: 'group' }]);
    // The trait now says acme, but a group call placed u2 in beta: the trait no longer decides.
    await apply([identify('u2', { company_id: 'acme' })]);
    await score();
    expect((await memberships()).filter((row) => row.user === 'u2')).toEqual([{ account: 'beta', user: 'u2', source: 'group' }]);
  });

  it('names accounts from the name trait: the account trait first, else its trait users', async () => {
    await apply([identify('u7', { company_id: 'hooli', company_name: 'Hooli' }), group('u8', 'globex', { company_name: 'Globex Corp' })]);
    await settings.accounts.setTraits(workspaceId, { nameTrait: 'company_name' });
    await score();
    expect(await names()).toMatchObject({ hooli: 'Hooli', globex: 'Globex Corp' });
    const result = await pool.query('SELECT 1 FROM accounts WHERE workspace_id = $1 AND name = $2', [workspaceId, 'Hooli']);
    expect(result.rowCount).toBe(1);
  });

  it('keeps a trait membership a trait membership when an alias merges its user into another', async () => {
    await settings.accounts.setSource(workspaceId, { userTrait: 'company_id' });
    await apply([identify('old-id', { company_id: 'umbrella' }), track('new-id', 'Login', new Date().toISOString())]);
    await createAccountSourceSync(pool).sync(workspaceId);
    await apply([ingestEvent({ type: 'alias', previousId: 'old-id', userId: 'new-id', timestamp: later() })]);
    expect((await memberships()).filter((row) => row.account === 'umbrella')).toEqual([
      { account: 'umbrella', user: 'new-id', source: 'trait' },
    ]);
  });

  it('removes every trait membership when accounts go back to group calls only', async () => {
    await settings.accounts.setSource(workspaceId, { groupCalls: true });
    await score();
    const rows = await memberships();
    expect(rows.filter((row) => row.source === 'trait')).toEqual([]);
    expect(rows).toEqual([
      { account: 'beta', user: 'u2', source: 'group' },
      { account: 'globex', user: 'u6', source: 'group' },
      { account: 'globex', user: 'u8', source: 'group' },
      { account: 'initech', user: 'u1', source: 'group' },
    ]);
  });
});

import { parseJson, runCli } from '../support/cli';
import { ScoringFixture } from '../scoring/support/scoring-fixture';

describe('CLI: account source, traits, settings', () => {
  const fixture = new ScoringFixture();
  let workspaceId: string;

  beforeAll(async () => {
    workspaceId = await fixture.workspace('account CLI');
    await fixture.user(workspaceId, 'u1', { traits: { company_id: 'acme', company_name: 'Acme Inc' } });
  });

  afterAll(() => fixture.close());

  it('makes accounts from a user trait at once', async () => {
    expect(parseJson(await runCli(['account', 'source', '--workspace', workspaceId, '--user-trait', 'company_id', '--json']))).toEqual({
      workspace_id: workspaceId,
      source: 'user_trait',
      user_trait: 'company_id',
      name_trait: null,
      created_at_trait: null,
      sync: { accounts_created: 1, memberships_added: 1, memberships_removed: 0, names_updated: 0 },
    });
  });

  it('sets the name and created-at traits, naming the account at once', async () => {
    const args = [
      'account',
      'traits',
      '--workspace',
      workspaceId,
      '--name-trait',
      'company_name',
      '--created-at-trait',
      'signup',
      '--json',
    ];
    const traits = parseJson(await runCli(args));
    expect(traits).toMatchObject({ name_trait: 'company_name', created_at_trait: 'signup', sync: { names_updated: 1 } });
    const named = await fixture.pool.query('SELECT name FROM accounts WHERE workspace_id = $1 AND tracking_id = $2', [workspaceId, 'acme']);
    expect(named.rows).toEqual([{ name: 'Acme Inc' }]);
  });

  it('clears one trait and shows the settings as prose', async () => {
    const [cleared, shown] = await Promise.all([
      runCli(['account', 'traits', '--workspace', workspaceId, '--clear-created-at-trait', '--json']),
      runCli(['account', 'settings', '--workspace', workspaceId]),
    ]);
    expect(parseJson(cleared)).toMatchObject({ name_trait: 'company_name', created_at_trait: null });
    expect(shown.stdout).toContain(`Accounts of workspace ${workspaceId} come from group calls, and the user trait "company_id"`);
  });

  it('goes back to group calls, removing the trait memberships', async () => {
    expect(parseJson(await runCli(['account', 'source', '--workspace', workspaceId, '--group-calls', '--json']))).toMatchObject({
      source: 'group_calls',
      user_trait: null,
      sync: { memberships_removed: 1 },
    });
    expect(parseJson(await runCli(['account', 'settings', '--workspace', workspaceId, '--json']))).toEqual({
      workspace_id: workspaceId,
      source: 'group_calls',
      user_trait: null,
      name_trait: 'company_name',
      created_at_trait: null,
    });
  });

  it('answers a missing workspace with a JSON not_found', async () => {
    const run = await runCli(['account', 'settings', '--workspace', '8999999999999999999', '--json']);
    expect(run.code).not.toBe(0);
    expect(JSON.parse(run.stderr)).toMatchObject({ error: { code: 'not_found' } });
  });

  it.each([
    ['source without --user-trait or --group-calls', ['account', 'source', '--workspace', '1']],
    ['source with both', ['account', 'source', '--workspace', '1', '--user-trait', 'c', '--group-calls']],
    ['a blank user trait', ['account', 'source', '--workspace', '1', '--user-trait', ' ']],
    ['a trait key with a control character', ['account', 'traits', '--workspace', '1', '--name-trait', 'a\u0007b']],
    ['traits without a trait', ['account', 'traits', '--workspace', '1']],
    ['setting and clearing the name trait', ['account', 'traits', '--workspace', '1', '--name-trait', 'n', '--clear-name-trait']],
  ])('prints usage and exits non-zero on %s', async (_, args) => {
    const run = await runCli(args);
    expect(run.code).not.toBe(0);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/Usage: coil account/);
  });
});

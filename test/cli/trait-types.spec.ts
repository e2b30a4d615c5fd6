import { createPgPool } from '@coil/database';
import { createWorkspaceAdmin } from '@coil/workspaces';
import { parseJson, runCli, type CliRun } from '../support/cli';

describe('CLI: trait type set|list, trait types check', () => {
  const pool = createPgPool(process.env.DATABASE_URL!, { max: 1 });
  let workspace: string;

  beforeAll(async () => {
    workspace = (await createWorkspaceAdmin(pool).createWorkspace('trait types')).workspace_id;
    await pool.query(
      `INSERT INTO accounts (workspace_id, tracking_id, traits)
       SELECT $1, 'acct-' || n, jsonb_build_object('mrr', v, 'trial_end', t)
       FROM (VALUES (1, '"1000"'::jsonb, '"2025-09-21"'::jsonb), (2, '1000', '1758441600'), (3, '"abc"', '"next week"'),
                    (4, '"abc"', 'null'), (5, '"1,000"', '"2025-02-30"')) AS rows(n, v, t)`,
      [workspace],
    );
    await pool.query(
      `INSERT INTO users (workspace_id, external_id, traits)
       VALUES ($1, 'u1', '{"mrr": "12"}'), ($1, 'u2', '{"mrr": true}'), ($1, 'u3', '{"usage": "45%"}')`,
      [workspace],
    );
  });

  afterAll(() => pool.end());

  // Each run starts a TypeScript process: the runs of a step go in parallel.
  it('sets and lists types, and reports the values that do not parse', async () => {
    const [json, text, string] = await Promise.all([
      runCli(['trait', 'type', 'set', '--workspace', workspace, '--key', 'mrr', '--type', 'number', '--json']),
      runCli(['trait', 'type', 'set', '--workspace', workspace, '--key', 'trial_end', '--type', 'date']),
      runCli(['trait', 'type', 'set', '--workspace', workspace, '--key', 'usage', '--type', 'string', '--json']),
    ]);
    expect(parseJson(json)).toEqual({ workspace_id: workspace, key: 'mrr', type: 'number' });
    expect(text).toMatchObject({ code: 0, stdout: `Trait "trial_end" of workspace ${workspace} is compared as date.\n` });
    expect(parseJson(string)).toEqual({ workspace_id: workspace, key: 'usage', type: 'string' });

    const [list, check, prose] = await Promise.all([
      runCli(['trait', 'type', 'list', '--workspace', workspace, '--json']),
      runCli(['trait', 'types', 'check', '--workspace', workspace, '--json']),
      runCli(['trait', 'types', 'check', '--workspace', workspace]),
    ]);
    // string is the default: setting it stores nothing.
    expect(parseJson(list)).toEqual([
      { key: 'mrr', type: 'number' },
      { key: 'trial_end', type: 'date' },
    ]);
    expect(parseJson(check)).toEqual({
      workspace_id: workspace,
      typed_keys: 2,
      problems: [
        { key: 'mrr', type: 'number', subject: 'account', count: 3, samples: ['abc', '1,000'] },
        { key: 'mrr', type: 'number', subject: 'user', count: 1, samples: [true] },
        { key: 'trial_end', type: 'date', subject: 'account', count: 2, samples: ['2025-02-30', 'next week'] },
      ],
    });
    expect(prose.code).toBe(0);
    expect(prose.stdout).toContain('mrr (number): 3 account(s) with values that do not parse, e.g. "abc", "1,000"');
  }, 180_000);

  it('answers an unknown type with invalid_parameter listing the types, and bad keys and workspaces with errors', async () => {
    const set = (key: string, type: string): Promise<CliRun> =>
      runCli(['trait', 'type', 'set', '--workspace', workspace, '--key', key, '--type', type, '--json']);
    const [unknown, empty, long, missing, usage] = await Promise.all([
      set('mrr', 'integer'),
      set('', 'number'),
      set('k'.repeat(201), 'number'),
      runCli(['trait', 'types', 'check', '--workspace', '8999999999999999999', '--json']),
      runCli(['trait', 'type', 'set', '--workspace', workspace, '--key', 'mrr']),
    ]);
    expect(unknown.code).not.toBe(0);
    expect(JSON.parse(unknown.stderr)).toEqual({
      error: {
        status: 'bad_request',
        code: 'invalid_parameter',
        message: 'unknown trait type "integer": use one of string, number, date, percentage',
        details: { parameter: 'type', available: ['string', 'number', 'date', 'percentage'] },
      },
    });
    for (const bad of [empty, long]) {
      expect(bad.code).not.toBe(0);
      expect(JSON.parse(bad.stderr)).toMatchObject({
        error: { code: 'invalid_parameter', message: 'trait key must be 1 to 200 characters' },
      });
    }
    expect(missing.code).not.toBe(0);
    expect(JSON.parse(missing.stderr)).toMatchObject({ error: { code: 'not_found' } });
    expect(usage.code).not.toBe(0);
    expect(usage.stderr).toMatch(/Usage: coil trait type set/);
  }, 180_000);
});

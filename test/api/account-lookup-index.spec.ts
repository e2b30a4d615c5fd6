// Every lookup kind of /v1/accounts and /v1/users is served by an index (operations.md: read
// API uncached on 100,000 accounts, trait lookups included): the statements the repositories
// issue are explained on a few thousand rows, and trait lookups keep the meaning of
// `traits->>key = value` for strings, numbers, booleans and odd keys.
import type { Pool } from 'pg';
import { createPgPool, type SqlClient } from '@coil/database';
import { AccountLookupRepository, UserLookupRepository, type Lookup, type ResolvedProfile } from '@coil/accounts';
import { startApi, type ApiHarness } from './api-harness';

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Name'?: string;
  Plans?: PlanNode[];
}

const SEEDED = 3000;
const ODD_KEY = 'crm.id:v-2';

let api: ApiHarness;
let pool: Pool;
let workspaceId: string;
const profile: ResolvedProfile = { id: null, name: 'default', windowDays: 30 };

/** A SqlClient that explains what it is asked to run: the rows are then the plan. */
function explaining(db: Pool): SqlClient {
  return { query: (text, values) => db.query(`EXPLAIN (FORMAT JSON) ${text}`, values) };
}

function nodes(plan: PlanNode): PlanNode[] {
  return [plan, ...(plan.Plans ?? []).flatMap(nodes)];
}

/** The scans of the plan: each a node type with its table or index. */
function scans(rows: unknown[]): string[] {
  const [
    {
      'QUERY PLAN': [root],
    },
  ] = rows as [{ 'QUERY PLAN': [{ Plan: PlanNode }] }];
  return nodes(root.Plan)
    .filter((node) => node['Node Type'].includes('Scan'))
    .map((node) => `${node['Node Type']} ${node['Index Name'] ?? node['Relation Name']}`);
}

async function accountPlans(lookup: Lookup): Promise<string[][]> {
  const repository = new AccountLookupRepository(explaining(pool));
  return [scans(await repository.find(workspaceId, profile, lookup)), scans(await repository.findIds(workspaceId, lookup))];
}

async function userPlans(lookup: Lookup): Promise<string[][]> {
  const repository = new UserLookupRepository(explaining(pool));
  return [scans(await repository.find(workspaceId, profile, lookup)), scans(await repository.findIds(workspaceId, lookup))];
}

const match = (field: string, value: string): Lookup => ({ kind: 'match', field, value });

beforeAll(async () => {
  api = await startApi();
  workspaceId = api.workspace.workspace_id;
  pool = createPgPool(process.env.DATABASE_URL as string, { max: 1 });
  await pool.query(
    `INSERT INTO accounts (workspace_id, tracking_id, name, domain, traits)
     SELECT $1, 'acct-' || i, 'Account ' || i, 'a' || i || '.example',
            jsonb_build_object('intercom_id', 'ic-' || i, 'seats', i, 'vip', i = 7, $2::text, 'x-' || i, 'plan', 'free')
     FROM generate_series(1, $3::int) AS i`,
    [workspaceId, ODD_KEY, SEEDED],
  );
  await pool.query(
    `INSERT INTO users (workspace_id, external_id, traits)
     SELECT $1, 'user-' || i, jsonb_build_object('email', 'u' || i || '@example.com', 'age', i) FROM generate_series(1, $2::int) AS i`,
    [workspaceId, SEEDED],
  );
  await pool.query('ANALYZE accounts, users');
});

afterAll(async () => {
  await pool.end();
  await api.close();
});

describe('account lookups are served by an index', () => {
  it.each<[string, Lookup, string]>([
    ['id', { kind: 'id', id: '1' }, 'accounts_pkey'],
    ['tracking_id', match('tracking_id', 'acct-12'), 'accounts_workspace_id_tracking_id_key'],
    ['domain', match('domain', 'a12.example'), 'accounts_workspace_id_domain_idx'],
    ['name', match('name', 'Account 12'), 'accounts_workspace_id_name_idx'],
    ['a text trait', match('intercom_id', 'ic-12'), 'accounts_traits_idx'],
    ['a number trait', match('seats', '12'), 'accounts_traits_idx'],
    ['a boolean trait', match('vip', 'true'), 'accounts_traits_idx'],
    ['a trait of an odd key', match(ODD_KEY, 'x-12'), 'accounts_traits_idx'],
    ['a trait no account has', match('salesforce_id', 'sf-1'), 'accounts_traits_idx'],
  ])('by %s', async (_kind, lookup, index) => {
    for (const plan of await accountPlans(lookup)) {
      const onAccounts = plan.filter((scan) => scan.includes('accounts'));
      expect(onAccounts).not.toContainEqual(expect.stringMatching(/^Seq Scan/));
      expect(onAccounts).toContainEqual(expect.stringContaining(index));
    }
  });
});

describe('user lookups by trait are served by an index', () => {
  it.each([
    ['email', 'u12@example.com'],
    ['age', '12'],
  ])('by %s', async (field, value) => {
    for (const plan of await userPlans(match(field, value))) {
      const onUsers = plan.filter((scan) => scan.includes('users'));
      expect(onUsers).not.toContainEqual(expect.stringMatching(/^Seq Scan/));
      expect(onUsers).toContainEqual(expect.stringContaining('users_traits_idx'));
    }
  });
});

describe('a lookup by trait means traits->>key = value', () => {
  let typed: string;
  let text: string;

  beforeAll(async () => {
    const insert = (trackingId: string, traits: string) =>
      pool.query<{ id: string }>(
        `INSERT INTO accounts (workspace_id, tracking_id, traits) VALUES ($1, $2, $3::jsonb) RETURNING id::text AS id`,
        [workspaceId, trackingId, traits],
      );
    [{ id: typed }] = (
      await insert(
        'typed',
        `{"mrr": 1.50, "employees": -40, "active": false, "${ODD_KEY}": "quote \\" and é", "address": {"city": "Paris"}, "gone": null}`,
      )
    ).rows;
    [{ id: text }] = (await insert('text', '{"mrr": "1.5", "employees": "-40", "active": "False", "code": "007"}')).rows;
  });

  const lookUp = (field: string, value: string) =>
    api.get(`/v1/accounts?workspace_id=${workspaceId}&match_type=${encodeURIComponent(field)}&match_value=${encodeURIComponent(value)}`);

  it.each([
    ['a number by its printed text, scale included', 'mrr', '1.50', () => typed],
    ['a string whose number would be equal is another text', 'mrr', '1.5', () => text],
    ['a boolean', 'active', 'false', () => typed],
    ['a string only by its exact case', 'active', 'False', () => text],
    ['a string that is no JSON number', 'code', '007', () => text],
    ['a key with dots, colons and dashes; a value with quotes and accents', ODD_KEY, 'quote " and é', () => typed],
    ['an object by its printed text', 'address', '{"city": "Paris"}', () => typed],
  ])('%s', async (_what, field, value, expected) => {
    const response = await lookUp(field, value);
    expect(response.status).toBe(200);
    expect(response.body.id).toBe(expected());
  });

  it('a number and a string of the same text both match: 409 listing both', async () => {
    const response = await lookUp('employees', '-40');
    expect(response.status).toBe(409);
    expect(response.body).toMatchObject({ error: { code: 'ambiguous_match', details: { candidate_ids: [typed, text] } } });
  });

  it.each([
    ['a JSON null matches no text', 'gone', 'null'],
    ['a number is not matched by another spelling of it', 'mrr', '1.500'],
    ['a boolean is not matched by another case', 'active', 'FALSE'],
  ])('%s', async (_what, field, value) => {
    expect((await lookUp(field, value)).status).toBe(404);
  });

  it('users: a number trait by its text, a string trait exactly', async () => {
    const users = (field: string, value: string) =>
      api.get(`/v1/users?workspace_id=${workspaceId}&match_type=${field}&match_value=${encodeURIComponent(value)}`);
    const [byAge, byEmail] = [await users('age', '12'), await users('email', 'u12@example.com')];
    expect(byAge.status).toBe(200);
    expect(byAge.body.id).toBe(byEmail.body.id);
    expect(byAge.body).toMatchObject({ email: 'u12@example.com' });
    expect((await users('email', 'U12@example.com')).status).toBe(404);
  });
});

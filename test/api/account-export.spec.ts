import { startApi, type ApiHarness } from './api-harness';
import { Seed } from './seed';

const HEADER =
  'id,name,domain,tracking_id,engagement_score,engagement_score_change,trend,active_users,total_people_count,last_seen,segments';

let api: ApiHarness;
let ids: Record<string, string>;
let atRisk: string;
/** More accounts than the 1,000-row page the export reads at a time. */
const BULK = 2_500;

beforeAll(async () => {
  api = await startApi({ now: () => new Date('2025-09-21T12:00:00Z') });
  const seed = new Seed(api.prisma, api.workspace.workspace_id);
  const profile = await seed.defaultProfile();
  ids = {
    quoted: await seed.account({ trackingId: 'x-quoted', name: 'Smith, "Jones"\nand Co', domain: 'smith.com' }),
    formula: await seed.account({ trackingId: '=cmd|calc', name: '=HYPERLINK("x")', domain: '@evil.com' }),
    plain: await seed.account({ trackingId: 'x-plain', name: 'Plain' }),
  };
  await seed.score(profile, ids.quoted, '2025-09-21', { engagementScore: 80, change: 12, activeUsers: 2, totalPeople: 3 });
  await seed.score(profile, ids.formula, '2025-09-21', { engagementScore: 70, change: -12.5, activeUsers: 1, totalPeople: 1 });
  atRisk = await seed.segment('At risk', ids.quoted, '2025-09-01T00:00:00Z');
  await seed.segment('+Tabs', ids.quoted, '2025-09-02T00:00:00Z');
  await seed.segment('At risk', ids.formula, '2025-09-01T00:00:00Z', '2025-09-03T00:00:00Z');
  // Bulk accounts, unscored, named so that sort=name puts them after the three above.
  await api.prisma.$executeRawUnsafe(
    `INSERT INTO accounts (workspace_id, tracking_id, name) SELECT $1::bigint, 'bulk-' || i, 'zz bulk ' || lpad(i::text, 5, '0') FROM generate_series(1, ${BULK}) i`,
    api.workspace.workspace_id,
  );
});
afterAll(() => api.close());

function exportPath(query = ''): string {
  return `/v1/accounts/export.csv?workspace_id=${api.workspace.workspace_id}${query}`;
}

async function download(query = ''): Promise<{ status: number; headers: Record<string, unknown>; text: string }> {
  const response = await api.app.inject({
    method: 'GET',
    url: exportPath(query),
    headers: { authorization: `Bearer ${api.workspace.api_token}` },
  });
  return { status: response.statusCode, headers: response.headers, text: response.body };
}

describe('GET /v1/accounts/export.csv', () => {
  it('streams an attachment: header row, CRLF lines, RFC 4180 quoting, formula guard, segments by name', async () => {
    const csv = await download('&sort=engagement_score&order=desc&q=o');

    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.headers['content-disposition']).toBe(`attachment; filename="accounts-${api.workspace.workspace_id}-2025-09-21.csv"`);
    expect(csv.text).toBe(
      `${HEADER}\r\n` +
        `${ids.quoted},"Smith, ""Jones""\nand Co",smith.com,x-quoted,80,12,hot,2,3,2025-09-21,'+Tabs; At risk\r\n` +
        `${ids.formula},"'=HYPERLINK(""x"")",'@evil.com,'=cmd|calc,70,-12.5,cold,1,1,2025-09-21,\r\n`,
    );
  });

  it('exports every account of the listing past one page, in the sort asked', async () => {
    const csv = await download('&sort=name&order=asc');

    const lines = csv.text.split('\r\n');
    expect(lines.pop()).toBe('');
    expect(lines[0]).toBe(HEADER);
    // The quoted name's LF is inside its record, not a line end.
    expect(lines).toHaveLength(1 + 3 + BULK);
    expect(lines[1]).toBe(`${ids.formula},"'=HYPERLINK(""x"")",'@evil.com,'=cmd|calc,70,-12.5,cold,1,1,2025-09-21,`);
    expect(lines[2]).toBe(`${ids.plain},Plain,,x-plain,0,,steady,0,0,,`);
    const bulkNames = lines.slice(4).map((line) => line.split(',')[1]);
    expect(bulkNames).toEqual(Array.from({ length: BULK }, (_, index) => `zz bulk ${String(index + 1).padStart(5, '0')}`));
  });

  it('filters by segment and q together', async () => {
    const csv = await download(`&segment=${atRisk}&q=SMITH`);
    expect(csv.text.split('\r\n').map((line) => line.split(',')[0])).toEqual(['id', ids.quoted, '']);
    expect((await download(`&segment=${atRisk}&q=plain`)).text).toBe(`${HEADER}\r\n`);
  });

  it('answers a bad parameter, an unknown segment or profile, or a bad token with the JSON error before any CSV', async () => {
    for (const [query, status, code] of [
      ['&sort=owner_name', 400, 'invalid_parameter'],
      ['&q=', 400, 'invalid_parameter'],
      ['&segment=999999', 404, 'not_found'],
      ['&profile=nope', 400, 'invalid_parameter'],
    ] as const) {
      const response = await download(query);
      expect(response.status).toBe(status);
      expect(response.headers['content-type']).toMatch(/^application\/json/);
      expect(JSON.parse(response.text)).toMatchObject({ error: { code } });
    }
    expect((await api.get(exportPath(), null)).status).toBe(401);
    const other = await api.admin.createWorkspace('export-other');
    expect((await api.get(exportPath(), other.api_token)).status).toBe(404);
  });
});

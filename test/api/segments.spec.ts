import { startApi, type ApiHarness } from './api-harness';
import { Seed } from './seed';

let api: ApiHarness;
const ids: Record<string, string> = {};

/** The API's clock: noon of 2025-09-21, so "today" is that UTC day. */
const NOW = new Date('2025-09-21T12:00:00.000Z');

beforeAll(async () => {
  api = await startApi({ now: () => NOW });
  const seed = new Seed(api.prisma, api.workspace.workspace_id);
  const [a1, a2, a3] = [
    await seed.account({ trackingId: 'seg-1' }),
    await seed.account({ trackingId: 'seg-2' }),
    await seed.account({ trackingId: 'seg-3' }),
  ];
  // Stays around the ends of UTC days: "at the end of day D" is the last instant before D+1 00:00Z.
  ids.atRisk = await seed.segment('At risk', a1, '2025-09-19T23:59:59.999Z'); // in from the end of the 19th on
  await seed.segment('At risk', a2, '2025-09-20T00:00:00.000Z', '2025-09-21T00:00:00.000Z'); // the 20th only
  await seed.segment('At risk', a3, '2025-09-18T10:00:00.000Z', '2025-09-19T23:59:59.999Z'); // the 18th only...
  await seed.segment('At risk', a3, '2025-09-21T08:00:00.000Z'); // ...and again today
  ids.active = await seed.segment('Active', a1, '2025-09-01T00:00:00.000Z');
  const empty = await api.prisma.segment.create({
    data: { workspaceId: BigInt(api.workspace.workspace_id), name: 'Empty', rule: 'engagement_score > 99', builtin: true },
  });
  ids.empty = empty.id.toString();
});
afterAll(() => api.close());

type SegmentsBody = { segments: { id: string; name: string; members: number; history: { day: string; members: number }[] }[] };

const segments = async (query = ''): Promise<SegmentsBody> => {
  const response = await api.get(`/v1/segments?workspace_id=${api.workspace.workspace_id}${query}`);
  expect(response.status).toBe(200);
  return response.body as unknown as SegmentsBody;
};

describe('GET /v1/segments', () => {
  it('lists the segments by name with their members now and at the end of each UTC day', async () => {
    expect(await segments('&days=4')).toEqual({
      segments: [
        {
          id: ids.active,
          name: 'Active',
          rule: 'engagement_score < 30',
          builtin: false,
          members: 1,
          history: ['2025-09-18', '2025-09-19', '2025-09-20', '2025-09-21'].map((day) => ({ day, members: 1 })),
        },
        {
          id: ids.atRisk,
          name: 'At risk',
          rule: 'engagement_score < 30',
          builtin: false,
          members: 2,
          history: [
            { day: '2025-09-18', members: 1 },
            { day: '2025-09-19', members: 1 },
            { day: '2025-09-20', members: 2 },
            { day: '2025-09-21', members: 2 },
          ],
        },
        {
          id: ids.empty,
          name: 'Empty',
          rule: 'engagement_score > 99',
          builtin: true,
          members: 0,
          history: ['2025-09-18', '2025-09-19', '2025-09-20', '2025-09-21'].map((day) => ({ day, members: 0 })),
        },
      ],
    });
  });

  it('covers the last 30 days ending today by default, every day present', async () => {
    for (const segment of (await segments()).segments) {
      expect(segment.history).toHaveLength(30);
      expect(segment.history[0].day).toBe('2025-08-23');
      expect(segment.history[29].day).toBe('2025-09-21');
    }
    const active = (await segments()).segments.find((segment) => segment.id === ids.active);
    // Entered 2025-09-01 00:00Z: in from that day on, not the day before.
    expect(active?.history.filter((point) => point.members === 1).map((point) => point.day)[0]).toBe('2025-09-01');
    expect(active?.history.find((point) => point.day === '2025-08-31')?.members).toBe(0);
  });

  it('shows only the workspace of the token; 404 for another token, 400 for bad days', async () => {
    const other = await api.admin.createWorkspace('segments-other');
    await api.prisma.segment.create({ data: { workspaceId: BigInt(other.workspace_id), name: 'Elsewhere', rule: 'engagement_score > 1' } });
    expect((await segments()).segments.map((segment) => segment.name)).toEqual(['Active', 'At risk', 'Empty']);
    const theirs = await api.get(`/v1/segments?workspace_id=${other.workspace_id}`, other.api_token);
    expect((theirs.body as unknown as SegmentsBody).segments.map((segment) => segment.name)).toEqual(['Elsewhere']);
    expect((await api.get(`/v1/segments?workspace_id=${api.workspace.workspace_id}`, other.api_token)).status).toBe(404);
    for (const days of ['0', '401', 'x']) {
      const response = await api.get(`/v1/segments?workspace_id=${api.workspace.workspace_id}&days=${days}`);
      expect(response.status).toBe(400);
      expect(response.body).toMatchObject({ error: { code: 'invalid_parameter', details: { parameter: 'days' } } });
    }
    expect((await api.get('/v1/segments')).body).toMatchObject({ error: { code: 'missing_workspace_id' } });
    expect((await api.get(`/v1/segments?workspace_id=${api.workspace.workspace_id}`, null)).status).toBe(401);
  });
});

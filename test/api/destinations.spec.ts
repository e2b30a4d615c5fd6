import { startApi, type ApiHarness } from './api-harness';

let api: ApiHarness;
let workspaceId: string;

const SECRETS = [
  'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
  'SlackT0k3nXyZ',
  'seg-write-key-9f8e',
  'pat-na1-hubspot-77',
  'hunter2',
  'qs-token-1',
];

async function destination(values: {
  type: string;
  url: string;
  secret?: string;
  kinds?: string[];
  segments?: string[];
  settings?: object;
  enabled?: boolean;
  disabledReason?: string;
  failingSince?: string;
  workspace?: string;
}): Promise<string> {
  const rows = await api.prisma.$queryRawUnsafe<{ id: string }[]>(
    `INSERT INTO destinations (workspace_id, type, url, kinds, segments, settings, secret, enabled, disabled_reason, disabled_at, failing_since, created_at)
     VALUES ($1::bigint, $2, $3, $4::text[], $5::text[], $6::jsonb, $7, $8, $9, CASE WHEN $8 THEN NULL ELSE now() END, $10::timestamptz, '2025-09-01T09:30:00Z')
     RETURNING id::text AS id`,
    values.workspace ?? workspaceId,
    values.type,
    values.url,
    values.kinds ?? null,
    values.segments ?? null,
    JSON.stringify(values.settings ?? {}),
    values.secret ?? null,
    values.enabled ?? true,
    values.disabledReason ?? null,
    values.failingSince ?? null,
  );
  return rows[0].id;
}

async function deliveries(destinationId: string, statuses: string[]): Promise<void> {
  for (const [n, status] of statuses.entries()) {
    await api.prisma.$executeRawUnsafe(
      `INSERT INTO deliveries (workspace_id, destination_id, signal_id, seq, subject_key, status)
       VALUES ($1::bigint, $2::bigint, $3, $4, 'account:1', $5)`,
      workspaceId,
      destinationId,
      `sig_${destinationId}_${n}`,
      n + 1,
      status,
    );
  }
}

async function attempt(destinationId: string, at: string, outcome: string, statusCode: number | null): Promise<void> {
  await api.prisma.$executeRawUnsafe(
    `INSERT INTO delivery_attempts (workspace_id, destination_id, item, attempt, attempted_at, outcome, status_code, latency_ms, response, error)
     VALUES ($1::bigint, $2::bigint, 'sig_x', 1, $3::timestamptz, $4, $5, 12, $6, $7)`,
    workspaceId,
    destinationId,
    at,
    outcome,
    statusCode,
    `echo ${SECRETS[0]}`,
    `failed with ${SECRETS[1]}`,
  );
}

let ids: Record<'webhook' | 'slack' | 'segment' | 'hubspot', string>;

beforeAll(async () => {
  api = await startApi();
  workspaceId = api.workspace.workspace_id;
  ids = {
    webhook: await destination({
      type: 'webhook',
      url: 'https://admin:hunter2@crm.example.com/hooks?token=qs-token-1',
      secret: SECRETS[0],
    }),
    slack: await destination({
      type: 'slack',
      url: 'https://hooks.slack.com/services/T0123/B0456/SlackT0k3nXyZ',
      secret: 'https://hooks.slack.com/services/T0123/B0456/SlackT0k3nXyZ',
      kinds: ['segment_entered', 'segment_exited'],
      segments: ['At risk'],
      settings: { digest_seconds: 900 },
      enabled: false,
      disabledReason: 'failing for 24 h: HTTP 500',
      failingSince: '2025-09-20T08:00:00Z',
    }),
    segment: await destination({ type: 'segment', url: 'https://api.segment.io', secret: SECRETS[2], settings: { trait_prefix: 'coil' } }),
    hubspot: await destination({ type: 'hubspot', url: 'https://api.hubapi.com', secret: SECRETS[3], settings: { match: 'domain' } }),
  };
  await deliveries(ids.webhook, ['delivered', 'delivered', 'failed']);
  await deliveries(ids.slack, ['pending', 'pending', 'pending', 'delivered']);
  await attempt(ids.webhook, '2025-09-21T10:00:00.000Z', 'retry', 503);
  await attempt(ids.webhook, '2025-09-21T10:00:05.250Z', 'delivered', 204);
  await attempt(ids.slack, '2025-09-21T09:00:00.000Z', 'retry', null);
  const other = await api.admin.createWorkspace('destinations-other');
  await destination({ type: 'webhook', url: 'https://other.example.com/', workspace: other.workspace_id });
});
afterAll(() => api.close());

describe('GET /v1/destinations', () => {
  it("lists the workspace's destinations with their state, last attempt and pending count", async () => {
    const response = await api.get(`/v1/destinations?workspace_id=${workspaceId}`);
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      destinations: [
        {
          id: ids.webhook,
          type: 'webhook',
          url: 'https://***@crm.example.com/hooks?token=***',
          kinds: null,
          segments: null,
          digest_seconds: null,
          enabled: true,
          disabled_reason: null,
          failing_since: null,
          created_at: '2025-09-01T09:30:00.000Z',
          last_attempt: { at: '2025-09-21T10:00:05.250Z', outcome: 'delivered', status_code: 204 },
          pending: 0,
        },
        {
          id: ids.slack,
          type: 'slack',
          url: 'https://hooks.slack.com/services/T0123/B0456/***',
          kinds: ['segment_entered', 'segment_exited'],
          segments: ['At risk'],
          digest_seconds: 900,
          enabled: false,
          disabled_reason: 'failing for 24 h: HTTP 500',
          failing_since: '2025-09-20T08:00:00.000Z',
          created_at: '2025-09-01T09:30:00.000Z',
          last_attempt: { at: '2025-09-21T09:00:00.000Z', outcome: 'retry', status_code: null },
          pending: 3,
        },
        expect.objectContaining({ id: ids.segment, type: 'segment', url: 'https://api.segment.io/', last_attempt: null, pending: 0 }),
        expect.objectContaining({ id: ids.hubspot, type: 'hubspot', url: 'https://api.hubapi.com/', last_attempt: null }),
      ],
    });
  });

  it('never returns a secret, a token or a response excerpt', async () => {
    const response = await api.get(`/v1/destinations?workspace_id=${workspaceId}`);
    const text = JSON.stringify(response.body);
    expect(text).toContain('crm.example.com');
    for (const secret of SECRETS) expect(text).not.toContain(secret);
    expect(text).not.toMatch(/whsec_|"secret"|"settings"/);
  });

  it('needs workspace_id and the token of that workspace', async () => {
    expect((await api.get('/v1/destinations')).body).toMatchObject({ error: { code: 'missing_workspace_id' } });
    expect((await api.get('/v1/destinations?workspace_id=x')).body).toMatchObject({
      error: { code: 'invalid_parameter', details: { parameter: 'workspace_id' } },
    });
    const path = `/v1/destinations?workspace_id=${workspaceId}`;
    expect((await api.get(path, null)).status).toBe(401);
    const other = await api.admin.createWorkspace('destinations-reader');
    expect((await api.get(path, other.api_token)).body).toEqual({
      error: { message: 'Resource not found', status: 'not_found', code: 'not_found' },
    });
    const empty = await api.get(`/v1/destinations?workspace_id=${other.workspace_id}`, other.api_token);
    expect(empty.body).toEqual({ destinations: [] });
  });
});

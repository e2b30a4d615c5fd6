import type { Pool } from 'pg';
import { createPgPool } from '@coil/database';
import { loadConfig } from '@coil/platform';
import { createSettings, ScoringProfileRepository } from '@coil/settings';
import { startApi, type ApiHarness } from './api-harness';

let api: ApiHarness;
let pool: Pool;

beforeAll(async () => {
  api = await startApi();
  pool = createPgPool(loadConfig().databaseUrl, { max: 1 });
  // What the CLI's profile, feature, event weight, activation and signal settings commands call.
  const settings = createSettings(pool);
  const workspaceId = api.workspace.workspace_id;
  await settings.profiles.set({ workspaceId, windowDays: 7 });
  await settings.profiles.set({ workspaceId, name: 'admins', filter: 'user.role = admin', normalization: 'winsorized' });
  await settings.features.set({ workspaceId, name: 'Reports', events: 'report_shared,report_created', weight: 6 });
  await settings.features.set({ workspaceId, name: 'Invites', events: 'invite_sent', weight: 3 });
  await settings.eventWeights.set({ workspaceId, event: 'login', weight: 1 });
  await settings.eventWeights.set({ workspaceId, event: 'export', weight: 9 });
  await settings.eventWeights.set({ workspaceId, event: 'export', weight: 2, profile: 'admins' });
  await settings.activation.set(workspaceId, 'Report_Created,Invite Sent>=3,feature:Reports', { perUser: 2 });
  await settings.signals.change(workspaceId, { scoreThreshold: 15, watchedTraits: ['plan', 'seats'], retentionDays: 30 });
});
afterAll(async () => {
  await pool.end();
  await api.close();
});

const settingsOf = (workspaceId: string, token: string) => api.get(`/v1/settings?workspace_id=${workspaceId}`, token);

describe('GET /v1/settings', () => {
  it('serves what the settings commands stored', async () => {
    const response = await settingsOf(api.workspace.workspace_id, api.workspace.api_token);
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      profiles: [
        {
          name: 'default',
          is_default: true,
          window_days: 7,
          normalization: 'exponential',
          filter: null,
          event_weights: [
            { event: 'export', weight: 9 },
            { event: 'login', weight: 1 },
          ],
        },
        {
          name: 'admins',
          is_default: false,
          window_days: 30,
          normalization: 'winsorized',
          filter: 'user.role = admin',
          event_weights: [{ event: 'export', weight: 2 }],
        },
      ],
      features: [
        { name: 'Invites', weight: 3, events: ['invite_sent'] },
        { name: 'Reports', weight: 6, events: ['report_created', 'report_shared'] },
      ],
      activation: {
        steps: [
          { kind: 'event', name: 'Report_Created', min_count: 1 },
          { kind: 'event', name: 'Invite Sent', min_count: 3 },
          { kind: 'feature', name: 'Reports', min_count: 1 },
        ],
        required_users: 2,
      },
      signals: { score_threshold: 15, watched_traits: ['plan', 'seats'], retention_days: 30 },
    });
  });

  it('a workspace with nothing configured: the default profile scoring creates, no features, no checklist, the default signal settings', async () => {
    const fresh = await api.admin.createWorkspace('settings-fresh');
    const before = await settingsOf(fresh.workspace_id, fresh.api_token);
    expect(before.body).toEqual({
      profiles: [{ name: 'default', is_default: true, window_days: 30, normalization: 'exponential', filter: null, event_weights: [] }],
      features: [],
      activation: null,
      signals: { score_threshold: 10, watched_traits: ['plan', 'status', 'mrr'], retention_days: 90 },
    });
    // The first scoring run creates the default profile: the answer stays the same.
    await new ScoringProfileRepository(pool).ensureDefault(fresh.workspace_id);
    expect((await settingsOf(fresh.workspace_id, fresh.api_token)).body).toEqual(before.body);
  });

  it('404 for a token of another workspace, 400 without workspace_id, 401 without a token', async () => {
    const other = await api.admin.createWorkspace('settings-other');
    expect((await settingsOf(api.workspace.workspace_id, other.api_token)).body).toEqual({
      error: { message: 'Resource not found', status: 'not_found', code: 'not_found' },
    });
    expect((await api.get('/v1/settings')).body).toMatchObject({ error: { code: 'missing_workspace_id' } });
    expect((await api.get('/v1/settings?workspace_id=abc')).body).toMatchObject({
      error: { code: 'invalid_parameter', details: { parameter: 'workspace_id' } },
    });
    expect((await api.get(`/v1/settings?workspace_id=${api.workspace.workspace_id}`, null)).status).toBe(401);
  });
});

import { Pool } from 'pg';
import { createScoringRunner } from '@coil/scoring-pass';
import { createSettings } from '@coil/settings';
import type { Stack } from './stack';

// A workspace for the dashboard, built the way a product builds one: identify, group and track
// calls through the real ingest, rolled up by the worker, then settings (segments, features)
// and scoring runs at chosen times, so the score history has one stored day per run. Used by
// the browser suite, the screenshot script and the bench.

export interface SeedUser {
  id: string;
  name: string;
  email: string;
}

export interface SeedAccount {
  trackingId: string;
  name: string;
  domain: string;
  traits?: Record<string, string | number>;
  users: SeedUser[];
}

/** `count` track calls of `event` by `user` on a UTC `day` (YYYY-MM-DD). */
export interface SeedActivity {
  user: string;
  event: string;
  day: string;
  count: number;
}

export interface DashboardScenario {
  accounts: SeedAccount[];
  activity: SeedActivity[];
  /** Created before the first scoring run (beside the suggested ones). */
  segments?: { name: string; rule: string }[];
  features?: { name: string; events: string[]; weight: number }[];
  /** Activation checklist in the CLI's syntax, e.g. `Report Created,Invite Sent>=2`. */
  activation?: string;
  /** ISO times of the scoring runs, oldest first: one stored history day each. */
  scoreAt: string[];
}

export interface SeededWorkspace {
  workspaceId: string;
  token: string;
  /** Internal account id (the API's `id`) by tracking id. */
  accountIds: Map<string, string>;
}

/** Events per ingest request: far below MAX_BATCH_EVENTS and the body limit. */
const CHUNK = 1_000;

type IngestCall = Record<string, unknown>;

function callsOf(scenario: DashboardScenario): IngestCall[] {
  const start = `${scenario.activity.map((entry) => entry.day).sort()[0] ?? scenario.scoreAt[0].slice(0, 10)}T00:00:00.000Z`;
  const setup = scenario.accounts.flatMap((account) =>
    account.users.flatMap((user) => [
      { type: 'identify', userId: user.id, traits: { name: user.name, email: user.email }, timestamp: start },
      {
        type: 'group',
        userId: user.id,
        groupId: account.trackingId,
        traits: { name: account.name, domain: account.domain, ...account.traits },
        timestamp: start,
      },
    ]),
  );
  const tracks = scenario.activity.flatMap(({ user, event, day, count }) =>
    Array.from({ length: count }, (_, i) => ({
      type: 'track',
      userId: user,
      event,
      timestamp: new Date(Date.parse(`${day}T09:00:00.000Z`) + i * 60_000).toISOString(),
    })),
  );
  return [...setup, ...tracks];
}

async function send(ingestUrl: string, apiKey: string, calls: IngestCall[]): Promise<void> {
  const authorization = `Basic ${Buffer.from(`${apiKey}:`).toString('base64')}`;
  for (let i = 0; i < calls.length; i += CHUNK) {
    const response = await fetch(`${ingestUrl}/v1/batch`, {
      method: 'POST',
      headers: { authorization, 'content-type': 'application/json' },
      body: JSON.stringify({ batch: calls.slice(i, i + CHUNK) }),
    });
    if (response.status !== 202) throw new Error(`ingest answered ${response.status}: ${await response.text()}`);
  }
}

/** Waits until the worker has rolled up every track call and membership (at most `seconds`). */
async function waitForRollup(pool: Pool, workspaceId: string, events: number, members: number, seconds = 60): Promise<void> {
  let counts = { events: -1, members: -1 };
  for (let attempt = 0; attempt < seconds * 10; attempt += 1) {
    const result = await pool.query<{ events: number; members: number }>(
      `SELECT (SELECT COALESCE(SUM(count), 0)::int FROM daily_counts WHERE workspace_id = $1) AS events,
              (SELECT COUNT(*)::int FROM memberships WHERE workspace_id = $1) AS members`,
      [workspaceId],
    );
    counts = result.rows[0];
    if (counts.events >= events && counts.members >= members) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`rollup incomplete after ${seconds} s: ${JSON.stringify(counts)}, expected ${events} events and ${members} members`);
}

/**
 * Seeds `scenario` into the stack's workspace. Start the stack with a long `rescoreDelayMs` so
 * the worker's own rescore (at the real now) stays out of the history, and give the api a
 * `now` on the last scoring day so its "last 30/90 days" cover the seeded ones.
 */
export async function seedDashboard(stack: Stack, scenario: DashboardScenario): Promise<SeededWorkspace> {
  const { ingest } = stack;
  const workspaceId = ingest.workspaceId;
  const pool = new Pool({ connectionString: ingest.config.databaseUrl, max: 3 });
  try {
    await send(ingest.url, ingest.apiKey, callsOf(scenario));
    const events = scenario.activity.reduce((sum, entry) => sum + entry.count, 0);
    const members = scenario.accounts.reduce((sum, account) => sum + account.users.length, 0);
    await waitForRollup(pool, workspaceId, events, members);

    const settings = createSettings(pool);
    for (const feature of scenario.features ?? []) {
      await settings.features.set({ workspaceId, name: feature.name, events: feature.events.join(','), weight: feature.weight });
    }
    for (const segment of scenario.segments ?? []) await settings.segments.create(workspaceId, segment.name, segment.rule);
    if (scenario.activation) await settings.activation.set(workspaceId, scenario.activation);

    const runner = createScoringRunner(pool);
    for (const at of scenario.scoreAt) await runner.scoreWorkspace(workspaceId, new Date(at));

    const ids = await pool.query<{ id: string; tracking_id: string }>(
      'SELECT id::text AS id, tracking_id FROM accounts WHERE workspace_id = $1',
      [workspaceId],
    );
    return { workspaceId, token: stack.token, accountIds: new Map(ids.rows.map((row) => [row.tracking_id, row.id])) };
  } finally {
    await pool.end();
  }
}

/** The UTC days from `first` to `last` inclusive, as YYYY-MM-DD. */
export function daysBetween(first: string, last: string): string[] {
  const days: string[] = [];
  for (let time = Date.parse(`${first}T00:00:00Z`); time <= Date.parse(`${last}T00:00:00Z`); time += 86_400_000) {
    days.push(new Date(time).toISOString().slice(0, 10));
  }
  return days;
}

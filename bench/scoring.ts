// Full scoring pass over 100,000 accounts x 30 days of counts, with the engagement model: features,
// an activation checklist and history (target: <= 30 s, operations.md).
// `node -r ./scripts/register.js bench/scoring.ts`; prints {accounts, days, rows, seconds, ...}: `seconds` is
// the timed run of today, which reads the history written by the runs before it (one frame and one day earlier).
// Sizes: BENCH_ACCOUNTS, BENCH_DAYS, BENCH_EVENTS_PER_DAY (per user and day, <= 10), BENCH_USERS_PER_ACCOUNT.
import type { Pool } from 'pg';
import { createPgPool } from '@coil/database';
import { addUtcDays, utcDay, type ActivationChecklist } from '@coil/scoring';
import { createScoringRunner } from '@coil/scoring-pass';
import { ActivationChecklistRepository, FeatureRepository } from '@coil/settings';
import { recreateDatabase } from './scratch-database';

const DATABASE = 'coil_bench_scoring';

interface BenchSize {
  accounts: number;
  days: number;
  eventsPerDay: number;
  usersPerAccount: number;
}

function sizeFromEnv(): BenchSize {
  const read = (name: string, fallback: number): number => Number(process.env[name] ?? fallback);
  return {
    accounts: read('BENCH_ACCOUNTS', 100_000),
    days: read('BENCH_DAYS', 30),
    eventsPerDay: Math.min(10, read('BENCH_EVENTS_PER_DAY', 2)),
    usersPerAccount: read('BENCH_USERS_PER_ACCOUNT', 1),
  };
}

/** A few features over the ten bench events (events 7..9 stay unscored) and a three-step checklist, one step a feature. */
const FEATURES = [
  { name: 'Reports', weight: 5, events: ['event_0', 'event_1', 'event_2'] },
  { name: 'Invites', weight: 8, events: ['event_3'] },
  { name: 'Exports', weight: 3, events: ['event_4', 'event_5', 'event_6'] },
];
const CHECKLIST: ActivationChecklist = {
  steps: [
    { kind: 'event', name: 'event_3', minCount: 1 },
    { kind: 'event', name: 'event_8', minCount: 40 },
    { kind: 'feature', name: 'Reports', minCount: 100 },
  ],
  requiredUsers: null,
};

/** Accounts with `plan` traits, users, memberships and counts without an account (the common case). */
async function load(pool: Pool, size: BenchSize): Promise<{ workspaceId: string; rows: number }> {
  const workspace = await pool.query<{ id: string }>(`INSERT INTO workspaces (name) VALUES ('bench') RETURNING workspace_id::text AS id`);
  const workspaceId = workspace.rows[0].id;
  const users = size.accounts * size.usersPerAccount;
  await pool.query(
    `INSERT INTO accounts (workspace_id, tracking_id, traits)
     SELECT $1, 'account-' || g, jsonb_build_object('plan', CASE WHEN g % 3 = 0 THEN 'trial' ELSE 'paid' END)
     FROM generate_series(1, $2::int) g`,
    [workspaceId, size.accounts],
  );
  await pool.query(`INSERT INTO users (workspace_id, external_id) SELECT $1, 'user-' || g FROM generate_series(1, $2::int) g`, [
    workspaceId,
    users,
  ]);
  await pool.query(
    `INSERT INTO memberships (workspace_id, account_id, user_id)
     SELECT $1, a.id, u.id
     FROM (SELECT id, row_number() OVER (ORDER BY id) AS n FROM accounts WHERE workspace_id = $1) a
     JOIN (SELECT id, row_number() OVER (ORDER BY id) AS n FROM users WHERE workspace_id = $1) u
       ON (u.n - 1) / $2::int + 1 = a.n`,
    [workspaceId, size.usersPerAccount],
  );
  const counts = await pool.query(
    `INSERT INTO daily_counts (workspace_id, user_id, account_id, event, day, count)
     SELECT $1, u.id, 0, 'event_' || ((u.id + d + e) % 10), (now() AT TIME ZONE 'UTC')::date - d, 1 + (u.id * 7 + d * 3 + e) % 20
     FROM users u CROSS JOIN generate_series(0, $2::int - 1) d CROSS JOIN generate_series(0, $3::int - 1) e
     WHERE u.workspace_id = $1`,
    [workspaceId, size.days, size.eventsPerDay],
  );
  const features = new FeatureRepository(pool);
  for (const feature of FEATURES) {
    await features.replaceEvents(workspaceId, await features.upsert(workspaceId, feature.name, feature.weight), feature.events);
  }
  await new ActivationChecklistRepository(pool).set(workspaceId, CHECKLIST);
  await pool.query('ANALYZE');
  return { workspaceId, rows: counts.rowCount ?? 0 };
}

async function timed(work: () => Promise<unknown>): Promise<number> {
  const started = process.hrtime.bigint();
  await work();
  return Math.round(Number(process.hrtime.bigint() - started) / 1e7) / 100;
}

async function main(): Promise<void> {
  const size = sizeFromEnv();
  const pool = createPgPool(await recreateDatabase(DATABASE), { max: 4 });
  try {
    const { workspaceId, rows } = await load(pool, size);
    const runner = createScoringRunner(pool);
    const today = new Date();
    // History first: a run one 30-day frame ago (today's change reads it) and one yesterday (a daily schedule's previous run).
    const frameAgoSeconds = await timed(() => runner.scoreWorkspace(workspaceId, addUtcDays(utcDay(today), -30)));
    const yesterdaySeconds = await timed(() => runner.scoreWorkspace(workspaceId, addUtcDays(today, -1)));
    let signals = 0;
    const seconds = await timed(async () => ({ signals } = await runner.scoreWorkspace(workspaceId, today)));
    // A run a minute later finds no new transition: what the runs after each batch of events cost.
    const steadySeconds = await timed(() => runner.scoreWorkspace(workspaceId, new Date(today.getTime() + 60_000)));
    const changes = await pool.query<{ changed: string }>(
      `SELECT count(*) FILTER (WHERE engagement_score_change IS NOT NULL)::text AS changed FROM account_scores
       WHERE workspace_id = $1 AND period = (now() AT TIME ZONE 'UTC')::date`,
      [workspaceId],
    );
    const result = {
      accounts: size.accounts,
      days: size.days,
      rows,
      features: FEATURES.length,
      checklist_steps: CHECKLIST.steps.length,
      accounts_with_change: Number(changes.rows[0].changed),
      history_runs_seconds: [frameAgoSeconds, yesterdaySeconds],
      seconds,
      signals,
      steady_seconds: steadySeconds,
    };
    process.stdout.write(`${JSON.stringify(result)}\n`);
  } finally {
    await pool.end();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});

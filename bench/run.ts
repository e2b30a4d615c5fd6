// `npm run bench`: every benchmark, each against a ceiling measured in the same run, written
// to docs/benchmarks.md. BENCH_SKIP (comma list of part names below) leaves parts out;
// `npm run bench -- delivery` runs the named parts only and prints them without writing the file;
// BENCH_DATABASE names the scratch database (default coil_bench).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '@coil/platform';
import { createPgPool } from '@coil/database';
import { createWorkspaceAdmin } from '@coil/workspaces';
import { benchDashboard } from './dashboard';
import { benchDelivery } from './delivery';
import { benchFreshness } from './freshness';
import { benchIngest } from './ingest';
import { benchReadApi } from './read-api';
import { benchRollup } from './rollup';
import { recreateDatabase } from './scratch-database';
import { benchWorkers, WORKER_COUNTS } from './workers';

const ROOT = path.resolve(__dirname, '..');
const skip = new Set((process.env.BENCH_SKIP ?? '').split(',').filter(Boolean));
const only = new Set(process.argv.slice(2));

/** One line of the table: what, what was measured, the target, and whether it was met. */
type Row = [string, string, string, boolean];

interface Part {
  name: string;
  run: (databaseUrl: string) => Promise<{ rows: Row[]; raw: unknown }>;
}

const fixed = (value: number, digits = 0) => value.toFixed(digits);
const pct = (ratio: number) => `${(ratio * 100).toFixed(0)} %`;
const redisUrl = loadConfig().redisUrl;

async function createWorkspace(databaseUrl: string): Promise<{ id: string; key: string; token: string }> {
  const pool = createPgPool(databaseUrl, { max: 1 });
  const created = await createWorkspaceAdmin(pool).createWorkspace('bench');
  await pool.end();
  return { id: created.workspace_id, key: created.api_key, token: created.api_token };
}

const PARTS: Part[] = [
  {
    name: 'ingest',
    async run(databaseUrl) {
      const raw = await benchIngest(databaseUrl, redisUrl, (await createWorkspace(databaseUrl)).key);
      const ratio = raw.ingestSingle.perSecond / raw.bareSingle.perSecond;
      return {
        raw,
        rows: [
          [
            'ingest `/v1/batch` (100 events per request, acked after queueing)',
            `${fixed(raw.ingestBatch.eventsPerSecond)} events/s`,
            '>= 25,000 events/s',
            raw.ingestBatch.eventsPerSecond >= 25000,
          ],
          [
            'ingest single `/v2/track` vs bare Node `http` (ceiling)',
            `${fixed(raw.ingestSingle.perSecond)} vs ${fixed(raw.bareSingle.perSecond)} req/s = ${pct(ratio)}`,
            '>= 50 %',
            ratio >= 0.5,
          ],
          [
            'ingest latency at half of max single load',
            `p50 ${fixed(raw.halfLoad.p50Ms, 1)} ms, p99 ${fixed(raw.halfLoad.p99Ms, 1)} ms at ${fixed(raw.halfLoad.perSecond)} req/s`,
            'p99 <= 25 ms',
            raw.halfLoad.p99Ms <= 25,
          ],
          ['ingest peak RSS over the runs above', `${fixed(raw.peakRssMb)} MB`, '<= 250 MB', raw.peakRssMb <= 250],
        ],
      };
    },
  },
  {
    name: 'rollup',
    async run(databaseUrl) {
      const raw = await benchRollup(databaseUrl, redisUrl, (await createWorkspace(databaseUrl)).id);
      const ratio = raw.workerEventsPerSecond / raw.ceilingEventsPerSecond;
      return {
        raw,
        rows: [
          [
            'worker roll-up (BullMQ -> PostgreSQL, exact counts)',
            `${fixed(raw.workerEventsPerSecond)} events/s, exact: ${raw.exact}`,
            '>= 25,000 events/s',
            raw.workerEventsPerSecond >= 25000 && raw.exact,
          ],
          [
            'worker vs raw batched `INSERT ... ON CONFLICT` (ceiling)',
            `${fixed(raw.workerEventsPerSecond)} vs ${fixed(raw.ceilingEventsPerSecond)} events/s = ${pct(ratio)}`,
            '>= 50 %',
            ratio >= 0.5,
          ],
        ],
      };
    },
  },
  {
    name: 'workers',
    async run(databaseUrl) {
      const ids: string[] = [];
      for (let i = 0; i < WORKER_COUNTS.length; i += 1) ids.push((await createWorkspace(databaseUrl)).id);
      const raw = await benchWorkers(databaseUrl, redisUrl, ids);
      const measured = raw.runs.map((run) => `${run.workers}: ${fixed(run.eventsPerSecond)}`).join(', ');
      return {
        raw,
        rows: [
          [
            'roll-up with 1, 2 and 4 worker processes',
            `${measured} events/s (ceiling ${fixed(raw.ceilingEventsPerSecond)}), exact: ${raw.runs.every((run) => run.exact)}`,
            'exact counts; measured, no target',
            raw.runs.every((run) => run.exact),
          ],
        ],
      };
    },
  },
  {
    name: 'freshness',
    async run(databaseUrl) {
      const raw = await benchFreshness(databaseUrl, redisUrl, await createWorkspace(databaseUrl));
      return {
        raw,
        rows: [
          [
            'freshness: accepted -> counted in daily_counts',
            `p99 <= ${raw.countedP99Seconds} s at ${fixed(raw.eventsPerSecond)} events/s (${raw.events} events)`,
            'measured, no target',
            true,
          ],
          [
            'Redis memory before and after 100,000 events through the stack',
            `${fixed(raw.redisMemoryMb.before, 1)} MB -> ${fixed(raw.redisMemoryMb.after, 1)} MB`,
            'flat (a 10-minute run is not part of the bench)',
            raw.redisMemoryMb.after - raw.redisMemoryMb.before < 5,
          ],
          [
            'freshness: accepted -> served by `/v1/accounts`',
            `p99 ${fixed(raw.servedP99Seconds, 2)} s, max ${fixed(raw.servedMaxSeconds, 2)} s (${raw.probes} probe events during the load above)`,
            'p99 <= 5 s at 10,000 events/s',
            raw.servedP99Seconds <= 5,
          ],
        ],
      };
    },
  },
  {
    name: 'read-api',
    async run(databaseUrl) {
      const raw = await benchReadApi(databaseUrl, redisUrl);
      return {
        raw,
        rows: [
          [
            'read API `GET /v1/accounts`, cached',
            `${fixed(raw.cached.perSecond)} req/s; p99 ${fixed(raw.cachedHalfLoad.p99Ms, 1)} ms at half that load`,
            '>= 5,000 req/s, p99 <= 10 ms',
            raw.cached.perSecond >= 5000 && raw.cachedHalfLoad.p99Ms <= 10,
          ],
          [
            'read API `GET /v1/accounts`, uncached',
            `${fixed(raw.uncached.perSecond)} req/s, p99 ${fixed(raw.uncached.p99Ms, 1)} ms`,
            'measured, no target',
            true,
          ],
          [
            'read API `GET /v1/accounts/explain`, uncached, 100,000 accounts',
            `${fixed(raw.explainUncached.perSecond)} req/s; p99 ${fixed(raw.explainHalfLoad.p99Ms, 1)} ms at half that load`,
            'p99 <= 20 ms',
            raw.explainHalfLoad.p99Ms <= 20,
          ],
        ],
      };
    },
  },
  {
    name: 'delivery',
    async run(databaseUrl) {
      const raw = await benchDelivery(databaseUrl, redisUrl, [
        (await createWorkspace(databaseUrl)).id,
        (await createWorkspace(databaseUrl)).id,
      ]);
      const { throughput, lag } = raw;
      return {
        raw,
        rows: [
          [
            'webhook deliveries to one local receiver (signed, verified, in order per subject)',
            `${fixed(throughput.perMinute)} deliveries/min (${throughput.deliveries} in ${fixed(throughput.seconds, 1)} s, ${throughput.unique} distinct webhook-ids received)`,
            '>= 10,000 deliveries/min',
            throughput.perMinute >= 10000 && throughput.unique === throughput.deliveries && throughput.rejected === 0,
          ],
          [
            'delivery lag: signal stored by a scoring run -> delivered',
            `p50 ${fixed(lag.p50Seconds, 2)} s, p99 ${fixed(lag.p99Seconds, 2)} s, max ${fixed(lag.maxSeconds, 2)} s (${lag.signals} signals over ${lag.runs} runs, one a second)`,
            'p99 <= 5 s',
            lag.p99Seconds <= 5,
          ],
        ],
      };
    },
  },
  {
    name: 'dashboard',
    async run(databaseUrl) {
      const raw = await benchDashboard(databaseUrl, redisUrl);
      return {
        raw,
        rows: [
          [
            `dashboard: Accounts page interactive over ${raw.accounts.toLocaleString('en')} accounts (Chromium's performance timeline, ${raw.rows} rows shown)`,
            `cold cache: median ${fixed(raw.coldMs.median)} ms, max ${fixed(raw.coldMs.max)} ms; warm: median ${fixed(raw.warmMs.median)} ms, max ${fixed(raw.warmMs.max)} ms ` +
              `(of which files loaded ${fixed(raw.domContentLoadedMs)} ms, list request ${fixed(raw.listRequestMs)} ms); ` +
              `the first load after the api started: ${fixed(raw.firstLoadMs)} ms`,
            '<= 1,000 ms',
            raw.coldMs.max <= 1000 && raw.warmMs.max <= 1000,
          ],
          [
            'dashboard: JavaScript shipped',
            `${fixed(raw.javascriptGzipKb, 1)} KB gzip (CSS ${fixed(raw.cssGzipKb, 1)} KB)`,
            '<= 250 KB gzip',
            raw.javascriptGzipKb <= 250,
          ],
        ],
      };
    },
  },
  {
    name: 'scoring',
    // Synchronous: the scoring bench runs in a child process of its own.
    run() {
      const child = spawnSync(process.execPath, ['-r', './scripts/register.js', 'bench/scoring.ts'], {
        cwd: ROOT,
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      if (child.status !== 0) throw new Error('bench/scoring.ts failed');
      const raw = JSON.parse(child.stdout.trim().split('\n').pop() ?? '{}') as Record<string, number>;
      return Promise.resolve({
        raw,
        rows: [
          [
            'full scoring pass (history, adoption, activation)',
            `${raw.accounts} accounts x ${raw.days} days (${raw.rows} count rows, ${raw.features} features, ` +
              `${raw.checklist_steps}-step checklist, change read for ${raw.accounts_with_change} accounts) in ${fixed(raw.seconds, 1)} s, ` +
              `storing ${raw.signals} new signals (every account's trend and segments move at once)`,
            '<= 30 s',
            raw.seconds <= 30,
          ],
          [
            'a scoring pass with no new transition',
            `the same workspace rescored a minute later (what each run after new events costs) in ${fixed(raw.steady_seconds, 1)} s`,
            '<= 30 s',
            raw.steady_seconds <= 30,
          ],
        ],
      });
    },
  },
];

function report(rows: Row[]): string {
  return [
    '# Benchmarks',
    '',
    'Produced by `npm run bench` (bench/run.ts); every ratio is against a ceiling measured in the same run',
    `on the same machine. Last run: ${new Date().toISOString()}, ${os.cpus().length} cores, Node ${process.version}.`,
    '',
    '| what | measured | target | |',
    '|---|---|---|---|',
    ...rows.map(([what, measured, target, met]) => `| ${what} | ${measured} | ${target} | ${met ? 'met' : 'NOT met'} |`),
    '',
    'Load comes from a keep-alive Node client in the benchmark process, sharing the two cores with the',
    'server under test; the bare-server ceiling is measured with the same client, so the client caps both.',
    'Roll-up: BullMQ jobs of 2,000 events (200,000 events, 5,000 users, 500 accounts, 30 days); its ceiling',
    'is one connection upserting the same rows, pre-aggregated per job. Freshness to daily_counts is read',
    "from the worker's `coil_worker_lag_seconds` histogram (a bucket bound); freshness to `/v1/accounts` is",
    'timed end to end by probe events sent one at a time during the 10,000 events/s load and polled every',
    "20 ms until the account's `overall_scored_events` shows them (default `RESCORE_DELAY_MS` of 1 s).",
    'Dashboard: 10,000 accounts seeded in SQL (30 days of daily scores, 5 segments), the built page served by',
    "the api process of `npm start`, loaded signed in by Debian's Chromium (playwright-core) 7 times with its",
    'cache disabled and 7 times warm, after one load that meets the api process cold (reported beside); the',
    "figure is the page's own `coil:accounts-interactive` mark (the first rows shown, with their sparklines",
    'and segments) from navigation start. Sizes: every file the page ships.',
    '',
  ].join('\n');
}

async function main(): Promise<void> {
  const build = spawnSync('npm', ['run', 'build', '--silent'], { cwd: ROOT, stdio: 'inherit' });
  if (build.status !== 0) throw new Error('npm run build failed');
  const databaseUrl = await recreateDatabase(process.env.BENCH_DATABASE ?? 'coil_bench');
  const rows: Row[] = [];
  const raw: Record<string, unknown> = {};
  const parts = PARTS.filter((candidate) => (only.size > 0 ? only.has(candidate.name) : !skip.has(candidate.name)));
  for (const part of parts) {
    const result = await part.run(databaseUrl);
    rows.push(...result.rows);
    raw[part.name] = result.raw;
  }
  const markdown = report(rows);
  if (only.size === 0) fs.writeFileSync(path.join(ROOT, 'docs', 'benchmarks.md'), markdown);
  console.log(markdown);
  console.log(JSON.stringify(raw, null, 2));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

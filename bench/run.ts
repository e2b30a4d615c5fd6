// `npm run bench`: every benchmark, each against a ceiling measured in the same run, written
// to docs/benchmarks.md. BENCH_SKIP (comma list of part names below) leaves parts out;
// `npm run bench -- delivery` runs the named parts only and prints them without writing the file;
// `npm run bench -- --quick` runs every part small and short (see bench/scale.ts); BENCH_DATABASE
// names the scratch database (default coil_bench).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '@coil/platform';
import { createPgPool } from '@coil/database';
import { createWorkspaceAdmin } from '@coil/workspaces';
import { benchDashboard } from './dashboard';
import { benchDelivery } from './delivery';
import { BATCH_EVENTS, benchIngest } from './ingest';
import { benchReadApi, LOOKUP_KINDS } from './read-api';
import { benchRollup } from './rollup';
import { QUICK, scaled } from './scale';
import { recreateDatabase } from './scratch-database';
import { benchSoak } from './soak';
import { benchStack } from './stack';
import { wrkCommand } from './wrk';
import { benchWorkers, WORKER_COUNTS } from './workers';

const ROOT = path.resolve(__dirname, '..');
const skip = new Set((process.env.BENCH_SKIP ?? '').split(',').filter(Boolean));
const only = new Set(process.argv.slice(2).filter((arg) => !arg.startsWith('--')));

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

/** Single-event rate the ingest part measured, so the soak runs at half of it (a default when it did not run). */
let singleEventRate = 8000;

const PARTS: Part[] = [
  {
    name: 'ingest',
    async run(databaseUrl) {
      const raw = await benchIngest(databaseUrl, redisUrl, (await createWorkspace(databaseUrl)).key, scaled(10, 1));
      singleEventRate = raw.single.perSecond;
      const { bareNode, bareFastify, single, halfLoad, batch } = raw;
      const ratio = single.perSecond / bareNode.perSecond;
      const load = `${raw.connections} connections, ${raw.seconds} s`;
      return {
        raw,
        rows: [
          [
            `ceilings: bare Node \`http\` and bare Fastify (JSON parsed), single events, ${load}`,
            `Node ${fixed(bareNode.perSecond)} req/s (p99 ${fixed(bareNode.p99Ms, 1)} ms); Fastify ${fixed(bareFastify.perSecond)} req/s = ${pct(bareFastify.perSecond / bareNode.perSecond)} of Node (p99 ${fixed(bareFastify.p99Ms, 1)} ms)`,
            'the ceilings below divide by',
            bareNode.errors === 0 && bareFastify.errors === 0,
          ],
          [
            `ingest single \`/v2/track\` vs bare Node \`http\`, ${load}`,
            `${fixed(single.perSecond)} vs ${fixed(bareNode.perSecond)} req/s = ${pct(ratio)}, ${single.errors} errors`,
            '>= 50 %',
            ratio >= 0.5 && single.errors === 0,
          ],
          [
            'ingest single `/v2/track` latency at full load',
            `p50 ${fixed(single.p50Ms, 1)} ms, p99 ${fixed(single.p99Ms, 1)} ms`,
            'p99 <= 50 ms',
            single.p99Ms <= 50,
          ],
          [
            'ingest single `/v2/track` latency at half load (paced)',
            `p50 ${fixed(halfLoad.p50Ms, 1)} ms, p99 ${fixed(halfLoad.p99Ms, 1)} ms at ${fixed(halfLoad.perSecond)} req/s`,
            'p99 <= 10 ms',
            halfLoad.p99Ms <= 10 && halfLoad.errors === 0,
          ],
          [
            `ingest \`/v1/batch\` of ${BATCH_EVENTS} events (acked after queueing), ${load}`,
            `${fixed(batch.eventsPerSecond)} events/s (${fixed(batch.perSecond)} req/s, p99 ${fixed(batch.p99Ms, 1)} ms), ${batch.errors} errors`,
            '>= 100,000 events/s',
            batch.eventsPerSecond >= 100_000 && batch.errors === 0,
          ],
          ['ingest peak RSS over the runs above (no heap cap)', `${fixed(raw.peakRssMb)} MB`, '<= 250 MB', raw.peakRssMb <= 250],
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
            'worker roll-up (BullMQ -> PostgreSQL, exact counts) vs raw batched `INSERT ... ON CONFLICT` (ceiling)',
            `${fixed(raw.workerEventsPerSecond)} vs ${fixed(raw.ceilingEventsPerSecond)} events/s = ${pct(ratio)}, exact: ${raw.exact}`,
            '>= 70 %, exact',
            ratio >= 0.7 && raw.exact,
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
    name: 'stack',
    async run(databaseUrl) {
      const seconds = scaled(60, 3);
      const target = scaled(25_000, 2_000);
      const raw = await benchStack(
        databaseUrl,
        redisUrl,
        { load: await createWorkspace(databaseUrl), probe: await createWorkspace(databaseUrl) },
        { eventsPerSecond: target, seconds },
      );
      const exact = raw.counted === raw.accepted;
      return {
        raw,
        rows: [
          [
            `whole stack as \`npm start\` runs it (ingest, worker, api, PostgreSQL, Redis on ${os.cpus().length} cores): \`/v1/batch\` paced at ${target.toLocaleString('en')} events/s for ${seconds} s, 10,000 users in 1,000 accounts, 20 events, 30 days`,
            `${fixed(raw.load.eventsPerSecond)} events/s accepted (${raw.load.errors} errors, p99 ${fixed(raw.load.p99Ms, 1)} ms); ${raw.counted.toLocaleString('en')} of ${raw.accepted.toLocaleString('en')} counted (exact: ${exact}), the last ${fixed(raw.catchUpSeconds, 1)} s after the load ended`,
            '>= 25,000 events/s, exact',
            raw.load.eventsPerSecond >= 25_000 * 0.99 && exact && raw.load.errors === 0,
          ],
          [
            'freshness during that load: accepted -> counted (worker lag histogram), accepted -> served by `/v1/accounts` (probe events)',
            `counted p99 <= ${raw.countedP99Seconds} s; served p99 ${fixed(raw.served.p99Seconds, 2)} s, max ${fixed(raw.served.maxSeconds, 2)} s (${raw.served.probes} probes)`,
            'p99 <= 5 s',
            raw.countedP99Seconds <= 5 && raw.served.p99Seconds <= 5,
          ],
        ],
      };
    },
  },
  {
    name: 'soak',
    async run(databaseUrl) {
      const seconds = scaled(600, 10);
      const raw = await benchSoak(databaseUrl, redisUrl, (await createWorkspace(databaseUrl)).key, { rate: singleEventRate / 2, seconds });
      const { growth } = raw;
      const flat = Math.max(growth.ingestRss, growth.workerRss, growth.redis) <= 1.1;
      return {
        raw,
        rows: [
          [
            `memory over ${seconds >= 60 ? `${seconds / 60} minutes` : `${seconds} s`} of single events at half load (ingest and worker; last tenth's mean over the second tenth's)`,
            `${fixed(raw.load.perSecond)} req/s, ${raw.load.errors} errors; ingest RSS x${fixed(growth.ingestRss, 2)}, worker RSS x${fixed(growth.workerRss, 2)}, Redis used_memory x${fixed(growth.redis, 2)}`,
            'flat: within 10 %',
            flat,
          ],
        ],
      };
    },
  },
  {
    name: 'read-api',
    async run(databaseUrl) {
      const raw = await benchReadApi(databaseUrl, redisUrl, { accounts: scaled(100_000, 20_000), seconds: scaled(5, 1) });
      const { cached, cachedHalfLoad, uncached } = raw;
      const lookups = LOOKUP_KINDS.map(
        (kind) => `${kind} ${fixed(uncached[kind].perSecond)} req/s p99 ${fixed(uncached[kind].p99Ms, 1)} ms`,
      );
      const uncachedMet = LOOKUP_KINDS.every(
        (kind) => uncached[kind].perSecond >= 2000 && uncached[kind].p99Ms <= 20 && uncached[kind].errors === 0,
      );
      return {
        raw,
        rows: [
          [
            `read API \`GET /v1/accounts?expand=traits,segments,insights\`, cached (${raw.hotAccounts.toLocaleString('en')} hot accounts), ${raw.connections} connections`,
            `${fixed(cached.perSecond)} req/s (p99 ${fixed(cached.p99Ms, 1)} ms); p99 ${fixed(cachedHalfLoad.p99Ms, 1)} ms at half that load`,
            '>= 10,000 req/s, p99 <= 10 ms',
            cached.perSecond >= 10_000 && cachedHalfLoad.p99Ms <= 10 && cached.errors === 0,
          ],
          [
            `read API, uncached (each request another account) on ${raw.accounts.toLocaleString('en')} accounts, every lookup kind, ${raw.connections} connections`,
            lookups.join('; '),
            '>= 2,000 req/s, p99 <= 20 ms each',
            uncachedMet,
          ],
          [
            `read API \`GET /v1/accounts/explain\` (never cached, each request another account) on ${raw.accounts.toLocaleString('en')} accounts`,
            `${fixed(raw.explain.perSecond)} req/s (p99 ${fixed(raw.explain.p99Ms, 1)} ms); p99 ${fixed(raw.explainHalfLoad.p99Ms, 1)} ms at half that load`,
            'p99 <= 20 ms at half load',
            raw.explainHalfLoad.p99Ms <= 20 && raw.explain.errors === 0,
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
        env: { ...process.env, ...(QUICK ? { BENCH_ACCOUNTS: '500' } : {}) },
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
    `HTTP load comes from wrk (Debian's package) in its own process: \`${wrkCommand({ connections: 50, durationSeconds: 10 })}\`,`,
    'its Lua script (bench/wrk.ts) varying users, accounts and messageIds per request; paced runs send request k',
    'at start + k / rate. Both ceilings (bench/bare-server.ts: Node `http` reading the body, parsing it and answering',
    '202; bench/bare-fastify.ts: Fastify with its JSON parser) are measured by the same command in the same run.',
    'Apps run compiled, as `npm start` runs them, each with its NODE_OPTIONS; PostgreSQL, Redis, wrk and the',
    'processes under test share the same cores.',
    'Roll-up: BullMQ jobs of 2,000 events (200,000 events, 5,000 users, 500 accounts, 30 days); its ceiling',
    'is one connection upserting the same rows, pre-aggregated per job. Whole stack: freshness to daily_counts is',
    "read from the worker's `coil_worker_lag_seconds` histogram (a bucket bound); freshness to `/v1/accounts` is",
    'timed end to end by probe events (a workspace of their own) sent one at a time during the load and polled every',
    "20 ms until the account's `overall_scored_events` shows them (default `RESCORE_DELAY_MS` of 1 s); exactness is",
    "the sum of the workspace's daily_counts against the events the ingest's `/metrics` counts as accepted.",
    'Read API: accounts seeded in SQL with an `intercom_id` trait; each uncached lookup kind reads its own slice of',
    'accounts, one request each, so no answer comes from the cache.',
    'Dashboard: 10,000 accounts seeded in SQL (30 days of daily scores, 5 segments), the built page served by',
    "the api process of `npm start`, loaded signed in by Debian's Chromium (playwright-core) 7 times with its",
    'cache disabled and 7 times warm, after one load that meets the api process cold (reported beside); the',
    "figure is the page's own `coil:accounts-interactive` mark (the first rows shown, with their sparklines",
    'and segments) from navigation start. Sizes: every file the page ships.',
    '',
  ].join('\n');
}

async function main(): Promise<void> {
  // --quick (the test suite runs it) leaves a built dashboard alone: other tests serve it meanwhile.
  const dashboardBuilt = fs.existsSync(path.join(ROOT, 'dist', 'dashboard', 'index.html'));
  const [command, ...args] = QUICK && dashboardBuilt ? ['npx', 'tsc', '-p', 'tsconfig.build.json'] : ['npm', 'run', 'build', '--silent'];
  const build = spawnSync(command, args, { cwd: ROOT, stdio: 'inherit' });
  if (build.status !== 0) throw new Error(`${[command, ...args].join(' ')} failed`);
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
  if (only.size === 0 && !QUICK) fs.writeFileSync(path.join(ROOT, 'docs', 'benchmarks.md'), markdown);
  console.log(markdown);
  console.log(JSON.stringify(raw, null, 2));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

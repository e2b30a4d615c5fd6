import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { createPgPool } from '@coil/database';
import { createWorkspaceAdmin } from '@coil/workspaces';
import { launchChromium } from '../test/support/browser';
import { answers, startProcess, stopProcess } from './processes';
import { seedScoredAccounts } from './seed-accounts';
import { scaled } from './scale';

export interface DashboardBenchResult {
  accounts: number;
  /** Page loads of /app/accounts, signed in, each measured by the page's own performance mark. */
  runs: number;
  /** From navigation start to the first rows shown (`coil:accounts-interactive`), in ms. */
  /** The first load after the api process started (its pool and plans still cold): reported, not the target's. */
  firstLoadMs: number;
  coldMs: { median: number; max: number };
  warmMs: { median: number; max: number };
  /** Where a warm load's time goes, medians in ms: the page's files loaded and run (DOMContentLoaded), the list request. */
  domContentLoadedMs: number;
  listRequestMs: number;
  rows: number;
  /** Every JavaScript file the page ships, gzip-compressed (level 9, as a server would). */
  javascriptGzipKb: number;
  cssGzipKb: number;
}

const ROOT = path.resolve(__dirname, '..');
const API_PORT = 18096;
const ACCOUNTS = scaled(10_000, 500);
const RUNS = scaled(7, 1);

function gzipKb(extension: string): number {
  const assets = path.join(ROOT, 'dist', 'dashboard', 'assets');
  const bytes = fs
    .readdirSync(assets)
    .filter((file) => file.endsWith(extension))
    .reduce((sum, file) => sum + zlib.gzipSync(fs.readFileSync(path.join(assets, file)), { level: 9 }).length, 0);
  return bytes / 1024;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** One load of /app/accounts: the page's mark, the rows it shows, and the list request's duration. */
async function loadAccounts(page: Page, url: string): Promise<{ interactiveMs: number; rows: number; listMs: number; dclMs: number }> {
  await page.goto(url);
  const interactiveMs = await page.evaluate(async () => {
    for (let i = 0; i < 200; i += 1) {
      const mark = performance.getEntriesByName('coil:accounts-interactive')[0];
      if (mark) return mark.startTime;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    throw new Error('the page never marked coil:accounts-interactive');
  });
  const rows = await page.locator('table tbody tr').count();
  const listMs = await page.evaluate(
    () =>
      performance
        .getEntriesByType('resource')
        .filter((entry) => entry.name.includes('/v1/accounts/list'))
        .map((entry) => entry.duration)[0] ?? Number.NaN,
  );
  // A browser-only entry type, which Node's typings of `performance` do not know.
  const dclMs = Number(await page.evaluate("performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd"));
  return { interactiveMs, rows, listMs, dclMs };
}

/** The Accounts page over 10,000 scored accounts in Debian's Chromium, against the api process of `npm start`. */
export async function benchDashboard(databaseUrl: string, redisUrl: string): Promise<DashboardBenchResult> {
  const pool = createPgPool(databaseUrl, { max: 1 });
  const workspace = await createWorkspaceAdmin(pool).createWorkspace('dashboard-bench');
  await pool.end();
  await seedScoredAccounts(databaseUrl, workspace.workspace_id, { accounts: ACCOUNTS, historyDays: 30, historyStepDays: 1, segments: 5 });
  const api = await startProcess(
    'apps/api/src/main.ts',
    {
      DATABASE_URL: databaseUrl,
      REDIS_URL: redisUrl,
      API_PORT: String(API_PORT),
      COIL_QUEUE_PREFIX: `bench-${randomUUID()}`,
      API_RATE_LIMIT: '10000',
    },
    () => answers(`http://127.0.0.1:${API_PORT}/readyz`),
  );
  const browser = await launchChromium();
  const base = `http://127.0.0.1:${API_PORT}`;
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await signIn(page, base, workspace.api_token);
    const accountsUrl = `${base}/app/accounts`;
    const cdp = await context.newCDPSession(page);
    const cold: number[] = [];
    const warm: number[] = [];
    const listMs: number[] = [];
    const dclMs: number[] = [];
    let rows = 0;
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    const firstLoadMs = (await loadAccounts(page, accountsUrl)).interactiveMs;
    for (let run = 0; run < RUNS; run += 1) cold.push((await loadAccounts(page, accountsUrl)).interactiveMs);
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: false });
    await loadAccounts(page, accountsUrl);
    for (let run = 0; run < RUNS; run += 1) {
      const load = await loadAccounts(page, accountsUrl);
      warm.push(load.interactiveMs);
      listMs.push(load.listMs);
      dclMs.push(load.dclMs);
      rows = load.rows;
    }
    return {
      accounts: ACCOUNTS,
      runs: RUNS,
      firstLoadMs,
      coldMs: { median: median(cold), max: Math.max(...cold) },
      warmMs: { median: median(warm), max: Math.max(...warm) },
      domContentLoadedMs: median(dclMs),
      listRequestMs: median(listMs),
      rows,
      javascriptGzipKb: gzipKb('.js'),
      cssGzipKb: gzipKb('.css'),
    };
  } finally {
    await browser.close();
    await stopProcess(api);
  }
}

async function signIn(page: Page, base: string, token: string): Promise<void> {
  await page.goto(`${base}/app/sign-in`);
  await page.getByLabel(/token/i).fill(token);
  await page.getByRole('button', { name: /sign in/i }).click();
  await page.waitForURL(/\/app\/accounts/);
}

if (require.main === module) {
  void (async () => {
    const { recreateDatabase } = await import('./scratch-database');
    const databaseUrl = await recreateDatabase('coil_bench_dashboard');
    console.log(JSON.stringify(await benchDashboard(databaseUrl, process.env.REDIS_URL ?? 'redis://127.0.0.1:6379'), null, 2));
  })();
}

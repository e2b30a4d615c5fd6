// `node -r ./scripts/register.js scripts/dashboard-screenshots.ts`: builds the page, seeds a demo
// workspace through the real ingest (a dozen accounts, segments, features, 36 days of scores and
// the signals they produce), signs in in Chromium and saves a 1280x800 PNG of each page to
// docs/screenshots/<page>.png for the README. Needs PostgreSQL and Redis (DATABASE_URL,
// REDIS_URL; the test defaults otherwise) with the migrations applied.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { Pool } from 'pg';
import type { Page } from 'playwright-core';
import { seededRandom } from '@coil/domain';
import { launchChromium } from '../test/support/browser';
import { daysBetween, seedDashboard, type DashboardScenario, type SeedAccount, type SeedActivity } from '../test/support/dashboard-seed';
import { startStack } from '../test/support/stack';

process.env.DATABASE_URL ??= 'postgresql://postgres@127.0.0.1:5432/coil_test';
process.env.REDIS_URL ??= 'redis://127.0.0.1:6379';
process.env.LOG_LEVEL ??= 'silent';

const ROOT = path.resolve(__dirname, '..');
const OUT = path.join(ROOT, 'docs', 'screenshots');
const FIRST_DAY = '2026-10-01';
const LAST_DAY = '2026-11-05';
const EVENTS = ['Report Created', 'Dashboard Viewed', 'Invite Sent', 'Export Downloaded', 'Alert Configured'];

/** How an account's activity moves over the period: the demo shows rising, falling and quiet ones. */
type Shape = 'rising' | 'falling' | 'steady' | 'quiet' | 'new';

const COMPANIES: [name: string, domain: string, shape: Shape, users: number, plan: string][] = [
  ['Northwind Traders', 'northwind.example', 'steady', 4, 'enterprise'],
  ['Globex', 'globex.example', 'rising', 3, 'growth'],
  ['Initech', 'initech.example', 'falling', 3, 'growth'],
  ['Umbrella Health', 'umbrella.example', 'steady', 2, 'starter'],
  ['Hooli', 'hooli.example', 'rising', 4, 'enterprise'],
  ['Stark Logistics', 'stark.example', 'steady', 3, 'growth'],
  ['Wayne Analytics', 'wayne.example', 'falling', 2, 'starter'],
  ['Tyrell Labs', 'tyrell.example', 'quiet', 2, 'starter'],
  ['Soylent Foods', 'soylent.example', 'steady', 1, 'trial'],
  ['Cyberdyne', 'cyberdyne.example', 'new', 2, 'trial'],
  ['Vandelay Imports', 'vandelay.example', 'rising', 2, 'growth'],
  ['Pied Piper', 'piedpiper.example', 'falling', 3, 'enterprise'],
];
const PEOPLE = ['Ana', 'Ben', 'Chloe', 'Dev', 'Ema', 'Finn', 'Gita', 'Hugo'];

/** Events per user on day `i` of `n` for an account of this shape. */
function intensity(shape: Shape, i: number, n: number): number {
  const progress = i / (n - 1);
  if (shape === 'rising') return progress < 0.75 ? 0.6 : 4;
  if (shape === 'falling') return progress < 0.75 ? 3 : 0.15;
  if (shape === 'quiet') return progress < 0.3 ? 1 : 0;
  if (shape === 'new') return progress < 0.8 ? 0 : 2.5;
  return 1.8;
}

function demoScenario(): DashboardScenario {
  const days = daysBetween(FIRST_DAY, LAST_DAY);
  // A repeatable sequence: the screenshots do not change between runs.
  const next = seededRandom(42);
  const accounts: SeedAccount[] = COMPANIES.map(([name, domain, , users, plan], a) => ({
    trackingId: `acct_${String(a + 1).padStart(3, '0')}`,
    name,
    domain,
    traits: { plan, status: plan === 'trial' ? 'trial' : 'customer' },
    users: Array.from({ length: users }, (_, u) => {
      const first = PEOPLE[(a + u * 3) % PEOPLE.length];
      return { id: `user_${a + 1}_${u + 1}`, name: `${first} ${name.split(' ')[0]}`, email: `${first.toLowerCase()}@${domain}` };
    }),
  }));
  const activity: SeedActivity[] = [];
  accounts.forEach((account, a) => {
    const shape = COMPANIES[a][2];
    account.users.forEach((user, u) => {
      days.forEach((day, i) => {
        const mean = intensity(shape, i, days.length) * (u === 0 ? 1.5 : 1);
        const count = Math.floor(mean * 2 * next());
        // The later events of the list are the rarer features: the usage bars show unused ones.
        const event = EVENTS[Math.min(EVENTS.length - 1, Math.floor(next() * next() * EVENTS.length))];
        if (count > 0) activity.push({ user: user.id, event, day, count });
      });
    });
  });
  return {
    accounts,
    activity,
    features: [
      { name: 'Reports', events: ['Report Created', 'Export Downloaded'], weight: 3 },
      { name: 'Dashboards', events: ['Dashboard Viewed'], weight: 1 },
      { name: 'Collaboration', events: ['Invite Sent'], weight: 2 },
      { name: 'Alerts', events: ['Alert Configured'], weight: 2 },
    ],
    segments: [
      { name: 'Expansion candidates', rule: 'engagement_score >= 70 AND active_users >= 2' },
      { name: 'Churn watch', rule: 'engagement_score < 40' },
    ],
    activation: 'Report Created,Invite Sent>=2',
    scoreAt: days.map((day) => `${day}T23:00:00Z`),
  };
}

async function shoot(page: Page, url: string, name: string, ready: (page: Page) => Promise<unknown>): Promise<void> {
  await page.goto(url);
  await ready(page);
  await page.screenshot({ path: path.join(OUT, `${name}.png`) });
  console.log(`docs/screenshots/${name}.png`);
}

/** The harness names its workspaces by a UUID; the header of a screenshot reads better with a name. */
async function nameWorkspace(databaseUrl: string, workspaceId: string, name: string): Promise<void> {
  const pool = new Pool({ connectionString: databaseUrl, max: 1 });
  await pool.query('UPDATE workspaces SET name = $2 WHERE workspace_id = $1', [workspaceId, name]);
  await pool.end();
}

async function main(): Promise<void> {
  execFileSync(
    process.execPath,
    [path.join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '-c', 'apps/dashboard/vite.config.mts', '--logLevel', 'warn'],
    {
      cwd: ROOT,
      stdio: 'inherit',
    },
  );
  const stack = await startStack({ rescoreDelayMs: 3_600_000 }, { now: () => new Date(`${LAST_DAY}T23:30:00Z`) });
  const browser = await launchChromium();
  try {
    await stack.api.listen(0, '127.0.0.1');
    const base = await stack.api.getUrl();
    const seeded = await seedDashboard(stack, demoScenario());
    await nameWorkspace(stack.ingest.config.databaseUrl, seeded.workspaceId, 'Acme Analytics (demo)');
    fs.mkdirSync(OUT, { recursive: true });
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });

    await shoot(page, `${base}/app/sign-in`, 'sign-in', (p) => p.getByLabel('Read token').waitFor());
    await page.getByLabel('Read token').fill(seeded.token);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(`${base}/app/accounts`);

    await shoot(page, `${base}/app/accounts`, 'accounts', (p) => p.locator('.accounts-table tbody tr').first().waitFor());
    const globex = seeded.accountIds.get('acct_002');
    await shoot(page, `${base}/app/accounts/${globex}`, 'account', (p) => p.locator('.chart canvas').waitFor());
    await shoot(page, `${base}/app/segments`, 'segments', (p) => p.locator('table tbody tr').first().waitFor());
    await shoot(page, `${base}/app/feed`, 'feed', (p) => p.locator('.signal-list, .status-empty').first().waitFor());
    await shoot(page, `${base}/app/settings`, 'settings', (p) => p.getByRole('heading', { name: 'Destinations' }).waitFor());
  } finally {
    await browser.close();
    await stack.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

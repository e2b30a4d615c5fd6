import fs from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { Pool } from 'pg';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium } from '../support/browser';
import { seedDashboard, type DashboardScenario, type SeededWorkspace } from '../support/dashboard-seed';
import { startStack, type Stack } from '../support/stack';

// The dashboard in Chromium against ingest, worker and api of this process, on a workspace
// seeded through the ingest and scored on three days.
//
// Nothing configured: every event weighs 1 over 30 days. On the last day the raw scores are
// Acme 2+3+1 = 6, Zulu 1+4 = 5, Mango 1; the benchmark B is their 90th percentile,
// 5 + 0.8 * (6 - 5) = 5.8, and a score is 1 + 99 * (1 - 10^(-raw / B)) to one decimal:
// Acme 90.9, Zulu 86.4, Mango 33.4. Only Mango is under 50, the custom segment's rule.
const SCENARIO: DashboardScenario = {
  accounts: [
    { trackingId: 'acme', name: 'Acme', domain: 'acme.test', users: [{ id: 'ann', name: 'Ann Archer', email: 'ann@acme.test' }] },
    { trackingId: 'zulu', name: 'Zulu', domain: 'zulu.test', users: [{ id: 'bob', name: 'Bob Brown', email: 'bob@zulu.test' }] },
    { trackingId: 'mango', name: 'Mango', domain: 'mango.test', users: [{ id: 'cat', name: 'Cat Cole', email: 'cat@mango.test' }] },
  ],
  activity: [
    { user: 'ann', event: 'Report Created', day: '2025-03-01', count: 2 },
    { user: 'bob', event: 'Report Created', day: '2025-03-01', count: 1 },
    { user: 'ann', event: 'Report Created', day: '2025-03-02', count: 3 },
    { user: 'cat', event: 'Report Created', day: '2025-03-02', count: 1 },
    { user: 'ann', event: 'Report Created', day: '2025-03-03', count: 1 },
    { user: 'bob', event: 'Report Created', day: '2025-03-03', count: 4 },
  ],
  segments: [{ name: 'Needs attention', rule: 'engagement_score < 50' }],
  scoreAt: ['2025-03-01T12:00:00Z', '2025-03-02T12:00:00Z', '2025-03-03T12:00:00Z'],
};
const BY_SCORE = ['Acme', 'Zulu', 'Mango'];

describe('the dashboard in Chromium', () => {
  let stack: Stack;
  let seeded: SeededWorkspace;
  let browser: Browser;
  let base: string;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    // The worker's own rescore would score at the real now: pushed out of the way. The api's
    // clock is on the last scored day, so its "last 30/90 days" hold the three.
    stack = await startStack({ rescoreDelayMs: 3_600_000 }, { now: () => new Date('2025-03-03T20:00:00Z') });
    await stack.api.listen(0, '127.0.0.1');
    base = await stack.api.getUrl();
    seeded = await seedDashboard(stack, SCENARIO);
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await stack?.close();
  });

  async function newPage(): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, acceptDownloads: true });
    context.setDefaultTimeout(10_000);
    contexts.push(context);
    return context.newPage();
  }

  async function signIn(page: Page, token = seeded.token): Promise<void> {
    await page.goto(`${base}/app/sign-in`);
    await page.getByLabel('Read token').fill(token);
    await page.getByRole('button', { name: 'Sign in' }).click();
  }

  async function signedIn(path = '/app/accounts'): Promise<Page> {
    const page = await newPage();
    await signIn(page);
    await page.waitForURL(`${base}/app/accounts`);
    if (path !== '/app/accounts') await page.goto(`${base}${path}`);
    return page;
  }

  const accountNames = (page: Page) => page.locator('.accounts-table tbody tr td:first-child').allInnerTexts();

  /** The table's account names once they are `names` (the API answers after the click). */
  async function expectNames(page: Page, names: string[]): Promise<void> {
    let shown = await accountNames(page);
    for (let attempt = 0; attempt < 100 && shown.join('|') !== names.join('|'); attempt += 1) {
      await page.waitForTimeout(100);
      shown = await accountNames(page);
    }
    expect(shown).toEqual(names);
  }

  async function expectNoSeriousViolations(page: Page): Promise<void> {
    const results = await new AxeBuilder({ page }).analyze();
    const serious = results.violations
      .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
      .map((violation) => `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(' ')).join(', ')})`);
    expect(serious).toEqual([]);
  }

  it('signs in with the read token, names the workspace, and shows the seeded accounts with their exact scores', async () => {
    const page = await newPage();
    await page.goto(`${base}/`);
    await page.waitForURL(`${base}/app/sign-in`);
    await signIn(page);
    await page.waitForURL(`${base}/app/accounts`);
    await expect(page.locator('.workspace').innerText()).resolves.toMatch(/^ingest-test-/);
    await expectNames(page, BY_SCORE);
    const acme = page.locator(`tr[data-account-id="${seeded.accountIds.get('acme')}"]`);
    await expect(acme.locator('[data-column="score"]').innerText()).resolves.toBe('90.9');
    expect(await page.locator('[data-column="score"]').allInnerTexts()).toEqual(['90.9', '86.4', '33.4']);
    await expect(acme.locator('.chip', { hasText: 'Highly engaged' }).count()).resolves.toBe(1);
    await expect(acme.locator('svg.sparkline polyline').count()).resolves.toBe(1);
    await expect(page.evaluate(() => performance.getEntriesByName('coil:accounts-interactive').length)).resolves.toBe(1);

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(/\/app\/sign-in/);
    await expect(page.evaluate<number>('sessionStorage.length')).resolves.toBe(0);
  });

  it('sorts by a clicked header through the API, and keeps the sort in the URL', async () => {
    const page = await signedIn();
    await expectNames(page, BY_SCORE);
    const nameHeader = page.locator('th', { has: page.getByRole('button', { name: /^Name/ }) });
    await expect(nameHeader.getAttribute('aria-sort')).resolves.toBe('none');

    await page.getByRole('button', { name: /^Name/ }).click();
    await expectNames(page, ['Acme', 'Mango', 'Zulu']);
    await expect(nameHeader.getAttribute('aria-sort')).resolves.toBe('ascending');
    expect(new URL(page.url()).searchParams.get('sort')).toBe('name');

    await page.getByRole('button', { name: /^Name/ }).click();
    await expectNames(page, ['Zulu', 'Mango', 'Acme']);
    await expect(nameHeader.getAttribute('aria-sort')).resolves.toBe('descending');

    // The shared URL opens the same view.
    const shared = await signedIn(new URL(page.url()).pathname + new URL(page.url()).search);
    await expectNames(shared, ['Zulu', 'Mango', 'Acme']);
  });

  it('filters by a segment, and the CSV export downloads the rows of the current filter', async () => {
    const page = await signedIn();
    await expectNames(page, BY_SCORE);
    const exportAll = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export CSV' }).click();
    const download = await exportAll;
    expect(download.suggestedFilename()).toBe(`accounts-${seeded.workspaceId}-2025-03-03.csv`);
    const lines = fs
      .readFileSync(await download.path(), 'utf8')
      .split('\r\n')
      .filter(Boolean);
    expect(lines[0]).toBe(
      'id,name,domain,tracking_id,engagement_score,engagement_score_change,trend,active_users,total_people_count,last_seen,segments',
    );
    expect(lines.slice(1).map((line) => line.split(',').slice(1, 5))).toEqual([
      ['Acme', 'acme.test', 'acme', '90.9'],
      ['Zulu', 'zulu.test', 'zulu', '86.4'],
      ['Mango', 'mango.test', 'mango', '33.4'],
    ]);

    await page.getByLabel('Segment').selectOption({ label: 'Needs attention (1)' });
    await expectNames(page, ['Mango']);
    await expect(page.getByRole('heading', { level: 1 }).innerText()).resolves.toBe('Accounts: Needs attention');
    expect(new URL(page.url()).searchParams.get('segment')).toMatch(/^\d+$/);
    const exportSegment = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export CSV' }).click();
    const segmentLines = fs
      .readFileSync(await (await exportSegment).path(), 'utf8')
      .split('\r\n')
      .filter(Boolean);
    expect(segmentLines).toHaveLength(2);
    expect(segmentLines[1]).toContain(',Mango,mango.test,mango,33.4,');
    expect(segmentLines[1]).toContain('Needs attention');

    await page.getByLabel('Search').fill('zul');
    await page.getByLabel('Segment').selectOption({ label: 'All accounts' });
    await expectNames(page, ['Zulu']);
  });

  it('opens an account at /app/accounts/:id with its score and a 90-day chart of every scored day', async () => {
    const page = await signedIn();
    await expectNames(page, BY_SCORE);
    await page.getByRole('link', { name: 'Acme' }).click();
    await page.waitForURL(`${base}/app/accounts/${seeded.accountIds.get('acme')}`);
    await expect(page.getByTestId('account-score').innerText()).resolves.toBe('90.9');
    const chart = page.locator('.chart[data-points]');
    await expect(chart.getAttribute('data-points')).resolves.toBe(String(SCENARIO.scoreAt.length));
    await expect(chart.getAttribute('aria-label')).resolves.toContain('3 scored days, latest 90.9');
    await chart.locator('canvas').waitFor();
    await page.getByRole('cell', { name: 'Ann Archer' }).waitFor();
    await expectNoSeriousViolations(page);
  });

  it('refuses a wrong token and a revoked one with the API message and shows no data', async () => {
    const revoked = await stack.ingest.admin.createToken(stack.ingest.workspaceId);
    await stack.ingest.admin.revokeToken(stack.ingest.workspaceId, { id: revoked.id });
    for (const token of ['coil_wrong_token', revoked.api_token]) {
      const refused = await fetch(`${base}/v1/me`, { headers: { authorization: `Bearer ${token}` } });
      const { error } = (await refused.json()) as { error: { message: string } };
      expect(refused.status).toBe(401);

      const page = await newPage();
      await signIn(page, token);
      await expect(page.getByRole('alert').innerText()).resolves.toBe(error.message);
      expect(new URL(page.url()).pathname).toBe('/app/sign-in');
      await expect(page.locator('table').count()).resolves.toBe(0);
      await expect(page.evaluate<number>('sessionStorage.length')).resolves.toBe(0);
    }
  });

  it('returns to sign-in with the message when a later request is refused (token revoked meanwhile)', async () => {
    const page = await signedIn();
    await expectNames(page, BY_SCORE);
    // The api trusts a valid token for up to 30 s after it was revoked (its credential cache),
    // so the refusal it then gives is played here.
    const refusal = { error: { message: 'Invalid or expired token', status: 'unauthorized', code: 'unauthorized' } };
    await page.route('**/v1/signals?**', (route) =>
      route.fulfill({ status: 401, contentType: 'application/json', body: JSON.stringify(refusal) }),
    );
    await page.getByRole('link', { name: 'Feed' }).click();
    await page.waitForURL(/\/app\/sign-in\?next=%2Fapp%2Ffeed/);
    await expect(page.getByRole('alert').innerText()).resolves.toBe('Invalid or expired token');
    await expect(page.evaluate<number>('sessionStorage.length')).resolves.toBe(0);
  });

  it('checks a kept token again on reload, and a refusal then ends the session', async () => {
    const page = await signedIn();
    await expectNames(page, BY_SCORE);
    const refusal = { error: { message: 'Invalid or expired token', status: 'unauthorized', code: 'unauthorized' } };
    await page.route('**/v1/me', (route) => route.fulfill({ status: 401, contentType: 'application/json', body: JSON.stringify(refusal) }));
    await page.reload();
    await page.waitForURL(/\/app\/sign-in/);
    await expect(page.getByRole('alert').innerText()).resolves.toBe('Invalid or expired token');
    await expect(page.evaluate<number>('sessionStorage.length')).resolves.toBe(0);
  });

  it('has no serious or critical accessibility violations on Accounts, Segments and Feed', async () => {
    const page = await signedIn();
    await expectNames(page, BY_SCORE);
    await expectNoSeriousViolations(page);

    await page.getByRole('link', { name: 'Segments' }).click();
    await page.getByRole('link', { name: 'Needs attention' }).waitFor();
    await expect(
      page
        .getByRole('row', { name: /Needs attention/ })
        .getByRole('cell')
        .nth(2)
        .innerText(),
    ).resolves.toBe('1');
    await expectNoSeriousViolations(page);

    await page.getByRole('link', { name: 'Feed' }).click();
    await page.getByRole('heading', { name: 'Feed' }).waitFor();
    await page.locator('.signal-list, .status-empty').first().waitFor();
    await expectNoSeriousViolations(page);
  });

  it('shows on the account page what the score is made of and, against a score one frame earlier, what moved it', async () => {
    // Zulu (never opened before, so nothing is cached) gets a stored score one 30-day frame back,
    // when it had no events: its 5 events now are the whole change.
    const pool = new Pool({ connectionString: stack.ingest.config.databaseUrl, max: 1 });
    await pool.query(
      `INSERT INTO account_scores (workspace_id, profile_id, account_id, period, raw_score, engagement_score, benchmark, active_users,
         activation_rate, overall_scored_events, recently_scored_events, scoring_profile_events, total_people_count, total_active_people_count)
       SELECT workspace_id, profile_id, account_id, '2025-02-01', 0, 95, benchmark, 0, 0, 0, 0, 0, total_people_count, 0
       FROM account_scores WHERE account_id = $1 AND period = '2025-03-03'`,
      [seeded.accountIds.get('zulu')],
    );
    await pool.end();
    const page = await signedIn(`/app/accounts/${seeded.accountIds.get('zulu')}`);
    const contributions = page.getByTestId('contributions');
    await contributions.waitFor();
    await expect(contributions.locator('tbody tr').allInnerTexts()).resolves.toEqual(['Report Created\t5 × 1\t5\t100.0%']);
    await expect(page.getByTestId('drivers').locator('li').allInnerTexts()).resolves.toEqual(['Report Created: +5 points']);
    await page.getByText('From 95.0 on Feb 1, 2025 to 86.4.').waitFor();
    await expectNoSeriousViolations(page);
  });
});

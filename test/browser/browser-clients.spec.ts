import { isDeepStrictEqual } from 'node:util';
import { Pool } from 'pg';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium } from '../support/browser';
import { PageServer } from '../support/page-server';
import { startIngest } from '../support/ingest-harness';
import { RecordingProxy, type RecordedRequest } from '../support/recording-proxy';
import { startStack, type Stack } from '../support/stack';
import { amplitudePage, BLANK_PAGE, CLIENT_SCRIPTS, segmentPage } from './client-pages';

// The real browser libraries in Chromium, on a page of another origin than the ingest (two
// ports of 127.0.0.1), so every call with a JSON body or an Authorization header is preflighted.
// The ingest sits behind a recording proxy: the test sees the preflights the page never does.
// Events go through the worker's roll-up and are read back through the read API.

/** Segment's user, account and calls; page('Pricing') counts as "Viewed Pricing Page". */
const SEGMENT_USER = 'seg-ann';
const SEGMENT_ACCOUNT = 'seg-acme';
const SEGMENT_USER_TRAITS = { name: 'Ann Archer', email: 'ann@acme.test', plan: 'pro' };
const SEGMENT_ACCOUNT_TRAITS = { name: 'Acme', domain: 'acme.test', seats: 12 };
const SEGMENT_CALLS = `[
  () => analytics.identify(${JSON.stringify(SEGMENT_USER)}, ${JSON.stringify(SEGMENT_USER_TRAITS)}),
  () => analytics.group(${JSON.stringify(SEGMENT_ACCOUNT)}, ${JSON.stringify(SEGMENT_ACCOUNT_TRAITS)}),
  () => analytics.track('Report Created', { format: 'pdf' }),
  () => analytics.track('Report Created'),
  () => analytics.track('Export Downloaded', { rows: 10 }),
  () => analytics.track('Report Created'),
  () => analytics.track('Export Downloaded'),
  () => analytics.page('Pricing'),
  () => analytics.page('Pricing', { plan: 'pro' }),
]`;
/** Tracked on the batching page and sent only when the page goes away. */
const UNLOAD_EVENT = 'Dashboard Shared';
const SEGMENT_COUNTS = { 'Report Created': 3, 'Export Downloaded': 2, 'Viewed Pricing Page': 2, [UNLOAD_EVENT]: 2 };

/**
 * Amplitude's user and account: the second identify sets, sets once (kept: already set) and
 * unsets; the second group identify the same on the account. Tracks carry the group.
 */
const AMPLITUDE_USER = 'amp-bob';
const AMPLITUDE_ACCOUNT = 'amp-zulu';
const AMPLITUDE_USER_TRAITS = { plan: 'pro', first_seen: '2025-01-01' };
const AMPLITUDE_ACCOUNT_TRAITS = { name: 'Zulu', tier: 'platinum', founded: 1999, group_type: 'org' };
const AMPLITUDE_COUNTS = { 'Report Created': 2, 'Invite Sent': 1 };

const ROLL_UP_DEADLINE_MS = 20_000;

interface Snapshot {
  counts: Record<string, number>;
  userTraits: Record<string, unknown> | null;
  accountTraits: Record<string, unknown> | null;
  member: boolean;
}

describe('browser clients on a page of another origin send to the ingest', () => {
  let stack: Stack;
  let proxy: RecordingProxy;
  let site: PageServer;
  let browser: Browser;
  let pool: Pool;
  /** The ingest as the page sees it (the recording proxy), and the page's own origin. */
  let ingest: string;
  let origin: string;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    // Scoring is not under test: the worker's rescore is pushed out of the way.
    stack = await startStack({ rescoreDelayMs: 3_600_000 });
    proxy = new RecordingProxy(new URL(stack.ingest.url));
    ingest = await proxy.listen();
    const writeKey = stack.ingest.apiKey;
    site = new PageServer({
      pages: {
        '/segment.html': segmentPage({ writeKey, ingest }),
        // Batched, and nothing flushed before the page goes away (timeout 60 s, room for 100).
        '/segment-unload.html': segmentPage({
          writeKey,
          ingest,
          deliveryStrategy: { strategy: 'batching', config: { size: 100, timeout: 60_000 } },
        }),
        '/amplitude.html': amplitudePage(),
        '/bye.html': BLANK_PAGE,
      },
      scripts: CLIENT_SCRIPTS,
    });
    origin = await site.listen();
    browser = await launchChromium();
    pool = new Pool({ connectionString: stack.ingest.config.databaseUrl, max: 2 });
  });

  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => undefined);
    await browser?.close();
    await site?.close();
    await proxy?.close();
    await stack?.close();
    await pool?.end();
  });

  /** A fresh browser profile's page, and what went wrong in it: console errors, page errors, failed requests. */
  async function newPage(): Promise<{ page: Page; problems: string[] }> {
    const context = await browser.newContext();
    context.setDefaultTimeout(10_000);
    contexts.push(context);
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console: ${message.text()}`);
    });
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    // A refused CORS request fails as net::ERR_FAILED; ERR_ABORTED is a response still streaming
    // when the test navigates away (analytics.js never reads the bodies), not a failed delivery.
    page.on('requestfailed', (request) => {
      const failure = request.failure()?.errorText;
      if (failure !== 'net::ERR_ABORTED') problems.push(`request failed: ${request.method()} ${request.url()} ${failure}`);
    });
    return { page, problems };
  }

  /** Waits for the standalone analytics.js to replace the snippet's stub; on failure, says what the page saw. */
  async function analyticsLoaded(page: Page, problems: string[]): Promise<void> {
    try {
      await page.waitForFunction('window.analytics && window.analytics.initialized === true');
    } catch (error) {
      throw new Error(`analytics.js did not load; the page saw: ${JSON.stringify(problems)}`, { cause: error });
    }
  }

  /** The proxy's requests from index `from` on, on the given paths, as "METHOD path status". */
  function requestsSince(from: number, keep: (path: string) => boolean): string[] {
    return proxy.requests
      .slice(from)
      .filter((request) => keep(request.path))
      .map((request) => `${request.method} ${request.path} ${request.status}`);
  }

  /** Every request the page's origin made since `from` got an Access-Control-Allow-Origin it accepts. */
  function expectCorsAnswers(from: number): void {
    const fromPage = proxy.requests.slice(from).filter((request) => request.origin === origin);
    expect(fromPage.length).toBeGreaterThan(0);
    const refused = fromPage.filter((request) => request.allowOrigin !== '*' && request.allowOrigin !== origin);
    expect(refused).toEqual([]);
  }

  function preflights(from: number): RecordedRequest[] {
    return proxy.requests.slice(from).filter((request) => request.method === 'OPTIONS');
  }

  async function snapshot(user: string, account: string): Promise<Snapshot> {
    const result = await pool.query<Snapshot>(
      `SELECT
         (SELECT COALESCE(jsonb_object_agg(event, n), '{}'::jsonb) FROM (
            SELECT dc.event, SUM(dc.count)::int AS n
            FROM daily_counts dc JOIN users u ON u.workspace_id = dc.workspace_id AND u.id = dc.user_id
            WHERE dc.workspace_id = $1::bigint AND u.external_id = $2
            GROUP BY dc.event) c) AS counts,
         (SELECT traits FROM users WHERE workspace_id = $1::bigint AND external_id = $2) AS "userTraits",
         (SELECT traits FROM accounts WHERE workspace_id = $1::bigint AND tracking_id = $3) AS "accountTraits",
         EXISTS (SELECT 1 FROM memberships m
                 JOIN users u ON u.workspace_id = m.workspace_id AND u.id = m.user_id
                 JOIN accounts a ON a.workspace_id = m.workspace_id AND a.id = m.account_id
                 WHERE m.workspace_id = $1::bigint AND u.external_id = $2 AND a.tracking_id = $3) AS member`,
      [stack.ingest.workspaceId, user, account],
    );
    return result.rows[0];
  }

  /** Polls the roll-up until it holds `expected` or the deadline passes; the last snapshot. */
  async function rolledUp(user: string, account: string, expected: Snapshot): Promise<Snapshot> {
    const deadline = Date.now() + ROLL_UP_DEADLINE_MS;
    let current = await snapshot(user, account);
    while (!isDeepStrictEqual(current, expected) && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      current = await snapshot(user, account);
    }
    return current;
  }

  async function get<T>(path: string): Promise<{ status: number; body: T }> {
    const separator = path.includes('?') ? '&' : '?';
    const response = await stack.api.inject({
      method: 'GET',
      url: `${path}${separator}workspace_id=${stack.ingest.workspaceId}`,
      headers: { authorization: `Bearer ${stack.token}` },
    });
    return { status: response.statusCode, body: response.json<T>() };
  }

  interface AccountBody {
    id: string;
    tracking_id: string;
    name: string | null;
    domain: string | null;
    traits: Record<string, unknown>;
  }
  interface FeaturesBody {
    features: { name: string; events: number; users: number }[];
    used: string[];
  }

  /** The account's events per event name over today and yesterday (UTC), as the read API counts them. */
  async function accountEvents(trackingId: string): Promise<Record<string, number>> {
    const answer = await get<FeaturesBody>(`/v1/accounts/features?match_type=tracking_id&match_value=${trackingId}&days=2`);
    expect(answer.status).toBe(200);
    const used = answer.body.features.filter((feature) => feature.events > 0);
    expect(used.every((feature) => feature.users === 1)).toBe(true);
    expect([...answer.body.used].sort()).toEqual(used.map((feature) => feature.name).sort());
    return Object.fromEntries(used.map((feature) => [feature.name, feature.events]));
  }

  it('@segment/analytics-next (standalone): settings from the ingest, identify, group, track and page delivered and rolled up', async () => {
    const { page, problems } = await newPage();
    const from = proxy.requests.length;
    await page.goto(`${origin}/segment.html`);
    await analyticsLoaded(page, problems);

    // Each call awaited in turn: analytics.js resolves once its request was answered.
    const failed = await page.evaluate<string[]>(`(async () => {
      const failed = [];
      for (const call of ${SEGMENT_CALLS}) {
        const ctx = await call();
        if (ctx.failedDelivery()) failed.push(ctx.event.type + ': ' + String(ctx.failedDelivery().reason));
      }
      return failed;
    })()`);
    expect(failed).toEqual([]);

    // Its metrics endpoint: answered 200 to the page (a simple text/plain request, readable through CORS).
    const metrics = await page.evaluate<number>(`fetch(${JSON.stringify(`${ingest}/v1/m`)}, {
      method: 'POST',
      headers: { 'Content-Type': 'text/plain' },
      body: JSON.stringify({ series: [{ type: 'Counter', metric: 'analytics_js.invoke', value: 1, tags: { library: 'analytics.js' } }] }),
    }).then((response) => response.status)`);
    expect(metrics).toBe(200);

    const settingsPath = `/v1/projects/${stack.ingest.apiKey}/settings`;
    expect(requestsSince(from, (path) => path !== '/v1/m')).toEqual([
      `GET ${settingsPath} 200`,
      'OPTIONS /v1/i 204',
      'POST /v1/i 202',
      'OPTIONS /v1/g 204',
      'POST /v1/g 202',
      'OPTIONS /v1/t 204',
      ...Array.from({ length: 5 }, () => 'POST /v1/t 202'),
      'OPTIONS /v1/p 204',
      'POST /v1/p 202',
      'POST /v1/p 202',
    ]);
    // The preflights asked for analytics.js's Authorization header (text/plain needs none).
    expect(preflights(from).map((request) => request.requestedHeaders)).toEqual(Array.from({ length: 4 }, () => ['authorization']));
    expectCorsAnswers(from);

    // The page-unload path: batched events still buffered when the user leaves go out in a
    // keepalive request from analytics.js's pagehide handler.
    const beforeUnload = proxy.requests.length;
    await page.goto(`${origin}/segment-unload.html`);
    await analyticsLoaded(page, problems);
    await page.evaluate(
      `Promise.all([analytics.track(${JSON.stringify(UNLOAD_EVENT)}), analytics.track(${JSON.stringify(UNLOAD_EVENT)}, { via: 'link' })])`,
    );
    expect(requestsSince(beforeUnload, (path) => path === '/v1/b')).toEqual([]);
    await page.goto(`${origin}/bye.html`);
    const deadline = Date.now() + 10_000;
    while (requestsSince(beforeUnload, (path) => path === '/v1/b').length < 2 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(requestsSince(beforeUnload, (path) => path === '/v1/b')).toEqual(['OPTIONS /v1/b 204', 'POST /v1/b 202']);
    expectCorsAnswers(beforeUnload);
    expect(problems).toEqual([]);

    const expected: Snapshot = {
      counts: SEGMENT_COUNTS,
      userTraits: SEGMENT_USER_TRAITS,
      accountTraits: SEGMENT_ACCOUNT_TRAITS,
      member: true,
    };
    expect(await rolledUp(SEGMENT_USER, SEGMENT_ACCOUNT, expected)).toEqual(expected);

    const account = await get<AccountBody>(`/v1/accounts?match_type=tracking_id&match_value=${SEGMENT_ACCOUNT}&expand=traits`);
    expect(account.status).toBe(200);
    expect(account.body).toMatchObject({ tracking_id: SEGMENT_ACCOUNT, name: 'Acme', domain: 'acme.test' });
    expect(account.body.traits).toEqual(SEGMENT_ACCOUNT_TRAITS);
    expect(await accountEvents(SEGMENT_ACCOUNT)).toEqual(SEGMENT_COUNTS);
    const user = await get<object>(`/v1/users?match_type=external_id&match_value=${SEGMENT_USER}`);
    expect(user.status).toBe(200);
    expect(user.body).toMatchObject({
      external_id: SEGMENT_USER,
      name: 'Ann Archer',
      email: 'ann@acme.test',
      account_ids: [account.body.id],
    });
  });

  it('@amplitude/analytics-browser: Identify $set/$setOnce/$unset, groupIdentify, tracks with groups, /2/httpapi and /batch', async () => {
    const { page, problems } = await newPage();
    const from = proxy.requests.length;
    await page.goto(`${origin}/amplitude.html`);

    // Awaited one by one, so each call is its own request and the later call carries the later time.
    const results = await page.evaluate<string[]>(`(async () => {
      const options = {
        serverUrl: ${JSON.stringify(`${ingest}/2/httpapi`)},
        autocapture: false,
        fetchRemoteConfig: false,
        enableDiagnostics: false,
        flushIntervalMillis: 10,
        flushMaxRetries: 1,
        logLevel: 1,
      };
      const key = ${JSON.stringify(stack.ingest.apiKey)};
      const user = ${JSON.stringify(AMPLITUDE_USER)};
      const groups = { org: ${JSON.stringify(AMPLITUDE_ACCOUNT)} };
      const Identify = amplitude.Identify;
      await amplitude.init(key, user, options).promise;
      const calls = [
        () => amplitude.identify(new Identify().set('plan', 'free').setOnce('first_seen', '2025-01-01').set('trial', 'yes')),
        () => amplitude.identify(new Identify().set('plan', 'pro').setOnce('first_seen', '2025-02-02').unset('trial')),
        () => amplitude.groupIdentify('org', groups.org, new Identify().set('name', 'Zulu').set('tier', 'gold').setOnce('founded', 1999).set('legacy', 'yes')),
        () => amplitude.groupIdentify('org', groups.org, new Identify().set('tier', 'platinum').setOnce('founded', 2001).unset('legacy')),
        () => amplitude.track('Report Created', { format: 'pdf' }, { groups }),
        () => amplitude.track('Report Created', undefined, { groups }),
      ];
      const results = [];
      for (const call of calls) results.push(await call().promise);
      // A second instance on the Batch Event Upload API, as useBatch with a self-hosted serverUrl.
      const batch = amplitude.createInstance();
      await batch.init(key, user, { ...options, instanceName: 'batch', useBatch: true, serverUrl: ${JSON.stringify(`${ingest}/batch`)} }).promise;
      results.push(await batch.track('Invite Sent', undefined, { groups }).promise);
      return results.map((result) => result.code + ' ' + result.event.event_type);
    })()`);
    expect(results).toEqual([
      '200 $identify',
      '200 $identify',
      '200 $groupidentify',
      '200 $groupidentify',
      '200 Report Created',
      '200 Report Created',
      '200 Invite Sent',
    ]);
    expect(requestsSince(from, () => true)).toEqual([
      'OPTIONS /2/httpapi 204',
      ...Array.from({ length: 6 }, () => 'POST /2/httpapi 200'),
      'OPTIONS /batch 204',
      'POST /batch 200',
    ]);
    expect(preflights(from).map((request) => request.requestedHeaders)).toEqual([['content-type'], ['content-type']]);
    expectCorsAnswers(from);
    expect(problems).toEqual([]);

    const expected: Snapshot = {
      counts: AMPLITUDE_COUNTS,
      userTraits: AMPLITUDE_USER_TRAITS,
      accountTraits: AMPLITUDE_ACCOUNT_TRAITS,
      member: true,
    };
    expect(await rolledUp(AMPLITUDE_USER, AMPLITUDE_ACCOUNT, expected)).toEqual(expected);

    const account = await get<AccountBody>(`/v1/accounts?match_type=tracking_id&match_value=${AMPLITUDE_ACCOUNT}&expand=traits`);
    expect(account.status).toBe(200);
    expect(account.body).toMatchObject({ tracking_id: AMPLITUDE_ACCOUNT, name: 'Zulu' });
    expect(account.body.traits).toEqual(AMPLITUDE_ACCOUNT_TRAITS);
    expect(await accountEvents(AMPLITUDE_ACCOUNT)).toEqual(AMPLITUDE_COUNTS);
    const user = await get<object>(`/v1/users?match_type=external_id&match_value=${AMPLITUDE_USER}`);
    expect(user.status).toBe(200);
    expect(user.body).toMatchObject({ external_id: AMPLITUDE_USER, account_ids: [account.body.id] });
  });

  it('INGEST_CORS_ORIGINS narrowed: a listed origin posts, the browser refuses another origin and nothing is queued', async () => {
    const narrowed = await startIngest({ ingestCorsOrigins: [origin] });
    const elsewhere = new PageServer({ pages: { '/app.html': BLANK_PAGE }, scripts: {} });
    const otherOrigin = await elsewhere.listen();
    try {
      // The body Amplitude's SDK posts (JSON, so preflighted), straight from each page.
      const post = `fetch(${JSON.stringify(`${narrowed.url}/2/httpapi`)}, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ api_key: ${JSON.stringify(narrowed.apiKey)}, events: [{ user_id: 'cors-user', event_type: 'Report Created' }] }),
      }).then((response) => String(response.status), (error) => error.name)`;

      const listed = await newPage();
      await listed.page.goto(`${origin}/bye.html`);
      await expect(listed.page.evaluate<string>(post)).resolves.toBe('200');
      expect(listed.problems).toEqual([]);
      expect((await narrowed.queuedEvents()).map((event) => event.event)).toEqual(['Report Created']);

      const other = await newPage();
      await other.page.goto(`${otherOrigin}/app.html`);
      await expect(other.page.evaluate<string>(post)).resolves.toBe('TypeError');
      expect(other.problems.some((problem) => problem.includes('CORS policy'))).toBe(true);
      expect(await narrowed.queuedEvents()).toHaveLength(1);
    } finally {
      await elsewhere.close();
      await narrowed.close();
    }
  });
});

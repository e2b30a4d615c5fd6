import { parseJson, runCli } from '../support/cli';
import { createWorkspace, testPool } from '../worker/support/worker-harness';
import { SECRET_KEY } from './support/delivery-harness';
import { storeSignals } from './support/outbox-rows';
import { WebhookReceiver } from './support/webhook-receiver';

interface Created {
  id: string;
  type: string;
  url: string;
  secret?: string;
  secret_hint: string | null;
  settings: Record<string, unknown>;
  kinds: string[] | null;
  segments: string[] | null;
  enabled: boolean;
}

describe('CLI: destination create|list|test|disable|enable|delete, deliveries list|retry', () => {
  const pool = testPool();
  const env = { COIL_SECRET_KEY: SECRET_KEY };
  let secret = '';
  const receiver = new WebhookReceiver(() => secret);
  let workspace: string;

  beforeAll(async () => {
    workspace = await createWorkspace(pool, 'destination cli');
    await receiver.start();
  });

  afterAll(async () => {
    await receiver.stop();
    await pool.end();
  });

  it('creates destinations of every type, shows a webhook secret once, and never lists secrets', async () => {
    const slackUrl = 'https://hooks.slack.com/services/T000/B000/XXXXXXXXsecretpart';
    const [webhook, slack, segment, hubspot] = await Promise.all([
      runCli(
        [
          'destination',
          'create',
          '--workspace',
          workspace,
          '--type',
          'webhook',
          '--url',
          receiver.url,
          '--kinds',
          'score_changed,activated',
          '--json',
        ],
        env,
      ),
      runCli(
        [
          'destination',
          'create',
          '--workspace',
          workspace,
          '--type',
          'slack',
          '--url',
          slackUrl,
          '--digest',
          '15m',
          '--segments',
          'Power,New',
          '--json',
        ],
        env,
      ),
      runCli(
        [
          'destination',
          'create',
          '--workspace',
          workspace,
          '--type',
          'segment',
          '--url',
          'https://api.segment.io',
          '--token',
          'seg-write-key-1234',
          '--json',
        ],
        env,
      ),
      runCli(
        [
          'destination',
          'create',
          '--workspace',
          workspace,
          '--type',
          'hubspot',
          '--url',
          'https://api.hubapi.com',
          '--token',
          'pat-na1-abcd',
          '--match',
          'domain',
          '--prefix',
          'acme',
          '--json',
        ],
        env,
      ),
    ]);
    const created = [webhook, slack, segment, hubspot].map((run) => parseJson<Created>(run));
    secret = created[0].secret!;
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{32}$/);
    expect(created[0]).toMatchObject({
      type: 'webhook',
      url: receiver.url,
      kinds: ['score_changed', 'activated'],
      secret_hint: `…${secret.slice(-4)}`,
    });
    expect(created[1]).toMatchObject({
      type: 'slack',
      url: 'https://hooks.slack.com/…part',
      settings: { digest_seconds: 900 },
      segments: ['Power', 'New'],
    });
    expect(created[1].secret).toBeUndefined();
    expect(created[2]).toMatchObject({ type: 'segment', settings: { trait_prefix: 'coil' }, secret_hint: '…1234' });
    expect(created[3]).toMatchObject({ type: 'hubspot', settings: { trait_prefix: 'acme', match: 'domain' }, secret_hint: '…abcd' });

    const [json, prose] = await Promise.all([
      runCli(['destination', 'list', '--workspace', workspace, '--json'], env),
      runCli(['destination', 'list', '--workspace', workspace], env),
    ]);
    const listed = parseJson<Created[]>(json);
    expect(listed.map((destination) => destination.id)).toEqual(
      created.map((destination) => destination.id).sort((a, b) => Number(a) - Number(b)),
    );
    for (const output of [json.stdout, prose.stdout]) {
      for (const hidden of [secret, slackUrl, 'seg-write-key-1234', 'pat-na1-abcd']) expect(output).not.toContain(hidden);
    }
    expect(prose.stdout).toContain(
      `${created[0].id}\twebhook\t${receiver.url}\tscore_changed,activated\tenabled\tsecret …${secret.slice(-4)}`,
    );
  });

  it('tests a webhook with a signed sample signal and reports the answer', async () => {
    const webhook = parseJson<Created[]>(await runCli(['destination', 'list', '--workspace', workspace, '--json'], env)).find(
      (destination) => destination.type === 'webhook',
    )!;
    const report = parseJson<{ outcome: string; status_code: number }>(
      await runCli(['destination', 'test', '--workspace', workspace, '--id', webhook.id, '--json'], env),
    );
    expect(report).toMatchObject({ destination_id: webhook.id, outcome: 'delivered', status_code: 200, response: 'ok', error: null });
    expect(receiver.rejectedSignatures).toBe(0);
    expect([...receiver.accepted.values()].map((received) => received.signal.kind)).toEqual(['score_changed']);

    receiver.answer = () => ({ status: 410, body: 'gone' });
    const refused = await runCli(['destination', 'test', '--workspace', workspace, '--id', webhook.id], env);
    expect(refused).toMatchObject({
      code: 0,
      stdout: expect.stringMatching(new RegExp(`^Destination ${webhook.id}: HTTP 410 in \\d+ ms, failed\\n$`)),
    });
    receiver.answer = () => undefined;
  });

  it('disables and enables a destination, lists and retries its failed deliveries, and deletes it', async () => {
    const webhook = parseJson<Created[]>(await runCli(['destination', 'list', '--workspace', workspace, '--json'], env)).find(
      (destination) => destination.type === 'webhook',
    )!;
    const disabled = parseJson<Created & { disabled_reason: string }>(
      await runCli(['destination', 'disable', '--workspace', workspace, '--id', webhook.id, '--json'], env),
    );
    expect(disabled).toMatchObject({ enabled: false, disabled_reason: 'disabled by an operator' });

    const [failed, delivered] = await storeSignals(pool, workspace, webhook.id, ['7', '8']);
    await pool.query(`UPDATE deliveries SET status = 'failed', attempts = 7, last_error = 'HTTP 500' WHERE signal_id = $1`, [failed.id]);
    await pool.query(`UPDATE deliveries SET status = 'delivered', attempts = 1, delivered_at = now() WHERE signal_id = $1`, [delivered.id]);
    const [all, onlyFailed, prose] = await Promise.all([
      runCli(['deliveries', 'list', '--workspace', workspace, '--destination', webhook.id, '--json'], env),
      runCli(['deliveries', 'list', '--workspace', workspace, '--failed', '--json'], env),
      runCli(['deliveries', 'list', '--workspace', workspace, '--failed'], env),
    ]);
    expect(parseJson<{ signal_id: string }[]>(all).map((row) => row.signal_id)).toEqual([delivered.id, failed.id]);
    expect(parseJson(onlyFailed)).toEqual([
      expect.objectContaining({
        destination_id: webhook.id,
        signal_id: failed.id,
        status: 'failed',
        attempts: 7,
        last_error: 'HTTP 500',
        attempt_log: [],
      }),
    ]);
    expect(prose.stdout).toContain(`destination ${webhook.id}\t${failed.id}\tscore_changed\tfailed after 7 attempt(s): HTTP 500`);

    const retried = parseJson(await runCli(['deliveries', 'retry', '--workspace', workspace, '--destination', webhook.id, '--json'], env));
    expect(retried).toEqual({ destination_id: webhook.id, retried: 1 });
    const row = await pool.query('SELECT status, attempts, last_error FROM deliveries WHERE signal_id = $1', [failed.id]);
    expect(row.rows[0]).toEqual({ status: 'pending', attempts: 0, last_error: null });

    const enabled = parseJson<Created>(
      await runCli(['destination', 'enable', '--workspace', workspace, '--id', webhook.id, '--json'], env),
    );
    expect(enabled).toMatchObject({ enabled: true, disabled_reason: null, failing_since: null });

    const deleted = await runCli(['destination', 'delete', '--workspace', workspace, '--id', webhook.id], env);
    expect(deleted.code).toBe(0);
    const left = await pool.query('SELECT count(*)::int AS count FROM deliveries WHERE workspace_id = $1 AND destination_id = $2', [
      workspace,
      webhook.id,
    ]);
    expect(left.rows[0].count).toBe(0);
    const again = await runCli(['destination', 'delete', '--workspace', workspace, '--id', webhook.id, '--json'], env);
    expect(JSON.parse(again.stderr)).toMatchObject({ error: { status: 'not_found', code: 'not_found' } });
  });

  it('refuses unknown kinds, options of another type, a missing token, and warns when secrets are stored unencrypted', async () => {
    const create = (...args: string[]): ReturnType<typeof runCli> =>
      runCli(['destination', 'create', '--workspace', workspace, '--json', ...args], env);
    const [kind, digest, token, type, plain] = await Promise.all([
      create('--type', 'webhook', '--url', receiver.url, '--kinds', 'score_changed,score_exploded'),
      create('--type', 'webhook', '--url', receiver.url, '--digest', '15m'),
      create('--type', 'segment', '--url', 'https://api.segment.io'),
      create('--type', 'email', '--url', receiver.url),
      runCli(['destination', 'create', '--workspace', workspace, '--type', 'webhook', '--url', receiver.url, '--json'], {
        COIL_SECRET_KEY: '',
      }),
    ]);
    expect(JSON.parse(kind.stderr).error).toMatchObject({ code: 'invalid_parameter', details: { parameter: 'kinds' } });
    expect(JSON.parse(kind.stderr).error.message).toContain('unknown signal kind "score_exploded"');
    expect(JSON.parse(digest.stderr).error).toMatchObject({ message: '--digest applies to slack destinations only' });
    expect(JSON.parse(token.stderr).error).toMatchObject({ message: 'a segment destination needs --token' });
    expect(type.code).not.toBe(0);
    expect(type.stderr).toContain("argument 'email' is invalid");
    expect(plain).toMatchObject({
      code: 0,
      stderr: expect.stringMatching(/^warning: COIL_SECRET_KEY is not set: destination secrets .* are stored unencrypted\n$/),
    });
    const stored = await pool.query<{ secret: string }>('SELECT secret FROM destinations WHERE id = $1', [JSON.parse(plain.stdout).id]);
    expect(stored.rows[0].secret).toBe(JSON.parse(plain.stdout).secret);
  });
});

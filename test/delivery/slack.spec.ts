import { createServer, type AddressInfo } from 'node:net';
import { SlackSender } from '@coil/delivery';
import type { Signal } from '@coil/signals';
import { destination } from './support/destinations';
import { RecordingReceiver } from './support/recording-receiver';

const HOOK_PATH = '/services/T0001/B0001/secret-hook-token';
const config = { publicUrl: 'https://coil.example.com', deliveryTimeoutMs: 1000 };

function entered(index: number): Signal {
  return {
    id: `sig_${index}`,
    workspace_id: '1',
    kind: 'segment_entered',
    subject: { type: 'account', id: String(index), tracking_id: `acct-${index}`, name: `Account ${index}` },
    occurred_at: '2026-12-02T06:40:00.000Z',
    data: { segment: { id: '3', name: 'Champions' } },
  };
}

interface SlackBody {
  text: string;
  blocks: Array<{ type: string; text?: { type: string; text: string }; elements?: Array<{ text: string }> }>;
}

describe('SlackSender through @slack/webhook, against a local receiver', () => {
  const receiver = new RecordingReceiver();
  const sender = new SlackSender(config);
  const slack = () =>
    destination({ type: 'slack', url: 'https://hooks.slack.com/services/T0001/B0001/…', secret: `${receiver.url}${HOOK_PATH}` });

  beforeAll(() => receiver.start());
  afterAll(() => receiver.stop());
  beforeEach(() => {
    receiver.requests.length = 0;
    receiver.answer = () => ({ status: 200, headers: { 'content-type': 'text/plain' }, body: 'ok' });
  });

  it('posts one signal as a Block Kit message to the webhook URL', async () => {
    const result = await sender.send(slack(), [entered(7)]);

    expect(result).toEqual({ outcome: 'delivered', statusCode: 200, response: 'ok' });
    expect(receiver.requests).toHaveLength(1);
    const [request] = receiver.requests;
    expect([request.method, request.path, request.headers['content-type']]).toEqual(['POST', HOOK_PATH, 'application/json']);
    const body = JSON.parse(request.body) as SlackBody;
    expect(body.text).toBe('Account 7 entered Champions');
    expect(body.blocks.map((block) => block.type)).toEqual(['header', 'section', 'context']);
    expect(body.blocks[0].text).toEqual({ type: 'plain_text', text: 'Account 7' });
    expect(body.blocks[2].elements?.[0].text).toContain('<https://coil.example.com/app/accounts/7|acct-7>');
  });

  it('posts a digest as one message listing 20 signals and the count of the rest', async () => {
    const signals = Array.from({ length: 23 }, (_, index) => entered(index + 1));

    expect(await sender.send(slack(), signals)).toMatchObject({ outcome: 'delivered' });

    const [body] = receiver.bodies<SlackBody>(HOOK_PATH);
    expect(receiver.requests).toHaveLength(1);
    expect(body.blocks[0].text?.text).toBe('23 signals from Coil');
    expect(body.blocks.filter((block) => block.type === 'section')).toHaveLength(20);
    expect(body.blocks[body.blocks.length - 1].elements?.[0].text).toBe('and 3 more in the <https://coil.example.com/app/feed|feed>');
  });

  it('asks for a retry after Retry-After on 429, without the library retrying by itself', async () => {
    receiver.answer = () => ({ status: 429, headers: { 'retry-after': '7' }, body: 'rate_limited' });

    expect(await sender.send(slack(), [entered(1)])).toEqual({
      outcome: 'retry',
      statusCode: 429,
      retryAfterMs: 7000,
      response: 'rate_limited',
      error: 'HTTP 429',
    });
    expect(receiver.requests).toHaveLength(1);
  });

  it('fails at once on a 400 (permanent) and retries a 500', async () => {
    receiver.answer = () => ({ status: 400, body: 'invalid_payload' });
    expect(await sender.send(slack(), [entered(1)])).toEqual({
      outcome: 'failed',
      statusCode: 400,
      response: 'invalid_payload',
      error: 'HTTP 400',
    });

    receiver.answer = () => ({ status: 500, body: 'oops' });
    expect(await sender.send(slack(), [entered(1)])).toMatchObject({ outcome: 'retry', statusCode: 500 });
    expect(receiver.requests).toHaveLength(2);
  });

  it('retries when no answer comes, and never puts the webhook URL in the result', async () => {
    receiver.answer = () => 'hang';
    const timedOut = await sender.send(slack(), [entered(1)]);
    expect(timedOut).toEqual({ outcome: 'retry', error: 'no response (timed out)' });

    const closed = await freePort();
    const refused = await sender.send({ ...slack(), secret: `http://127.0.0.1:${closed}${HOOK_PATH}` }, [entered(1)]);
    expect(refused).toEqual({ outcome: 'retry', error: 'no response (ECONNREFUSED)' });

    const invalid = await sender.send({ ...slack(), secret: 'not a url secret-hook-token' }, [entered(1)]);
    expect(invalid).toEqual({ outcome: 'failed', error: 'the destination has no valid Slack webhook URL' });
    expect(JSON.stringify([timedOut, refused, invalid])).not.toContain('secret-hook-token');
  });
});

/** A port nothing listens on: bound, read, released. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

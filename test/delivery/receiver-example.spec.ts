import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { Webhook } from 'standardwebhooks';
import { signalId, type Signal } from '@coil/signals';

// The README's receiver, run as users would run it: the file itself, the secret in the environment.
const EXAMPLE = path.resolve(__dirname, '../../docs/examples/webhook-receiver.mjs');
const SECRET = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';

let receiver: ChildProcessWithoutNullStreams;
let baseUrl: string;
const lines: string[] = [];

function signal(n: number): Signal {
  const subject = { type: 'account', id: '456', tracking_id: 'ext-12345', name: 'TechCorp Solutions' } as const;
  return {
    id: signalId('13', 'segment_entered', subject, `2025-09-21T10:0${n}:00Z`),
    workspace_id: '13',
    kind: 'segment_entered',
    subject,
    occurred_at: `2025-09-21T10:0${n}:00.000Z`,
    data: { segment: { id: '3', name: 'At risk' } },
  };
}

/** A delivery as Coil makes it: the body signed with the destination's secret, webhook-id the signal id. */
async function deliver(body: Signal, options: { secret?: string; payload?: string } = {}): Promise<number> {
  const payload = JSON.stringify(body);
  const timestamp = new Date();
  const signature = new Webhook(options.secret ?? SECRET).sign(body.id, timestamp, payload);
  const response = await fetch(baseUrl, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'webhook-id': body.id,
      'webhook-timestamp': String(Math.floor(timestamp.getTime() / 1000)),
      'webhook-signature': signature,
    },
    body: options.payload ?? payload,
  });
  return response.status;
}

/** Polls the receiver's output; it prints one line per signal it processed. */
async function printed(pattern: RegExp): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (!lines.some((line) => pattern.test(line))) {
    if (Date.now() > deadline) throw new Error(`the receiver never printed ${pattern}; it printed ${JSON.stringify(lines)}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

beforeAll(async () => {
  receiver = spawn(process.execPath, [EXAMPLE], { env: { ...process.env, COIL_WEBHOOK_SECRET: SECRET, PORT: '0' } });
  createInterface({ input: receiver.stdout }).on('line', (line) => lines.push(line));
  await printed(/^listening on \d+$/);
  baseUrl = `http://127.0.0.1:${/\d+$/.exec(lines[0])?.[0]}/`;
});

afterAll(async () => {
  receiver.kill();
  await once(receiver, 'exit');
});

describe('docs/examples/webhook-receiver.mjs', () => {
  it('accepts a signed signal and processes it', async () => {
    const first = signal(1);
    expect(await deliver(first)).toBe(204);
    await printed(new RegExp(`^processed ${first.id} segment_entered .*"tracking_id":"ext-12345"`));
  });

  it('refuses a signature made with another secret, and a body altered after signing', async () => {
    const forged = signal(2);
    expect(await deliver(forged, { secret: 'whsec_dGhpcyBpcyBub3QgdGhlIHNlY3JldA==' })).toBe(401);
    expect(await deliver(forged, { payload: JSON.stringify({ ...forged, kind: 'activated' }) })).toBe(401);
    // Both refused before processing: a later signal is processed, the forged one never was.
    const later = signal(3);
    expect(await deliver(later)).toBe(204);
    await printed(new RegExp(`^processed ${later.id} `));
    expect(lines.filter((line) => line.includes(forged.id))).toEqual([]);
  });

  it('acknowledges a redelivered webhook-id without processing it again', async () => {
    const retried = signal(4);
    expect(await deliver(retried)).toBe(204);
    expect(await deliver(retried)).toBe(204);
    const after = signal(5);
    expect(await deliver(after)).toBe(204);
    await printed(new RegExp(`^processed ${after.id} `));
    expect(lines.filter((line) => line.startsWith(`processed ${retried.id} `))).toHaveLength(1);
  });
});

describe('the README', () => {
  it('shows the tested receiver example line for line', () => {
    const readme = readFileSync(path.resolve(__dirname, '../../README.md'), 'utf8');
    const code = readFileSync(EXAMPLE, 'utf8')
      .split('\n')
      .filter((line) => !line.startsWith('//'))
      .join('\n');
    expect(readme).toContain('```js\n' + code + '```');
  });
});

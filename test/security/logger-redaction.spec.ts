import { Writable } from 'node:stream';
import { createLogger } from '@coil/platform';

const KEY = 'coil_ik_9u2RZk1kQw7m8x0FvT3pLcYb6sNdHaJe4Wq5Uo1Ir2E';
const TOKEN = 'coil_rt_Xb7Yc2Vd9Wf4Ug6Th1Si3Rj5Qk8Pl0Om2Nn4Mo6Lp8Kq';

/** A logger writing into an array of parsed lines. */
function capturedLogger(): { lines: string[]; logger: ReturnType<typeof createLogger> } {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString('utf8'));
      done();
    },
  });
  return { lines, logger: createLogger('debug', 'test', sink) };
}

describe('createLogger redacts credentials wherever a logged object carries them', () => {
  const shapes: Record<string, unknown>[] = [
    { authorization: `Basic ${KEY}` },
    { headers: { authorization: `Basic ${Buffer.from(`${KEY}:`).toString('base64')}` } },
    { req: { headers: { authorization: `Bearer ${TOKEN}` } } },
    { api_key: KEY, writeKey: KEY, apiKey: KEY, api_token: TOKEN, token: TOKEN },
    { body: { api_key: KEY, writeKey: KEY } },
    { request: { body: { api_key: KEY, writeKey: KEY } } },
    { workspace: { api_key: KEY, api_token: TOKEN } },
  ];

  it.each(shapes.map((shape) => [Object.keys(shape).join(','), shape]))('%s', (_name, shape) => {
    const { lines, logger } = capturedLogger();
    logger.debug(shape, 'something happened');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('[redacted]');
    expect(lines[0]).not.toContain(KEY.slice(8));
    expect(lines[0]).not.toContain(TOKEN.slice(8));
    expect(lines[0]).not.toContain(Buffer.from(`${KEY}:`).toString('base64').slice(0, 40));
  });

  it('keeps everything else', () => {
    const { lines, logger } = capturedLogger();
    logger.info({ route: 'v2/track', status: 202, headers: { 'content-type': 'application/json' } }, 'accepted');
    expect(JSON.parse(lines[0])).toMatchObject({
      level: 30,
      service: 'test',
      route: 'v2/track',
      status: 202,
      headers: { 'content-type': 'application/json' },
      msg: 'accepted',
    });
  });
});

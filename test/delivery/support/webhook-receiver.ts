import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { Webhook } from 'standardwebhooks';
import type { Signal } from '@coil/signals';

/** How the receiver answers one request; undefined: 200. */
export type Answer = { status: number; headers?: Record<string, string>; body?: string } | undefined;

export interface Received {
  readonly id: string;
  readonly signal: Signal;
  readonly at: number;
  /** The request as it came, so a test can verify (or tamper with) exactly what was signed. */
  readonly body: string;
  readonly headers: Record<string, string>;
}

/**
 * A real webhook receiver on a local port: verifies every request with standardwebhooks' own
 * `Webhook.verify`, answers as `answer` says, and keeps what it accepted deduplicated by
 * webhook-id, as the spec asks receivers to do. `stop` closes the port (connections refused)
 * and `start` opens the same port again.
 */
export class WebhookReceiver {
  /** Accepted signals by webhook-id, in arrival order (first arrival only). */
  readonly accepted = new Map<string, Received>();
  /** Every request, verified or not, with its answer's status. */
  readonly requests: { id: string; status: number; at: number }[] = [];
  duplicates = 0;
  rejectedSignatures = 0;
  answer: (signal: Signal, attempt: number) => Answer = () => undefined;
  private server?: Server;
  private readonly sockets = new Set<Socket>();
  private port = 0;

  constructor(private readonly secret: () => string) {}

  get url(): string {
    return `http://127.0.0.1:${this.port}/hooks`;
  }

  async start(): Promise<void> {
    const server = createServer((request, response) => void this.handle(request, response));
    server.on('connection', (socket) => {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
    });
    await new Promise<void>((resolve) => server.listen(this.port, '127.0.0.1', resolve));
    this.port = (server.address() as { port: number }).port;
    this.server = server;
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  }

  /** The ids of one account's signals, in arrival order (users' ids may equal accounts'). */
  arrivalsOf(accountId: string): string[] {
    return [...this.accepted.values()]
      .filter(({ signal }) => signal.subject.type === 'account' && signal.subject.id === accountId)
      .map((received) => received.id);
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks).toString('utf8');
    const id = String(request.headers['webhook-id']);
    const headers = request.headers as Record<string, string>;
    let signal: Signal;
    try {
      signal = new Webhook(this.secret()).verify(body, headers) as Signal;
    } catch {
      this.rejectedSignatures += 1;
      this.reply(response, id, { status: 401, body: 'bad signature' });
      return;
    }
    const attempt = this.requests.filter((request) => request.id === id).length + 1;
    const answer = this.answer(signal, attempt);
    this.reply(response, id, answer);
    if (answer !== undefined && answer.status >= 300) return;
    if (this.accepted.has(id)) this.duplicates += 1;
    else this.accepted.set(id, { id, signal, at: Date.now(), body, headers });
  }

  private reply(response: ServerResponse, id: string, answer: Answer): void {
    const status = answer?.status ?? 200;
    this.requests.push({ id, status, at: Date.now() });
    response.writeHead(status, { 'content-type': 'text/plain', ...answer?.headers });
    response.end(answer?.body ?? 'ok');
  }
}

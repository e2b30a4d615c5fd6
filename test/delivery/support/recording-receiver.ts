import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';

export interface RecordedRequest {
  readonly method: string;
  /** Path and query. */
  readonly path: string;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
}

/** How the receiver answers a request; undefined: 200 with `{}`. */
export type ReceiverAnswer = { status: number; headers?: Record<string, string>; body?: string } | 'hang' | undefined;

/**
 * A real HTTP server on a local port standing in for a third-party API (Slack, HubSpot): records
 * every request as the real client library sent it and answers as `answer` says ('hang': never).
 */
export class RecordingReceiver {
  readonly requests: RecordedRequest[] = [];
  answer: (request: RecordedRequest) => ReceiverAnswer = () => undefined;
  private server?: Server;

  get url(): string {
    const address = this.server?.address();
    if (!address || typeof address === 'string') throw new Error('receiver not started');
    return `http://127.0.0.1:${address.port}`;
  }

  async start(): Promise<this> {
    this.server = createServer((incoming, response) => {
      const chunks: Buffer[] = [];
      incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
      incoming.on('end', () => {
        const request = {
          method: incoming.method ?? '',
          path: incoming.url ?? '',
          headers: incoming.headers,
          body: Buffer.concat(chunks).toString(),
        };
        this.requests.push(request);
        const answer = this.answer(request);
        if (answer === 'hang') return;
        response.writeHead(answer?.status ?? 200, { 'content-type': 'application/json', ...answer?.headers });
        response.end(answer?.body ?? '{}');
      });
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    return this;
  }

  /** The JSON bodies of the requests to `path`. */
  bodies<T>(path: string): T[] {
    return this.requests.filter((request) => request.path === path).map((request) => JSON.parse(request.body) as T);
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}

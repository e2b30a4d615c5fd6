import http from 'node:http';
import { closeServer, listenOnLoopback } from './loopback-server';

/** One request that went through the proxy, with what the browser got back. */
export interface RecordedRequest {
  method: string;
  path: string;
  origin: string | undefined;
  /** `access-control-request-headers` of a preflight, lower-cased and sorted. */
  requestedHeaders: string[];
  status: number;
  allowOrigin: string | undefined;
}

/**
 * An HTTP proxy in front of a server that records every request and the CORS headers of its
 * answer: preflights never reach a page's JavaScript, so this is where a test sees them.
 */
export class RecordingProxy {
  readonly requests: RecordedRequest[] = [];
  private readonly server = http.createServer((request, response) => this.forward(request, response));

  constructor(private readonly target: URL) {}

  /** Listens on a random port of 127.0.0.1; the proxy's base URL. */
  async listen(): Promise<string> {
    return listenOnLoopback(this.server);
  }

  async close(): Promise<void> {
    await closeServer(this.server);
  }

  private forward(request: http.IncomingMessage, response: http.ServerResponse): void {
    const upstream = http.request(
      { host: this.target.hostname, port: this.target.port, method: request.method, path: request.url, headers: request.headers },
      (answer) => {
        this.requests.push({
          method: request.method ?? '',
          path: request.url ?? '',
          origin: request.headers.origin,
          requestedHeaders: splitHeaderList(request.headers['access-control-request-headers']),
          status: answer.statusCode ?? 0,
          allowOrigin: headerValue(answer.headers['access-control-allow-origin']),
        });
        response.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(response);
      },
    );
    upstream.on('error', () => response.destroy());
    request.pipe(upstream);
  }
}

function splitHeaderList(value: string | undefined): string[] {
  if (!value) return [];
  return value
    .split(',')
    .map((name) => name.trim().toLowerCase())
    .filter((name) => name.length > 0)
    .sort();
}

function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value.join(', ') : value;
}

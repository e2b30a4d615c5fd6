import http from 'node:http';

export interface LoadOptions {
  url: string;
  /** A function gives each request its own path (e.g. a different account each time). */
  path: string | (() => string);
  /** Default POST; a GET sends no body. */
  method?: 'GET' | 'POST';
  headers: Record<string, string>;
  body?: () => string;
  connections: number;
  durationMs: number;
  /** Requests per second across all connections; absent = as fast as the server answers. */
  rate?: number;
  expectStatus: number;
}

export interface LoadResult {
  requests: number;
  errors: number;
  perSecond: number;
  p50Ms: number;
  p99Ms: number;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

/** Closed-loop keep-alive load (or paced, with `rate`), bounded in time; latencies in ms. */
export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: options.connections });
  const method = options.method ?? 'POST';
  const nextPath = typeof options.path === 'function' ? options.path : () => options.path as string;
  const contentType: Record<string, string> = method === 'POST' ? { 'content-type': 'application/json' } : {};
  const latencies: number[] = [];
  let errors = 0;
  const started = Date.now();
  const deadline = started + options.durationMs;
  const interval = options.rate ? (1000 * options.connections) / options.rate : 0;

  const send = (): Promise<void> =>
    new Promise((resolve) => {
      const begin = process.hrtime.bigint();
      const request = http.request(
        new URL(nextPath(), options.url),
        { method, agent, headers: { ...contentType, ...options.headers } },
        (response) => {
          response.resume();
          response.on('end', () => {
            if (response.statusCode === options.expectStatus) {
              latencies.push(Number(process.hrtime.bigint() - begin) / 1e6);
            } else errors += 1;
            resolve();
          });
        },
      );
      request.on('error', () => {
        errors += 1;
        resolve();
      });
      request.end(method === 'POST' && options.body ? options.body() : undefined);
    });

  const connection = async (): Promise<void> => {
    let next = Date.now();
    while (Date.now() < deadline) {
      await send();
      if (interval > 0) {
        next += interval;
        const wait = next - Date.now();
        if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      }
    }
  };
  await Promise.all(Array.from({ length: options.connections }, connection));
  agent.destroy();
  const elapsed = (Date.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    requests: latencies.length,
    errors,
    perSecond: latencies.length / elapsed,
    p50Ms: percentile(latencies, 50),
    p99Ms: percentile(latencies, 99),
  };
}

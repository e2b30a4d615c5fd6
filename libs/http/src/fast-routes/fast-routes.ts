import { createServer, type IncomingHttpHeaders, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import { CoilError } from '@coil/domain';
import { parseBody, type BodyFormat } from '../body/parse-body';
import { errorAnswer } from '../error-response';

export interface FastRequest {
  headers: IncomingHttpHeaders;
  /** Undefined when the request carried no body and no content type. */
  body: unknown;
  bodyBytes: number;
  bodyFormat: BodyFormat | undefined;
}

export interface FastReply {
  status: number;
  body: unknown;
}

export type FastHandler = (request: FastRequest) => Promise<FastReply>;

/** Fastify's server factory signature: its own request handler in, the server it listens on out. */
type FastifyHandler = (request: IncomingMessage, response: ServerResponse) => void;

const JSON_HEADERS = { 'content-type': 'application/json; charset=utf-8' } as const;

/**
 * POST routes answered by Node's own http server ahead of Fastify and Nest, with the same body
 * parser, error bodies and handlers. Measured with wrk on single-event ingest (docs/benchmarks.md):
 * Nest on Fastify spends more per request than the whole of Coil's own work (routing, hooks,
 * async-context binding in the body parser, reply serialisation), which kept the ingest far
 * from the bare-server ceiling. Requests from pages (an Origin header) stay on Fastify, which
 * owns CORS; everything else a route table does not name goes there too.
 */
export class FastRoutes {
  private readonly handlers = new Map<string, FastHandler>();

  constructor(private readonly options: { maxBodyBytes: number; logger: Logger }) {}

  add(path: string, handler: FastHandler): void {
    this.handlers.set(path, handler);
  }

  /** For FastifyAdapter's `serverFactory`: one server, our routes first. */
  readonly serverFactory = (fastify: FastifyHandler): Server =>
    createServer((request, response) => {
      const handler = this.routeOf(request);
      if (handler) this.serve(handler, request, response);
      else fastify(request, response);
    });

  private routeOf(request: IncomingMessage): FastHandler | undefined {
    if (request.method !== 'POST' || request.headers.origin !== undefined) return undefined;
    const url = request.url ?? '';
    const query = url.indexOf('?');
    return this.handlers.get(query === -1 ? url : url.slice(0, query));
  }

  private serve(handler: FastHandler, request: IncomingMessage, response: ServerResponse): void {
    const { maxBodyBytes } = this.options;
    if (Number(request.headers['content-length']) > maxBodyBytes) {
      this.answerError(response, tooLarge());
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer): void => {
      size += chunk.length;
      if (size <= maxBodyBytes) {
        chunks.push(chunk);
        return;
      }
      // Node discards the rest of the body once the answer is sent.
      request.off('data', onData).off('end', onEnd);
      this.answerError(response, tooLarge());
    };
    const onEnd = (): void => {
      let parsed: FastRequest;
      try {
        parsed = parsedRequest(request, chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, size), maxBodyBytes);
      } catch (error) {
        this.answerError(response, error);
        return;
      }
      handler(parsed).then(
        (reply) => answer(response, reply.status, reply.body, {}),
        (error: unknown) => this.answerError(response, error),
      );
    };
    request.on('data', onData).on('end', onEnd);
  }

  private answerError(response: ServerResponse, error: unknown): void {
    const { status, body, headers } = errorAnswer(error, this.options.logger);
    answer(response, status, body, headers);
  }
}

/** A request without a body or a content type has no body (Fastify's rule), anything else is parsed. */
function parsedRequest(request: IncomingMessage, raw: Buffer, maxBodyBytes: number): FastRequest {
  const { headers } = request;
  if (raw.length === 0 && headers['content-type'] === undefined) {
    return { headers, body: undefined, bodyBytes: 0, bodyFormat: undefined };
  }
  const { value, bytes, format } = parseBody(raw, headers, maxBodyBytes);
  return { headers, body: value, bodyBytes: bytes, bodyFormat: format };
}

function answer(response: ServerResponse, status: number, body: unknown, headers: Record<string, string>): void {
  if (response.headersSent || response.destroyed) return;
  const json = JSON.stringify(body);
  response.writeHead(status, { ...JSON_HEADERS, ...headers, 'content-length': Buffer.byteLength(json) });
  response.end(json);
}

function tooLarge(): CoilError {
  return new CoilError('payload_too_large', 'payload_too_large', 'Request body is too large');
}

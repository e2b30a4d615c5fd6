import fs from 'node:fs';
import http from 'node:http';
import { closeServer, listenOnLoopback } from './loopback-server';

/** What a page server answers: HTML pages and script files, each at an exact path. */
export interface PageServerContent {
  pages: Record<string, string>;
  /** URL path -> a file on disk (served as JavaScript). */
  scripts: Record<string, string>;
}

/** A site of its own (a random port of 127.0.0.1) for pages that load client libraries. */
export class PageServer {
  private readonly server = http.createServer((request, response) => this.answer(request, response));

  constructor(private readonly content: PageServerContent) {}

  /** The site's origin, e.g. http://127.0.0.1:41234. */
  async listen(): Promise<string> {
    return listenOnLoopback(this.server);
  }

  async close(): Promise<void> {
    await closeServer(this.server);
  }

  private answer(request: http.IncomingMessage, response: http.ServerResponse): void {
    const path = new URL(request.url ?? '/', 'http://page.test').pathname;
    const page = this.content.pages[path];
    if (page !== undefined) {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
      response.end(page);
      return;
    }
    const script = this.content.scripts[path];
    if (script !== undefined) {
      response.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8' });
      fs.createReadStream(script).pipe(response);
      return;
    }
    response.writeHead(404, { 'content-type': 'text/plain' });
    response.end('not found');
  }
}

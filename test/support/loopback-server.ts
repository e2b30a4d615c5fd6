import type http from 'node:http';
import type { AddressInfo } from 'node:net';

/** Listens on a random port of 127.0.0.1; the server's base URL, e.g. http://127.0.0.1:41234. */
export async function listenOnLoopback(server: http.Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** Closes the server, keep-alive connections included, so a suite ends without open handles. */
export async function closeServer(server: http.Server): Promise<void> {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
}

import { execFile } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

// Redis Cluster also listens on port + 10000 (the cluster bus), so both must be free.
const BUS_OFFSET = 10000;
const FIRST_PORT = 20000;
const LAST_PORT = 55535 - BUS_OFFSET;

export interface RedisCluster {
  ports: number[];
  /** `host:port` list, the value of REDIS_CLUSTER_NODES. */
  nodes: string[];
  stop(): Promise<void>;
}

function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

async function freeClusterPorts(count: number): Promise<number[]> {
  const ports: number[] = [];
  while (ports.length < count) {
    const port = FIRST_PORT + Math.floor(Math.random() * (LAST_PORT - FIRST_PORT));
    if (ports.includes(port)) continue;
    if ((await portIsFree(port)) && (await portIsFree(port + BUS_OFFSET))) ports.push(port);
  }
  return ports;
}

async function redisCli(port: number, ...args: string[]): Promise<string> {
  const { stdout } = await run('redis-cli', ['-p', String(port), ...args]);
  return stdout;
}

async function waitForClusterOk(ports: number[], timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const states = await Promise.all(ports.map((port) => redisCli(port, 'cluster', 'info').catch(() => '')));
    if (states.every((info) => info.includes('cluster_state:ok'))) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`Redis Cluster on ports ${ports.join(', ')} did not reach cluster_state:ok`);
}

async function startNode(port: number, dir: string): Promise<void> {
  await run('redis-server', [
    '--port',
    String(port),
    '--bind',
    '127.0.0.1',
    '--cluster-enabled',
    'yes',
    '--cluster-config-file',
    path.join(dir, `nodes-${port}.conf`),
    '--save',
    '',
    '--appendonly',
    'no',
    '--daemonize',
    'yes',
    '--dir',
    dir,
    '--logfile',
    path.join(dir, `redis-${port}.log`),
  ]);
  const deadline = Date.now() + 5000;
  while ((await redisCli(port, 'ping').catch(() => '')).trim() !== 'PONG') {
    if (Date.now() > deadline) throw new Error(`redis-server on port ${port} did not start`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function stopCluster(ports: number[], dir: string): Promise<void> {
  await Promise.all(ports.map((port) => redisCli(port, 'shutdown', 'nosave').catch(() => undefined)));
  fs.rmSync(dir, { recursive: true, force: true });
}

/**
 * A real three-master Redis Cluster (no replicas) on free ports, in its own temporary
 * directory. `stop` shuts every node down and removes the directory; a node that failed to
 * start is stopped too, so a failed start leaves nothing behind.
 */
export async function startRedisCluster(masters = 3): Promise<RedisCluster> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'coil-redis-cluster-'));
  const ports = await freeClusterPorts(masters);
  const nodes = ports.map((port) => `127.0.0.1:${port}`);
  try {
    await Promise.all(ports.map((port) => startNode(port, dir)));
    await run('redis-cli', ['--cluster', 'create', ...nodes, '--cluster-replicas', '0', '--cluster-yes']);
    await waitForClusterOk(ports, 15_000);
  } catch (error) {
    await stopCluster(ports, dir);
    throw error;
  }
  return { ports, nodes, stop: () => stopCluster(ports, dir) };
}

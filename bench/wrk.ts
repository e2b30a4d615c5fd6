import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * Load from wrk (Debian's package), a process of its own: a client inside the benchmark's event
 * loop measured a bare Node server at a third of what wrk measures, so it capped every ceiling.
 * Requests are made by a Lua script: `path` and `body` are Lua expressions of `n`, the
 * thread's request number, so every request can name another user, account or messageId.
 */
export interface WrkOptions {
  url: string;
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  /** Lua expression of n; a plain path is written with lua(). */
  path: string;
  /** Lua expression of n (POST). */
  body?: string;
  /** Lua statements run once per thread before the first request (tables the expressions use). */
  prelude?: string;
  connections: number;
  durationSeconds: number;
  /** Requests per second across all connections; absent = as fast as the server answers. */
  rate?: number;
}

export interface WrkResult {
  requests: number;
  perSecond: number;
  /** Non-2xx/3xx answers, connect/read/write errors and timeouts. */
  errors: number;
  p50Ms: number;
  p90Ms: number;
  p99Ms: number;
  maxMs: number;
}

/** A Lua string literal. */
export function lua(text: string): string {
  return JSON.stringify(text);
}

/** The exact command line of a run, for docs/benchmarks.md. */
export function wrkCommand(options: Pick<WrkOptions, 'connections' | 'durationSeconds'>): string {
  return `wrk -t1 -c${options.connections} -d${options.durationSeconds}s --timeout 10s -s <script.lua> <url>`;
}

function script(options: WrkOptions): string {
  const headers = Object.entries({ ...(options.body ? { 'content-type': 'application/json' } : {}), ...options.headers })
    .map(([name, value]) => `wrk.headers[${lua(name)}] = ${lua(value)}`)
    .join('\n');
  // Paced: request k leaves at start + k / rate (LuaJIT's ffi reads the clock); the rate reached is reported.
  const delay = options.rate
    ? `
local ffi = require("ffi")
ffi.cdef[[ typedef struct { long tv_sec; long tv_usec; } coil_timeval; int gettimeofday(coil_timeval *tv, void *tz); ]]
local tv = ffi.new("coil_timeval")
local function now_ms() ffi.C.gettimeofday(tv, nil); return tonumber(tv.tv_sec) * 1000 + tonumber(tv.tv_usec) / 1000 end
local next_at = nil
function delay()
  local now = now_ms()
  next_at = (next_at or now) + ${1000 / options.rate}
  return math.max(0, next_at - now)
end`
    : '';
  return `
wrk.method = ${lua(options.method ?? 'POST')}
${headers}
${options.prelude ?? ''}
local n = 0
function request()
  n = n + 1
  return wrk.format(nil, ${options.path}, nil, ${options.body ?? 'nil'})
end
${delay}
function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format('WRK_RESULT {"requests":%d,"duration_us":%d,"errors":%d,"p50":%d,"p90":%d,"p99":%d,"max":%d}\\n',
    summary.requests, summary.duration, e.connect + e.read + e.write + e.status + e.timeout,
    latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max))
end
`;
}

export async function runWrk(options: WrkOptions): Promise<WrkResult> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'coil-wrk-'));
  const file = path.join(dir, 'load.lua');
  writeFileSync(file, script(options));
  try {
    const args = ['-t1', `-c${options.connections}`, `-d${options.durationSeconds}s`, '--timeout', '10s', '-s', file, options.url];
    const output = await new Promise<string>((resolve, reject) => {
      const child = spawn('wrk', args, { stdio: ['ignore', 'pipe', 'inherit'] });
      let text = '';
      child.stdout.on('data', (chunk: Buffer) => (text += chunk.toString()));
      child.on('error', (error) => reject(new Error(`wrk could not start (apt-get install wrk): ${error.message}`)));
      child.on('exit', (code) => (code === 0 ? resolve(text) : reject(new Error(`wrk exited with ${code}: ${text}`))));
    });
    const line = /WRK_RESULT (\{.*\})/.exec(output)?.[1];
    if (!line) throw new Error(`wrk printed no result: ${output}`);
    const raw = JSON.parse(line) as Record<'requests' | 'duration_us' | 'errors' | 'p50' | 'p90' | 'p99' | 'max', number>;
    const ms = (us: number) => us / 1000;
    return {
      requests: raw.requests,
      perSecond: raw.requests / (raw.duration_us / 1e6),
      errors: raw.errors,
      p50Ms: ms(raw.p50),
      p90Ms: ms(raw.p90),
      p99Ms: ms(raw.p99),
      maxMs: ms(raw.max),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { loadConfig, NODE_OPTIONS_BY_APP } from '@coil/platform';

const ROOT = path.resolve(__dirname, '..', '..');

interface ComposeService {
  image?: string;
  build?: string;
  command?: string[];
  environment?: Record<string, string>;
  ports?: string[];
  healthcheck?: { test: string[] };
  depends_on?: Record<string, { condition: string }>;
  restart?: string;
  stop_grace_period?: string;
}

interface ComposeFile {
  services: Record<string, ComposeService>;
}

const compose = parse(readFileSync(path.join(ROOT, 'docker-compose.yml'), 'utf8'), { merge: true }) as ComposeFile;
const services = compose.services;
const defaults = loadConfig({});
const APPS = { ingest: defaults.ingestPort, api: defaults.apiPort, worker: defaults.workerPort } as const;
const APP_NAMES = Object.keys(APPS) as (keyof typeof APPS)[];
const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');

/** The image every Coil service runs; one service builds it. */
const IMAGE = 'coil:local';
const COIL_SERVICES = ['migrate', ...APP_NAMES];

const startScript = readFileSync(path.join(ROOT, 'scripts', 'start.ts'), 'utf8');

/** The apps scripts/start.ts spawns, read from its APPS list. */
function startScriptApps(): string[] {
  const list = /const APPS = \[([^\]]*)\] as const/.exec(startScript)?.[1] ?? '';
  return [...list.matchAll(/'([a-z]+)'/g)].map((match) => match[1]);
}

/** The entry point scripts/start.ts spawns for an app (it runs from dist/scripts/). */
function startScriptEntryPoint(app: string): string {
  expect(startScript).toContain("spawn(process.execPath, ['-r', register, path.join(dist, 'apps', app, 'src', 'main.js')]");
  return `dist/apps/${app}/src/main.js`;
}

describe('docker-compose.yml: the whole stack from a fresh clone', () => {
  it('has exactly postgres, redis, migrate, ingest, api and worker', () => {
    expect(Object.keys(services).sort()).toEqual(['api', 'ingest', 'migrate', 'postgres', 'redis', 'worker']);
  });

  it('runs Redis with AOF on, fsync on every write and no eviction', () => {
    expect(services.redis.command).toEqual([
      'redis-server',
      '--appendonly',
      'yes',
      '--appendfsync',
      'always',
      '--maxmemory-policy',
      'noeviction',
    ]);
  });

  it('builds one image, once: migrate builds it, ingest, api and worker run it without a build of their own', () => {
    const building = Object.entries(services).filter(([, service]) => service.build !== undefined);
    expect(building.map(([name]) => name)).toEqual(['migrate']);
    expect(services.migrate.build).toBe('.');
    for (const name of COIL_SERVICES) expect(services[name].image).toBe(IMAGE);
  });

  it.each(APP_NAMES)('restarts %s after a crash unless it was stopped', (app) => {
    expect(services[app].restart).toBe('unless-stopped');
  });

  it.each(APP_NAMES)('lets %s reach its own shutdown deadline before Docker kills it', (app) => {
    const grace = /^(\d+)s$/.exec(services[app].stop_grace_period ?? '')?.[1];
    const deadline = Number(services[app].environment?.SHUTDOWN_TIMEOUT_MS ?? defaults.shutdownTimeoutMs);
    expect(Number(grace) * 1000).toBeGreaterThan(deadline);
  });

  it.each(['ingest', 'worker'] as const)('makes %s refuse to start on a Redis that would lose the queue', (app) => {
    expect(services[app].environment?.COIL_REQUIRE_DURABLE_QUEUE).toBe('true');
  });

  it.each(['api', 'worker'] as const)(
    'passes COIL_SECRET_KEY from the shell to %s, so destination secrets are encrypted at rest',
    (app) => {
      expect(services[app].environment?.COIL_SECRET_KEY).toBe('${COIL_SECRET_KEY:-}');
    },
  );

  it('runs migrate once, after PostgreSQL is healthy, with the app image and environment', () => {
    expect(services.migrate.restart).toBe('no');
    expect(services.migrate.image).toBe(IMAGE);
    expect(services.migrate.depends_on).toEqual({ postgres: { condition: 'service_healthy' } });
    expect(services.migrate.healthcheck).toBeUndefined();
    expect(Object.keys(services.migrate.environment ?? {})).toEqual(expect.arrayContaining(['DATABASE_URL', 'REDIS_URL']));
    // The built entry point must be one the build produces: dist/<path>.js from <path>.ts.
    const entry = services.migrate.command?.at(-1) ?? '';
    expect(entry).toMatch(/^dist\/.+\.js$/);
    expect(existsSync(path.join(ROOT, entry.replace(/^dist\//, '').replace(/\.js$/, '.ts')))).toBe(true);
  });

  it.each(APP_NAMES)('publishes %s on the default port of libs/config and the README', (app) => {
    const port = APPS[app];
    expect(services[app].ports).toEqual([`${port}:${port}`]);
    expect(services[app].environment?.[`${app.toUpperCase()}_PORT`]).toBe(String(port));
    expect(readme).toMatch(new RegExp(`\\| ${app} \\| ${port}\\b`));
  });

  it.each(APP_NAMES)('gives %s DATABASE_URL and REDIS_URL pointing at the compose services', (app) => {
    const environment = services[app].environment ?? {};
    expect(new URL(environment.DATABASE_URL).host).toBe('postgres:5432');
    expect(new URL(environment.REDIS_URL).host).toBe('redis:6379');
  });

  it.each(APP_NAMES)('starts %s only after Redis is healthy and the migrations completed', (app) => {
    expect(services[app].depends_on).toEqual({
      redis: { condition: 'service_healthy' },
      migrate: { condition: 'service_completed_successfully' },
    });
  });

  it('runs the same three apps as `npm start`, with the same path resolution', () => {
    expect(startScriptApps().sort()).toEqual([...APP_NAMES].sort());
    const packageJson = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    expect(packageJson.scripts.start).toBe('npm run build && node -r ./scripts/dist-paths.js dist/scripts/start.js');
  });

  it.each(APP_NAMES)('runs %s from the built entry point scripts/start.ts starts', (app) => {
    expect(services[app].image).toBe(IMAGE);
    expect(services[app].command).toEqual(['node', '-r', './scripts/dist-paths.js', startScriptEntryPoint(app)]);
  });

  it.each(APP_NAMES)('gives %s the same Node flags as `npm start`', (app) => {
    expect(services[app].environment?.NODE_OPTIONS ?? '').toBe(NODE_OPTIONS_BY_APP[app]);
    expect(startScript).toContain('NODE_OPTIONS_BY_APP[app]');
  });

  it.each(APP_NAMES)('checks the health of %s on its own /readyz', (app) => {
    const test = services[app].healthcheck?.test ?? [];
    expect(test.slice(0, 3)).toEqual(['CMD', 'node', '-e']);
    expect(test[3]).toContain(`http://127.0.0.1:${APPS[app]}/readyz`);
  });

  it('checks the health of PostgreSQL and Redis', () => {
    expect(services.postgres.healthcheck?.test).toEqual(['CMD-SHELL', 'pg_isready -U postgres -d coil']);
    expect(services.redis.healthcheck?.test).toEqual(['CMD', 'redis-cli', 'ping']);
  });
});

describe('Dockerfile', () => {
  const lines = readFileSync(path.join(ROOT, 'Dockerfile'), 'utf8')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));

  it('is multi-stage: the runtime copies only the build output from the build stage', () => {
    expect(lines.filter((line) => line.startsWith('FROM '))).toEqual([
      'FROM node:20.20-bookworm-slim AS build',
      'FROM node:20.20-bookworm-slim AS runtime',
    ]);
    expect(lines).toContain('COPY --from=build /app/dist ./dist');
    expect(lines).toContain('RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund');
  });

  it('ends as a non-root user and starts what `npm start` starts', () => {
    const users = lines.filter((line) => line.startsWith('USER '));
    expect(users).toEqual(['USER node']);
    expect(lines.indexOf('USER node')).toBeGreaterThan(lines.findIndex((line) => line.includes('AS runtime')));
    expect(lines[lines.length - 1]).toBe('CMD ["node", "-r", "./scripts/dist-paths.js", "dist/scripts/start.js"]');
  });
});

describe('first run: the `coil` bin in the image and the README command that uses it', () => {
  const dockerfile = readFileSync(path.join(ROOT, 'Dockerfile'), 'utf8')
    .split('\n')
    .map((line) => line.trim());
  const packageJson = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
  const buildConfig = JSON.parse(readFileSync(path.join(ROOT, 'tsconfig.build.json'), 'utf8')) as {
    compilerOptions: { outDir: string; rootDir: string };
    include: string[];
  };
  const BIN_LINE = /^RUN printf '(.+)' > \/usr\/local\/bin\/coil && chmod 755 \/usr\/local\/bin\/coil$/;
  const binIndex = dockerfile.findIndex((line) => BIN_LINE.test(line));
  const binScript = (BIN_LINE.exec(dockerfile[binIndex] ?? '')?.[1] ?? '').replace(/\\n/g, '\n');
  // The CLI's source entry point, as `npm run coil` runs it, and where the build puts it.
  const cliSource = /^node -r \.\/scripts\/register\.js (\S+\.ts)$/.exec(packageJson.scripts.coil)?.[1] ?? '';
  const cliBuilt = `/app/${buildConfig.compilerOptions.outDir}/${cliSource.replace(/\.ts$/, '.js')}`;

  it('writes an executable `coil` on PATH in the runtime stage, as root, before it becomes `node`', () => {
    expect(binIndex).toBeGreaterThan(dockerfile.indexOf('FROM node:20.20-bookworm-slim AS runtime'));
    expect(binIndex).toBeGreaterThan(dockerfile.indexOf('COPY --from=build /app/dist ./dist'));
    expect(binIndex).toBeLessThan(dockerfile.indexOf('USER node'));
  });

  it('runs the CLI that `npm run build` compiles, with the same path resolution as the apps', () => {
    expect(cliSource).toBe('apps/cli/src/main.ts');
    expect(buildConfig.compilerOptions.rootDir).toBe('.');
    expect(buildConfig.include).toContain('apps/**/*.ts');
    expect(dockerfile.filter((line) => line.startsWith('WORKDIR '))).toEqual(['WORKDIR /app', 'WORKDIR /app']);
    expect(binScript).toBe(`#!/bin/sh\nexec node -r /app/scripts/dist-paths.js ${cliBuilt} "$@"\n`);
  });

  it('is what the README runs right after `docker compose up`, in a service of that image', () => {
    const setUp = readme.slice(readme.indexOf('## Set-up'), readme.indexOf('\n## ', readme.indexOf('## Set-up') + 1));
    const up = setUp.indexOf('docker compose up');
    const create = setUp.search(/^docker compose exec api coil workspace create --name \S+$/m);
    expect(up).toBeGreaterThanOrEqual(0);
    expect(create).toBeGreaterThan(up);
    expect(services.api.image).toBe(IMAGE);
  });

  it("creates the first workspace with the README's arguments, through the bin's script", async () => {
    const args = /^docker compose exec api coil (workspace create --name \S+)$/m.exec(readme)?.[1].split(' ') ?? [];
    expect(args).toEqual(['workspace', 'create', '--name', expect.any(String)]);
    // The image's script with its two paths mapped to the source tree they are built from.
    const dir = mkdtempSync(path.join(os.tmpdir(), 'coil-bin-'));
    const script = path.join(dir, 'coil');
    writeFileSync(
      script,
      binScript
        .replace('/app/scripts/dist-paths.js', path.join(ROOT, 'scripts', 'register.js'))
        .replace(cliBuilt, path.join(ROOT, cliSource)),
      { mode: 0o755 },
    );
    try {
      const env = { ...process.env, PATH: `${path.dirname(process.execPath)}${path.delimiter}${process.env.PATH}` };
      const { stdout: output } = await promisify(execFile)(script, args, { cwd: ROOT, env });
      expect(output).toMatch(/^Workspace \d+ created\.\nIngest API key: coil_ik_\S+\nRead API token: coil_rt_\S+\n/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});

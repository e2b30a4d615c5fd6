import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { loadConfig, NODE_OPTIONS_BY_APP } from '@coil/platform';
import { applyMigrations } from '@coil/database';

/**
 * `npm start`: migrations first, then ingest, api and worker as three processes (as in
 * docker-compose.yml). SIGINT/SIGTERM are passed on so each shuts down in order, within its
 * SHUTDOWN_TIMEOUT_MS; one that exits with an error, then or before, makes `npm start` fail.
 */
const APPS = ['ingest', 'api', 'worker'] as const;

async function main(): Promise<void> {
  const config = loadConfig();
  await applyMigrations(config.databaseUrl);
  const dist = path.resolve(__dirname, '..');
  const register = path.resolve(dist, '..', 'scripts', 'dist-paths.js');
  const children: ChildProcess[] = APPS.map((app) =>
    spawn(process.execPath, ['-r', register, path.join(dist, 'apps', app, 'src', 'main.js')], {
      stdio: 'inherit',
      env: { ...process.env, NODE_OPTIONS: [process.env.NODE_OPTIONS, NODE_OPTIONS_BY_APP[app]].filter(Boolean).join(' ') },
    }),
  );
  let stopping = false;
  const stop = (signal: NodeJS.Signals): void => {
    stopping = true;
    children.forEach((child) => child.kill(signal));
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
  children.forEach((child, index) =>
    child.on('exit', (code) => {
      if (stopping) {
        // A clean shutdown ends by the signal itself; code 1 means steps were cut at the deadline.
        if (code !== null && code !== 0) process.exitCode = 1;
        return;
      }
      console.error(`${APPS[index]} exited with code ${code}; stopping the others`);
      stop('SIGTERM');
      process.exitCode = 1;
    }),
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

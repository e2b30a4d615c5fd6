// `npm test`: makes sure PostgreSQL and Redis answer (starting them with docker compose when
// they do not and Docker is there), runs the whole Jest suite, and ends with one line
// "N passed, N failed" read from Jest's JSON results.
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const net = require('node:net');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const { resultsFile, summaryLine } = require('./jest-summary');

function answers(port) {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    socket.setTimeout(1000);
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
    socket.once('timeout', () => (socket.destroy(), resolve(false)));
  });
}

async function waitFor(port, seconds) {
  for (let i = 0; i < seconds * 2; i += 1) {
    if (await answers(port)) return true;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  return false;
}

async function ensureServices() {
  const down = [];
  if (!(await answers(5432))) down.push('postgres');
  if (!(await answers(6379))) down.push('redis');
  if (down.length === 0) return;
  const docker = spawnSync('docker', ['info'], { stdio: 'ignore' });
  if (docker.status !== 0) {
    console.error(
      `${down.join(' and ')} not reachable on 127.0.0.1 and no Docker engine to start them.\n` +
        'Start PostgreSQL (5432, user postgres, trust auth) and Redis (6379), or run `.ci/run`, which starts the local services.',
    );
    process.exit(1);
  }
  spawnSync('docker', ['compose', 'up', '-d', ...down], { cwd: root, stdio: 'inherit' });
  if (!(await waitFor(5432, 60)) || !(await waitFor(6379, 60))) {
    console.error('PostgreSQL or Redis did not come up within 60 s');
    process.exit(1);
  }
}

async function main() {
  await ensureServices();
  fs.mkdirSync(path.dirname(resultsFile), { recursive: true });
  fs.rmSync(resultsFile, { force: true });
  const jest = require.resolve('jest/bin/jest');
  const run = spawnSync(process.execPath, [jest, '--json', '--forceExit', `--outputFile=${resultsFile}`, ...process.argv.slice(2)], {
    cwd: root,
    stdio: 'inherit',
  });
  console.log(summaryLine());
  process.exit(run.status ?? 1);
}

void main();

import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');

/** `npm run bench -- --quick`: every part, small and short, so the bench cannot rot unnoticed. */
describe('npm run bench -- --quick', () => {
  it('runs every part and prints the table, leaving docs/benchmarks.md alone', async () => {
    const before = readFileSync(path.join(ROOT, 'docs', 'benchmarks.md'), 'utf8');
    const { code, output } = await new Promise<{ code: number | null; output: string }>((resolve) => {
      const child = spawn('npm', ['run', '--silent', 'bench', '--', '--quick'], {
        cwd: ROOT,
        env: { ...process.env, BENCH_DATABASE: 'coil_bench_quick' },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let text = '';
      child.stdout.on('data', (chunk: Buffer) => (text += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (text += chunk.toString()));
      child.on('exit', (exitCode) => resolve({ code: exitCode, output: text }));
    });
    // The bench's own words say why it failed.
    if (code !== 0) throw new Error(`npm run bench -- --quick exited with ${code}:\n${output.slice(-4000)}`);
    const rows = output.split('\n').filter((line) => line.startsWith('| ') && !line.startsWith('| what'));
    for (const what of [
      'ceilings: bare Node `http` and bare Fastify',
      'ingest single `/v2/track` vs bare Node `http`',
      'ingest `/v1/batch`',
      'worker roll-up',
      'roll-up with 1, 2 and 4 worker processes',
      'whole stack as `npm start` runs it',
      'freshness during that load',
      'memory over',
      'read API, uncached',
      '`GET /v1/accounts/explain`',
      'webhook deliveries',
      'dashboard: Accounts page interactive',
      'full scoring pass',
    ]) {
      expect(rows.find((row) => row.includes(what))).toBeDefined();
    }
    // The whole stack counted every event it accepted, even at this size.
    expect(rows.find((row) => row.includes('whole stack'))).toMatch(/exact: true/);
    expect(readFileSync(path.join(ROOT, 'docs', 'benchmarks.md'), 'utf8')).toBe(before);
  }, 600_000);
});

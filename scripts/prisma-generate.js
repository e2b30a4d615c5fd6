// Prisma's CLI insists that a schema engine binary exists even though `generate` runs on
// WebAssembly; the engine cannot be downloaded here, so point it at any existing file.
const { execFileSync } = require('node:child_process');
const path = require('node:path');
const fs = require('node:fs');

const root = path.resolve(__dirname, '..');
const cli = path.join(root, 'node_modules', 'prisma', 'build', 'index.js');
if (!fs.existsSync(cli)) {
  console.log('prisma CLI not installed yet; skipping generate');
  process.exit(0);
}
execFileSync(process.execPath, [cli, 'generate', '--schema', 'prisma/schema.prisma'], {
  cwd: root,
  stdio: 'inherit',
  env: {
    ...process.env,
    PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY || process.execPath,
    PRISMA_HIDE_UPDATE_MESSAGE: '1',
    CHECKPOINT_DISABLE: '1',
  },
});

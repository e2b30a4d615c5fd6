// Lets `node -r ./scripts/register.js file.ts` run TypeScript sources directly (CLI, bench,
// migrations), resolving @coil/* to libs/*/src as the compiler does.
const path = require('node:path');
require('ts-node').register({
  transpileOnly: true,
  project: path.join(__dirname, '..', 'tsconfig.json'),
  compilerOptions: { module: 'commonjs' },
});
require('tsconfig-paths').register({
  baseUrl: path.join(__dirname, '..'),
  paths: { '@coil/*': ['libs/*/src'] },
});

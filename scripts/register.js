// Lets `node -r ./scripts/register.js file.ts` run TypeScript sources directly (CLI, bench,
// migrations), resolving @coil/* to libs/*/src as the compiler does.
const path = require('node:path');
// swc rather than TypeScript's own transpiler: a CLI start went from ~5 s of CPU to well under one.
require('ts-node').register({
  transpileOnly: true,
  swc: true,
  project: path.join(__dirname, '..', 'tsconfig.json'),
  compilerOptions: { module: 'commonjs' },
});
require('tsconfig-paths').register({
  baseUrl: path.join(__dirname, '..'),
  paths: { '@coil/*': ['libs/*/src'] },
});

// Resolves @coil/* to the compiled libs under dist/ when running the built apps.
const path = require('node:path');
require('tsconfig-paths').register({
  baseUrl: path.join(__dirname, '..', 'dist'),
  paths: { '@coil/*': ['libs/*/src'] },
});

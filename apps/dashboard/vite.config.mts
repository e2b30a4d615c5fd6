import path from 'node:path';
import { defineConfig } from 'vite';

// The page is built into dist/dashboard, which the api process serves at / (and /app/*).
export default defineConfig({
  root: import.meta.dirname,
  base: '/',
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  // `npm run dashboard:dev`: the page with hot reload, reading the api of `npm start`.
  server: { proxy: { '/v1': process.env.COIL_API_URL ?? 'http://127.0.0.1:8080' } },
  build: {
    outDir: path.resolve(import.meta.dirname, '../../dist/dashboard'),
    emptyOutDir: true,
    // Every asset in the bundle: the page works without any external network.
    assetsInlineLimit: 0,
    reportCompressedSize: true,
  },
});

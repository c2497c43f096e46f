import { defineConfig } from 'vite';

/** The panels' web UI (web/). `npm run dev` serves it with hot reload and sends API calls to `npm start`. */
const apiTarget = process.env.API_URL ?? `http://localhost:${process.env.PORT ?? 3000}`;
const apiPaths = ['/orders', '/order-items', '/parcels', '/returns', '/sellers', '/delivery-persons', '/health', '/config.json', '/__local'];

export default defineConfig({
  root: 'web',
  base: '/',
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  build: { outDir: 'dist', emptyOutDir: true, target: 'es2022' },
  server: { proxy: Object.fromEntries(apiPaths.map((path) => [path, apiTarget])) },
});

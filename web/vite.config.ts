/** Vite build of the dashboard: `npm run build:web` writes web/dist, which `lucent server` serves. */
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

// `LUCENT_API` points the dev server's proxy at a running `lucent server` (development only).
export default defineConfig(({ command }) => ({
  root,
  base: '/',
  plugins: [react()],
  // A build is always production code, whatever NODE_ENV the shell has (a test runner sets `test`).
  define: command === 'build' ? { 'process.env.NODE_ENV': JSON.stringify('production') } : {},
  // The manifest lets test/e2e/bundle-size.test.ts measure what the first page loads.
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: false, target: 'es2022', manifest: true },
  server: { proxy: { '/api': process.env.LUCENT_API ?? 'http://127.0.0.1:8080' } },
}));

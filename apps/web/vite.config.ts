import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The API and the built app are served by one process on port 3000 in production; in development
// Vite serves the app and forwards API calls there.
const api = 'http://127.0.0.1:3000';
const proxy = { '/api': api, '/health': api };

/** Vite config of the web app: `vite build apps/web` or `vite build --config apps/web/vite.config.ts`. */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/',
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true },
  server: { proxy },
  preview: { proxy },
});

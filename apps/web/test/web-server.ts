import { fileURLToPath } from 'node:url';
import type { PreviewServer } from 'vite';
import { build, preview } from 'vite';

/** A running server under test. */
export interface RunningServer {
  url: string;
  close(): Promise<void>;
}

const configFile = fileURLToPath(new URL('../vite.config.ts', import.meta.url));

/**
 * Builds the web app into apps/web/dist so the server under test serves the current code. Skipped when
 * `./bitterroot test` has built it for the whole run: browser test files run in parallel, and a rebuild
 * empties dist/ under the feet of another file's server.
 */
export async function buildWebApp(): Promise<void> {
  if (process.env.BITTERROOT_WEB_BUILT === '1') return;
  await build({ configFile, logLevel: 'warn' });
}

/** True when `url` answers `/` with the app's HTML shell (i.e. the API process also serves the web app). */
export async function servesWebApp(url: string): Promise<boolean> {
  try {
    const response = await fetch(new URL('/', url));
    return response.ok && (await response.text()).includes('id="root"');
  } catch {
    return false;
  }
}

/** Serves apps/web/dist with Vite's preview server, forwarding /api and /health to `apiUrl`. */
export async function previewWebApp(apiUrl: string): Promise<RunningServer> {
  const server: PreviewServer = await preview({
    configFile,
    logLevel: 'warn',
    preview: { host: '127.0.0.1', port: 0, strictPort: false, proxy: { '/api': apiUrl, '/health': apiUrl } },
  });
  const address = server.httpServer.address();
  if (address === null || typeof address === 'string') throw new Error('vite preview has no TCP address');
  return {
    url: `http://127.0.0.1:${address.port}`,
    close: async () => await server.close(),
  };
}

import type { DemoAccount } from '../../server/src/modules/access/demo-accounts.ts';
import type { RunningServer } from './web-server.ts';
import { buildWebApp, previewWebApp, servesWebApp } from './web-server.ts';

/** The server browser tests run against, with the accounts they may sign in as. */
export interface ServerUnderTest extends RunningServer {
  /** One account per role (empty against an external server). */
  accounts: DemoAccount[];
  /** A state administrator who is also data steward of every district: for tests of features, not access. */
  tester: string;
  /** The password of every account above. */
  password: string;
}

/**
 * The server browser tests run against: BITTERROOT_E2E_URL when set (dev or staging; its tester account from
 * BITTERROOT_E2E_TESTER and BITTERROOT_E2E_PASSWORD), else a fresh test server with a small synthetic Montana
 * serving the freshly built app (behind Vite preview if it does not).
 */
export async function startServerUnderTest(
  options: { historyYears?: number; earlyWarning?: boolean } = {},
): Promise<ServerUnderTest> {
  const external = process.env.BITTERROOT_E2E_URL;
  if (external)
    return {
      url: external,
      accounts: [],
      tester: process.env.BITTERROOT_E2E_TESTER ?? '',
      password: process.env.BITTERROOT_E2E_PASSWORD ?? '',
      close: async () => {},
    };
  // Build first: the server serves apps/web/dist when it exists, so the test sees the current code.
  await buildWebApp();
  // End-to-end tests are the one place the web app may start the server (app code never imports it);
  // imported lazily so BITTERROOT_E2E_URL runs need none of the server's dependencies.
  const { startTestServer } = await import('../../server/test/server-harness.ts');
  const api = await startTestServer(options);
  if (await servesWebApp(api.url)) return api;
  const web = await previewWebApp(api.url);
  return {
    ...api,
    url: web.url,
    close: async () => {
      await web.close();
      await api.close();
    },
  };
}

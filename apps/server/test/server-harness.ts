/** A real server over real HTTP on a fresh test database, for end-to-end tests (API and browser). */
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { buildApp } from '../src/http/app.ts';
import { repoRoot } from '../src/platform/config.ts';
import { loadBaseline, loadDistrictFiles } from '../src/modules/ingestion/bulk-load.service.ts';
import { loadEwsTerms } from '../src/modules/early-warning/ews-load.service.ts';
import { organizationFromProfile } from '../src/modules/organizations/organizations.setup.ts';
import { loadProfile } from '../src/modules/profile/profile.loader.ts';
import { loadMatchSettings } from '../src/modules/ingestion/identity-matching.ts';
import { generate } from '../../../bench/generator/index.ts';
import { createTestDatabase } from './test-database.ts';
import { TEST_SCHOOL_YEAR } from './test-env.ts';
import {
  demoAccounts,
  demoScope,
  ensureAccounts,
  type DemoAccount,
} from '../src/modules/access/demo-accounts.ts';
import { createTestUser, grantEveryDistrict, TEST_PASSWORD } from './test-users.ts';

/** A running test server, its accounts (one per role, password TEST_PASSWORD) and how to stop it. */
export type TestServer = {
  url: string;
  accounts: DemoAccount[];
  /** A state administrator who is also data steward of every district, for tests of features, not access. */
  tester: string;
  password: string;
  close(): Promise<void>;
};

const profileDir = resolve(repoRoot, 'profiles/montana');

/** Optional extras of a test server: more history years, and their EWS term records loaded. */
export type TestServerOptions = { historyYears?: number; earlyWarning?: boolean };

/**
 * Starts the app on a random port with the Montana organisation and a small synthetic state loaded
 * (generated with a fixed seed, bulk-loaded like the demo). Serves the built web app when present.
 */
export async function startTestServer(options: TestServerOptions = {}): Promise<TestServer> {
  const database = await createTestDatabase();
  const dir = await mkdtemp(join(tmpdir(), 'bitterroot-e2e-'));
  await generate({
    scale: 'small',
    schoolYear: TEST_SCHOOL_YEAR,
    outDir: dir,
    seed: 7,
    historyYears: options.historyYears ?? 1,
    defectRate: 0,
    districtsCsvPath: join(profileDir, 'organization/districts.csv'),
  });
  const profile = await loadProfile(profileDir);
  if (!profile.ok) throw new Error('Montana profile does not load');
  await loadBaseline(database, dir, async (year) => {
    const org = await organizationFromProfile(profileDir, year);
    if (!org.ok) throw new Error(org.error);
    return org.value;
  });
  await loadDistrictFiles(database, profile.value, dir, TEST_SCHOOL_YEAR);
  if (options.earlyWarning) await loadEwsTerms(database, dir);
  const accounts = demoAccounts(await demoScope(database, TEST_SCHOOL_YEAR), 'test.bitterroot.dev');
  await ensureAccounts(database, accounts, TEST_PASSWORD);
  const tester = 'tester@test.bitterroot.dev';
  await grantEveryDistrict(database, await createTestUser(database, tester, []));
  const webDist = resolve(repoRoot, 'apps/web/dist');
  const app = await buildApp({
    database,
    profile: profile.value,
    matching: await loadMatchSettings(profileDir),
    schoolYear: TEST_SCHOOL_YEAR,
    webDist: existsSync(webDist) ? webDist : undefined,
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    accounts,
    tester,
    password: TEST_PASSWORD,
    async close() {
      await app.close();
      await database.drop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

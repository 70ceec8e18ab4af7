/** Where tests find PostgreSQL, and the run's naming, shared by global setup and test files. */

/** The PostgreSQL server tests use (a maintenance database on it; tests create their own). */
export function testPostgresUrl(): string {
  return process.env.BITTERROOT_TEST_POSTGRES ?? 'postgres://postgres@127.0.0.1:5432/test';
}

/** Replaces the database name of a PostgreSQL URL. */
export function withDatabaseName(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

/** The backend this test project runs on. */
export function testBackend(): 'pglite' | 'postgres' {
  return process.env.BITTERROOT_TEST_DB === 'postgres' ? 'postgres' : 'pglite';
}

/** The school year every test state is initialised for. */
export const TEST_SCHOOL_YEAR = 2026;

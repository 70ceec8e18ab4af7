/** Stores the active profile's identity and code values, so SQL validation can join against codes. */
import type { Profile } from '@bitterroot/contracts';
import type { Executor } from '../../db/database.ts';

/** Replaces the stored code values with the profile's, and records which profile is active. */
export async function saveProfile(db: Executor, profile: Profile, contentHash: string): Promise<void> {
  await db
    .insertInto('state_profile')
    .values({ id: profile.manifest.id, name: profile.manifest.name, content_hash: contentHash })
    .onConflict((oc) =>
      oc.column('id').doUpdateSet({ name: profile.manifest.name, content_hash: contentHash }),
    )
    .execute();
  const rows = profile.codeSets.flatMap((set) =>
    set.codes.map((c, i) => ({
      code_set: set.id,
      code: c.code,
      label: c.label,
      provisional: Boolean(c.provisional),
      sort_order: i,
    })),
  );
  await db.deleteFrom('code_value').execute();
  for (let i = 0; i < rows.length; i += 1000)
    await db
      .insertInto('code_value')
      .values(rows.slice(i, i + 1000))
      .execute();
}

/** The content hash of the profile stored in the database, if any. */
export async function storedProfileHash(db: Executor): Promise<string | undefined> {
  const row = await db.selectFrom('state_profile').select('content_hash').executeTakeFirst();
  return row?.content_hash;
}

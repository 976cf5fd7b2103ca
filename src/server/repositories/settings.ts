/** Server-wide key/value state, e.g. `advisories.appliedVersion` (the advisory DB re-matching last applied). */
import type { Store } from '../store/open-store.ts';

/** The value of a key, or undefined. */
export async function getSetting(store: Store, key: string): Promise<string | undefined> {
  const row = await store.db.selectFrom('settings').select('value').where('key', '=', key).executeTakeFirst();
  return row?.value;
}

/** Sets a key (insert or replace). */
export async function setSetting(store: Store, key: string, value: string, at: string): Promise<void> {
  await store.db
    .insertInto('settings')
    .values({ key, value, updated_at: at })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value, updated_at: at }))
    .execute();
}

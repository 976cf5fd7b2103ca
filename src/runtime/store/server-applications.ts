/**
 * Runtime applications in the server's store: each application the pods make is created or updated (type POD, its
 * labels and environments), its resources replaced with the images found running, and the counters of everything
 * whose links changed recomputed, in one ingestion transaction.
 */
import { refreshAfterRelink } from '../../server/repositories/applications.ts';
import { inIngestTransaction } from '../../server/services/ingest.ts';
import { applicationId as applicationIdOf, resourceId as resourceIdOf, uuidV5 } from '../../server/store/ids.ts';
import type { Store } from '../../server/store/open-store.ts';
import type { RuntimeApplication } from '../applications.ts';

/** The natural id of a new application, or a derived one when a renamed application holds it (as the server does). */
async function freeApplicationId(db: Store['db'], name: string): Promise<string> {
  let id = applicationIdOf(name);
  for (let n = 1; await db.selectFrom('applications').select('id').where('id', '=', id).executeTakeFirst(); n++) {
    id = uuidV5(`application:${name}:${n}`);
  }
  return id;
}

/**
 * Creates or updates each application (type POD, labels and environments replaced), replaces its resources with the
 * images found in this run (KubeClarity: a report replaces the application's resource list), records it as touched
 * by the run, and recomputes the counters of everything whose links changed.
 */
export async function saveRuntimeApplications(
  store: Store,
  runId: string,
  applications: readonly RuntimeApplication[],
): Promise<void> {
  const at = new Date().toISOString();
  await inIngestTransaction(store, async (db) => {
    const touchedResources = new Set<string>();
    const ids: string[] = [];
    for (const app of applications) {
      const existing = await db.selectFrom('applications').select('id').where('name', '=', app.name).executeTakeFirst();
      const id = existing?.id ?? (await freeApplicationId(db, app.name));
      const fields = {
        name: app.name,
        type: app.type,
        labels: JSON.stringify(app.labels),
        environments: JSON.stringify(app.environments),
        updated_at: at,
      };
      if (existing) await db.updateTable('applications').set(fields).where('id', '=', id).execute();
      else
        await db
          .insertInto('applications')
          .values({ id, ...fields, created_at: at })
          .execute();
      const wanted = new Set(app.resources.map((resource) => resourceIdOf(resource.digest)));
      const linked = await db
        .selectFrom('application_resources')
        .select('resource_id')
        .where('application_id', '=', id)
        .execute();
      const stale = linked.map((row) => row.resource_id).filter((resource) => !wanted.has(resource));
      if (stale.length > 0) {
        await db
          .deleteFrom('application_resources')
          .where('application_id', '=', id)
          .where('resource_id', 'in', stale)
          .execute();
      }
      for (const resource of wanted) {
        await db
          .insertInto('application_resources')
          .values({ application_id: id, resource_id: resource, created_at: at })
          .onConflict((oc) => oc.columns(['application_id', 'resource_id']).doNothing())
          .execute();
      }
      for (const resource of [...wanted, ...stale]) touchedResources.add(resource);
      await db
        .insertInto('runtime_scan_applications')
        .values({ scan_id: runId, application_id: id })
        .onConflict((oc) => oc.columns(['scan_id', 'application_id']).doNothing())
        .execute();
      ids.push(id);
    }
    await refreshAfterRelink(db, [...touchedResources], ids);
  });
}

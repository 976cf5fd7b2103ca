/**
 * Applications: the list (GET /applications), details and CRUD. An application's id is the UUIDv5 of the name it was
 * created with; a rename keeps the id, so a later application with the old name gets a derived id instead.
 */

import { sql } from 'kysely';
import { LucentError } from '../../core/errors.ts';
import type { ListQuery } from '../list-query/list-query.ts';
import { applicationId as applicationIdOf, uuidV5 } from '../store/ids.ts';
import type { Store } from '../store/open-store.ts';
import type { ApplicationsTable } from '../store/schema.ts';
import { refreshCounters } from './counters.ts';
import { jsonList, type Page, runList, type SeverityCount, severityCounts } from './list-page.ts';
import { type APPLICATION_TYPES, APPLICATIONS_LIST, type ApplicationsSortKey } from './list-specs.ts';
import { isIn, RUNTIME_SCAN_APPLICATIONS, resourcesOfApplication, resourcesWithPackage } from './scopes.ts';

/** An application type. */
export type ApplicationType = (typeof APPLICATION_TYPES)[number];

/** An application as the API shows it (KubeClarity's `Application`). */
export interface ApplicationItem {
  id: string;
  applicationName: string;
  applicationType: ApplicationType;
  labels: string[];
  environments: string[];
  vulnerabilities: SeverityCount[];
  applicationResources: number;
  packages: number;
}

/** What a client sends to create or replace an application (KubeClarity's `ApplicationInfo`). */
export interface ApplicationInput {
  name: string;
  type: ApplicationType;
  labels?: string[];
  environments?: string[];
}

/** A create or rename to a name another application has: E_CONFLICT (409), with that application. */
export class ApplicationConflictError extends LucentError {
  readonly existing: ApplicationItem;

  constructor(existing: ApplicationItem) {
    super('E_CONFLICT', `an application named ${existing.applicationName} already exists`, {
      hint: `its id is ${existing.id}`,
    });
    this.name = 'ApplicationConflictError';
    this.existing = existing;
  }
}

/** GET /applications */
export async function listApplications(
  store: Store,
  query: ListQuery<ApplicationsSortKey>,
): Promise<Page<ApplicationItem>> {
  const base = store.db.selectFrom('applications').selectAll('applications');
  const { total, rows } = await runList(store, base, query, APPLICATIONS_LIST, scopeConditions(query));
  return { total, items: rows.map(applicationItem) };
}

function scopeConditions(query: ListQuery) {
  const scope = query.scope;
  if (!scope) return [];
  switch (scope.kind) {
    case 'applicationResourceID':
      return [
        isIn(
          'applications.id',
          sql`(select ar.application_id from application_resources ar where ar.resource_id = ${scope.id})`,
        ),
      ];
    case 'packageID':
      return [
        isIn(
          'applications.id',
          sql`(select ar.application_id from application_resources ar where ar.resource_id in ${resourcesWithPackage(scope.id)})`,
        ),
      ];
    case 'currentRuntimeScan':
      return [isIn('applications.id', RUNTIME_SCAN_APPLICATIONS)];
    default:
      return [isIn('applications.id', sql`(select null where 1 = 0)`)];
  }
}

/** One application, or undefined. */
export async function findApplication(store: Store, id: string): Promise<ApplicationItem | undefined> {
  const row = await store.db.selectFrom('applications').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? applicationItem(row) : undefined;
}

/** GET /applications/{id}: the application and the licenses of its packages. */
export async function getApplication(
  store: Store,
  id: string,
): Promise<{ application: ApplicationItem; licenses: string[] } | undefined> {
  const application = await findApplication(store, id);
  if (!application) return undefined;
  const rows = await store.db
    .selectFrom('packages')
    .select('packages.licenses')
    .distinct()
    .where('packages.license', '<>', '')
    .where('packages.id', 'in', (eb) =>
      eb
        .selectFrom('resource_packages')
        .select('resource_packages.package_id')
        .where(isIn('resource_packages.resource_id', resourcesOfApplication(id))),
    )
    .execute();
  return { application, licenses: uniqueSorted(rows.flatMap((row) => jsonList(row.licenses))) };
}

/** POST /applications: creates it, or throws `ApplicationConflictError` when the name is taken. */
export async function createApplication(store: Store, input: ApplicationInput, at: string): Promise<ApplicationItem> {
  return store.db.transaction().execute(async (db) => {
    const existing = await db.selectFrom('applications').selectAll().where('name', '=', input.name).executeTakeFirst();
    if (existing) throw new ApplicationConflictError(applicationItem(existing));
    let id = applicationIdOf(input.name);
    // The natural id is held by an application that was renamed since: derive another, deterministically.
    for (let n = 1; await db.selectFrom('applications').select('id').where('id', '=', id).executeTakeFirst(); n++) {
      id = uuidV5(`application:${input.name}:${n}`);
    }
    await db
      .insertInto('applications')
      .values({
        id,
        name: input.name,
        type: input.type,
        labels: JSON.stringify(uniqueSorted(input.labels ?? [])),
        environments: JSON.stringify(uniqueSorted(input.environments ?? [])),
        created_at: at,
        updated_at: at,
      })
      .execute();
    const created = await db.selectFrom('applications').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    return applicationItem(created);
  });
}

/** PUT /applications/{id}: replaces name, type, labels and environments; undefined when there is no such application. */
export async function updateApplication(
  store: Store,
  id: string,
  input: ApplicationInput,
  at: string,
): Promise<ApplicationItem | undefined> {
  return store.db.transaction().execute(async (db) => {
    const other = await db
      .selectFrom('applications')
      .selectAll()
      .where('name', '=', input.name)
      .where('id', '<>', id)
      .executeTakeFirst();
    if (other) throw new ApplicationConflictError(applicationItem(other));
    const result = await db
      .updateTable('applications')
      .set({
        name: input.name,
        type: input.type,
        labels: JSON.stringify(uniqueSorted(input.labels ?? [])),
        environments: JSON.stringify(uniqueSorted(input.environments ?? [])),
        updated_at: at,
      })
      .where('id', '=', id)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) === 0) return undefined;
    return applicationItem(
      await db.selectFrom('applications').selectAll().where('id', '=', id).executeTakeFirstOrThrow(),
    );
  });
}

/**
 * DELETE /applications/{id}: removes the application and its links to resources (the resources stay, as in
 * KubeClarity); the counters of its resources, their packages and findings are recomputed.
 */
export async function deleteApplication(store: Store, id: string): Promise<boolean> {
  return store.db.transaction().execute(async (db) => {
    const resources = (
      await db.selectFrom('application_resources').select('resource_id').where('application_id', '=', id).execute()
    ).map((row) => row.resource_id);
    const result = await db.deleteFrom('applications').where('id', '=', id).executeTakeFirst();
    if (Number(result.numDeletedRows) === 0) return false;
    await refreshAfterRelink(db, resources);
    return true;
  });
}

/** Recomputes what depends on the application links of these resources (and the counts of these applications). */
export async function refreshAfterRelink(
  db: Store['db'],
  resources: readonly string[],
  applications: readonly string[] = [],
): Promise<void> {
  if (resources.length === 0) return;
  const packages = await db
    .selectFrom('resource_packages')
    .select('package_id')
    .distinct()
    .where('resource_id', 'in', resources)
    .execute();
  const pairs = await db
    .selectFrom('findings')
    .select(['package_id', 'vulnerability_id'])
    .distinct()
    .where('resource_id', 'in', resources)
    .execute();
  await refreshCounters(db, {
    pairs: pairs.map((row) => ({ packageId: row.package_id, vulnerabilityId: row.vulnerability_id })),
    packages: packages.map((row) => row.package_id),
    resources,
    applications,
  });
}

/** The API shape of a row. */
export function applicationItem(row: ApplicationsTable | Record<string, unknown>): ApplicationItem {
  const r = row as unknown as Record<string, unknown>;
  return {
    id: String(r.id),
    applicationName: String(r.name),
    applicationType: String(r.type) as ApplicationType,
    labels: jsonList(r.labels as string),
    environments: jsonList(r.environments as string),
    vulnerabilities: severityCounts(r),
    applicationResources: Number(r.resources_count),
    packages: Number(r.packages_count),
  };
}

function uniqueSorted(values: readonly string[]): string[] {
  return [...new Set(values)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

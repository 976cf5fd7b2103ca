/**
 * The hidden scopes of the lists (`applicationID`, `applicationResourceID`, `packageID`, `currentRuntimeScan`) as SQL
 * conditions with bound ids. The current runtime scan is the most recent finished run; its resources are the images
 * it scanned, its applications those it created or updated.
 */
import { type RawBuilder, type SqlBool, sql } from 'kysely';

/** The latest finished runtime scan's id (a scalar subquery). */
const LATEST_RUNTIME_SCAN = sql`(select rs.id from runtime_scans rs where rs.finished_at is not null
  order by rs.started_at desc, rs.id desc limit 1)`;

/** Resource ids of the latest runtime scan (a subquery). */
export const RUNTIME_SCAN_RESOURCES = sql`(select rsi.resource_id from runtime_scan_images rsi
  where rsi.scan_id = ${LATEST_RUNTIME_SCAN} and rsi.resource_id is not null)`;

/** Application ids of the latest runtime scan (a subquery). */
export const RUNTIME_SCAN_APPLICATIONS = sql`(select rsa.application_id from runtime_scan_applications rsa
  where rsa.scan_id = ${LATEST_RUNTIME_SCAN})`;

/** Resource ids of an application (a subquery). */
export function resourcesOfApplication(applicationId: string): RawBuilder<unknown> {
  return sql`(select sar.resource_id from application_resources sar where sar.application_id = ${applicationId})`;
}

/** Resource ids that contain a package (a subquery). */
export function resourcesWithPackage(packageId: string): RawBuilder<unknown> {
  return sql`(select srp.resource_id from resource_packages srp where srp.package_id = ${packageId})`;
}

/** `column in (subquery)` */
export function isIn(column: string, subquery: RawBuilder<unknown>): RawBuilder<SqlBool> {
  return sql<SqlBool>`${sql.ref(column)} in ${subquery}`;
}

/** The packages list: columns, filters and fetchers for the shared ListView. */
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { Column } from '../../../shared/components/data-table.tsx';
import { relatedCountColumn, vulnerabilitiesColumn } from '../../../shared/components/list-columns.tsx';
import { type ListConfig, type ListProps, ListView } from '../../../shared/components/list-view.tsx';
import { countFilter, type FilterField, HIGHEST_SEVERITY_FILTER, textFilter } from '../../../shared/lib/filter-spec.ts';
import { routes } from '../../../shared/lib/routes.ts';
import { fetchPackages, fetchPackagesCsv, PACKAGES_KEY, type Package } from '../api/packages.ts';

/** Every filter of `GET /api/packages`. */
export const PACKAGE_FILTERS: readonly FilterField[] = [
  textFilter('packageName', 'Name'),
  textFilter('packageVersion', 'Version'),
  textFilter('language', 'Language'),
  textFilter('license', 'License'),
  HIGHEST_SEVERITY_FILTER,
  countFilter('applications', 'Applications'),
  countFilter('applicationResources', 'Resources'),
];

const COLUMNS: readonly Column<Package>[] = [
  {
    id: 'name',
    header: 'Name',
    sortKey: 'packageName',
    render: (row) => <Link to={routes.package(row.id)}>{row.packageName}</Link>,
  },
  { id: 'version', header: 'Version', sortKey: 'version', render: (row) => <code>{row.version}</code> },
  { id: 'language', header: 'Language', sortKey: 'language', hideBelow: 'md', render: (row) => row.language || '–' },
  { id: 'license', header: 'License', sortKey: 'license', hideBelow: 'lg', render: (row) => row.license || '–' },
  vulnerabilitiesColumn('packageID'),
  relatedCountColumn('applications', 'packageID', 'md'),
  relatedCountColumn('resources', 'packageID'),
];

/** The list's configuration. */
export const PACKAGES_LIST: ListConfig<Package> = {
  name: 'Packages',
  key: PACKAGES_KEY,
  defaults: { sortKey: 'vulnerabilities', sortDir: 'DESC' },
  filters: PACKAGE_FILTERS,
  columns: COLUMNS,
  rowKey: (row) => row.id,
  rowLink: (row) => routes.package(row.id),
  fetchPage: fetchPackages,
  fetchCsv: fetchPackagesCsv,
  csvName: 'packages.csv',
};

/** The packages list, optionally scoped (an application's or resource's packages). */
export function PackagesList(props: ListProps<Package>): ReactNode {
  return <ListView config={PACKAGES_LIST} {...props} />;
}

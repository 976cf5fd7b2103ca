/** Package detail, with the vulnerabilities and applications lists of other features in its tabs. */
import type { ReactNode } from 'react';
import { useParams } from 'react-router';
import { ApplicationsList } from '../../features/applications/components/applications-list.tsx';
import { PackageDetailPage } from '../../features/packages/routes/package-detail-page.tsx';
import { VulnerabilitiesList } from '../../features/vulnerabilities/components/vulnerabilities-list.tsx';

/** The route component. */
export function PackageDetailRoute(): ReactNode {
  const id = useParams().id ?? '';
  return (
    <PackageDetailPage
      key={id}
      id={id}
      slots={{
        vulnerabilities: (packageId) => (
          <VulnerabilitiesList prefix="v" fixedScope={{ key: 'packageID', value: packageId }} />
        ),
        applications: (packageId) => (
          <ApplicationsList prefix="a" fixedScope={{ key: 'packageID', value: packageId }} />
        ),
      }}
    />
  );
}

/** Resource detail, with the packages, vulnerabilities and applications lists of other features in its tabs. */
import type { ReactNode } from 'react';
import { useParams } from 'react-router';
import { ApplicationsList } from '../../features/applications/components/applications-list.tsx';
import { PackagesList } from '../../features/packages/components/packages-list.tsx';
import { ResourceDetailPage } from '../../features/resources/routes/resource-detail-page.tsx';
import { VulnerabilitiesList } from '../../features/vulnerabilities/components/vulnerabilities-list.tsx';

/** The route component. */
export function ResourceDetailRoute(): ReactNode {
  const id = useParams().id ?? '';
  return (
    <ResourceDetailPage
      key={id}
      id={id}
      slots={{
        packages: (resourceId) => (
          <PackagesList prefix="p" fixedScope={{ key: 'applicationResourceID', value: resourceId }} />
        ),
        vulnerabilities: (resourceId) => (
          <VulnerabilitiesList prefix="v" fixedScope={{ key: 'applicationResourceID', value: resourceId }} />
        ),
        applications: (resourceId) => (
          <ApplicationsList prefix="a" fixedScope={{ key: 'applicationResourceID', value: resourceId }} />
        ),
      }}
    />
  );
}

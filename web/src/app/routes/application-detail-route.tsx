/** Application detail, with the resources, packages and vulnerabilities lists of other features in its tabs. */
import type { ReactNode } from 'react';
import { useParams } from 'react-router';
import { ApplicationDetailPage } from '../../features/applications/routes/application-detail-page.tsx';
import { PackagesList } from '../../features/packages/components/packages-list.tsx';
import { ResourcesList } from '../../features/resources/components/resources-list.tsx';
import { VulnerabilitiesList } from '../../features/vulnerabilities/components/vulnerabilities-list.tsx';

/** The route component. */
export function ApplicationDetailRoute(): ReactNode {
  const id = useParams().id ?? '';
  return (
    <ApplicationDetailPage
      key={id}
      id={id}
      slots={{
        resources: (applicationId) => (
          <ResourcesList prefix="r" fixedScope={{ key: 'applicationID', value: applicationId }} />
        ),
        packages: (applicationId) => (
          <PackagesList prefix="p" fixedScope={{ key: 'applicationID', value: applicationId }} />
        ),
        vulnerabilities: (applicationId) => (
          <VulnerabilitiesList prefix="v" fixedScope={{ key: 'applicationID', value: applicationId }} />
        ),
      }}
    />
  );
}

/** The list scenarios of the server benchmark (server-bench.ts) and of its query plans (server-explain.ts). */

/** A list scenario: its name and the paths each connection cycles through. */
export interface Scenario {
  name: string;
  paths: string[];
}

/** The list scenarios, with an application and a resource for the scoped ones. */
export function listScenarios(sample: { applicationId: string; resourceId: string }): Scenario[] {
  const pages = (base: string, list: number[]) => list.map((page) => `${base}&page=${page}`);
  return [
    {
      name: 'applications by vulnerabilities, pages 1/10/40',
      paths: pages('/api/applications?pageSize=50&sortKey=vulnerabilities&sortDir=DESC', [1, 10, 40]),
    },
    {
      name: 'applications name contains, by name',
      paths: ['/api/applications?applicationName[contains]=app-1&sortKey=applicationName&pageSize=50'],
    },
    {
      name: 'applications severity ≥ CRITICAL, by packages',
      paths: ['/api/applications?vulnerabilitySeverity[gte]=CRITICAL&sortKey=packages&sortDir=DESC&pageSize=50'],
    },
    {
      name: 'resources by vulnerabilities, pages 1/20/200',
      paths: pages('/api/applicationResources?pageSize=50&sortKey=vulnerabilities&sortDir=DESC', [1, 20, 200]),
    },
    {
      name: 'resources name contains + severity ≥ HIGH',
      paths: [
        '/api/applicationResources?resourceName[contains]=team-1&vulnerabilitySeverity[gte]=HIGH&sortKey=resourceName&pageSize=50',
      ],
    },
    {
      name: 'resources of an application',
      paths: [`/api/applicationResources?applicationID=${sample.applicationId}`],
    },
    {
      name: 'packages by vulnerabilities, pages 1/50/500',
      paths: pages('/api/packages?pageSize=50&sortKey=vulnerabilities&sortDir=DESC', [1, 50, 500]),
    },
    {
      name: 'packages name starts with, by resources',
      paths: ['/api/packages?packageName[start]=libssl&sortKey=applicationResources&sortDir=DESC&pageSize=50'],
    },
    {
      name: 'packages language + severity ≥ HIGH, by name',
      paths: ['/api/packages?language[is]=python&vulnerabilitySeverity[gte]=HIGH&sortKey=packageName&pageSize=50'],
    },
    {
      name: 'packages of a resource, by vulnerabilities',
      paths: [`/api/packages?applicationResourceID=${sample.resourceId}&sortKey=vulnerabilities&sortDir=DESC`],
    },
    {
      name: 'vulnerabilities by severity, pages 1/100/1000',
      paths: pages('/api/vulnerabilities?pageSize=50&sortKey=severity&sortDir=DESC', [1, 100, 1000]),
    },
    {
      name: 'vulnerabilities ≥ HIGH with fix, by resources',
      paths: [
        '/api/vulnerabilities?vulnerabilitySeverity[gte]=HIGH&hasFixVersion[is]=true&sortKey=applicationResources&sortDir=DESC&pageSize=50',
      ],
    },
    {
      name: 'vulnerabilities package contains, by name',
      paths: ['/api/vulnerabilities?packageName[contains]=ssl&sortKey=vulnerabilityName&pageSize=50'],
    },
    {
      name: 'vulnerabilities of a resource, by severity',
      paths: [`/api/vulnerabilities?applicationResourceID=${sample.resourceId}&sortKey=severity&sortDir=DESC`],
    },
    {
      name: 'vulnerabilities of an application',
      paths: [`/api/vulnerabilities?applicationID=${sample.applicationId}`],
    },
  ];
}

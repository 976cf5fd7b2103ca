/** `/api/vulnerabilities`: the list (one row per vulnerability and package) and the detail of a pair. */
import { z } from 'zod';
import { SEVERITY_LEVELS } from '../../../matcher/match.ts';
import { VULNERABILITIES_LIST } from '../../repositories/list-specs.ts';
import { getVulnerability, listVulnerabilities, type VulnerabilityItem } from '../../repositories/vulnerabilities.ts';
import type { RouteModule } from '../context.ts';
import { columnsOf } from '../csv.ts';
import { ERROR_RESPONSES, errorBody, found } from '../http-errors.ts';
import { answerList, type ListEndpoint, listQuerystring, pageOf } from '../list-route.ts';
import { findingEvidence, readStoredEvidence } from './evidence.ts';

const tags = ['vulnerabilities'];
const severity = z.enum(SEVERITY_LEVELS);
const source = z.enum(['CICD', 'RUNTIME']);

/** A (vulnerability, package) row. */
const vulnerabilityItem = z.object({
  id: z.string().describe('vulnerabilityID/packageID: the path of the detail'),
  vulnerabilityID: z.string(),
  vulnerabilityName: z.string(),
  packageID: z.string(),
  packageName: z.string(),
  packageVersion: z.string(),
  severity,
  cvssSeverity: severity.optional(),
  cvssBaseScore: z.number().optional(),
  applications: z.number().int(),
  applicationResources: z.number().int(),
  fixVersion: z.string(),
  reportingScanners: z.array(z.string()),
  source,
  sources: z.array(source),
  firstSeen: z.string(),
  lastSeen: z.string(),
});

const cvssV3 = z.object({
  cvssV3Vector: z.object({
    vector: z.string(),
    attackVector: z.string().optional(),
    attackComplexity: z.string().optional(),
    privilegesRequired: z.string().optional(),
    userInteraction: z.string().optional(),
    scope: z.string().optional(),
    confidentiality: z.string().optional(),
    integrity: z.string().optional(),
    availability: z.string().optional(),
  }),
  cvssV3Metrics: z.object({
    severity,
    baseScore: z.number(),
    exploitabilityScore: z.number(),
    impactScore: z.number(),
  }),
});

const cvssV4 = z.object({
  vector: z.string(),
  metrics: z.record(z.string(), z.string()),
  baseScore: z.number(),
  severity,
});

/** The detail of a pair. */
const vulnerabilityDetail = z.object({
  vulnerability: vulnerabilityItem,
  scanDate: z.string(),
  description: z.string(),
  links: z.array(z.string()),
  aliases: z.array(z.string()),
  fixedVersions: z.array(z.string()),
  cvss: cvssV3.optional(),
  cvssV4: cvssV4.optional(),
  epss: z.object({ score: z.number(), percentile: z.number() }).optional(),
  kev: z.record(z.string(), z.unknown()).optional(),
  findings: z.array(
    z.object({
      resourceID: z.string(),
      resourceName: z.string(),
      resourceHash: z.string(),
      severity,
      severityScore: z.number().nullable(),
      severitySource: z.string().nullable(),
      fixedVersions: z.array(z.string()),
      scanners: z.array(z.string()),
      source: z.string(),
      firstSeen: z.string(),
      lastSeen: z.string(),
      evidence: z.array(findingEvidence).describe('why the matcher found it: the record, the range, the comparison'),
    }),
  ),
});

const COLUMNS = columnsOf<VulnerabilityItem>([
  'vulnerabilityID',
  'vulnerabilityName',
  'packageID',
  'packageName',
  'packageVersion',
  'severity',
  'cvssSeverity',
  'cvssBaseScore',
  'applications',
  'applicationResources',
  'fixVersion',
  'reportingScanners',
  'source',
  'firstSeen',
  'lastSeen',
]);

const pairParams = z.object({ vulId: z.string().min(1).max(256), pkgId: z.string().min(1).max(256) });

/** Vulnerabilities. */
export const vulnerabilityRoutes = {
  name: 'vulnerabilities',
  prefix: '/api',
  register(app, context) {
    const { store } = context;
    const endpoint: ListEndpoint<VulnerabilityItem, keyof typeof VULNERABILITIES_LIST.sortKeys> = {
      name: 'vulnerabilities',
      spec: VULNERABILITIES_LIST,
      fetch: (query) => listVulnerabilities(store, query),
      columns: COLUMNS,
    };

    app.get(
      '/vulnerabilities',
      {
        config: { auth: 'viewer' },
        schema: {
          tags,
          querystring: listQuerystring(VULNERABILITIES_LIST),
          response: { 200: pageOf(vulnerabilityItem), ...ERROR_RESPONSES },
        },
      },
      (request, reply) => answerList(request, reply, endpoint),
    );

    app.get(
      '/vulnerabilities/:vulId/:pkgId',
      {
        config: { auth: 'viewer' },
        schema: {
          tags,
          params: pairParams,
          response: { 200: vulnerabilityDetail, 404: errorBody, ...ERROR_RESPONSES },
        },
      },
      async (request) => {
        const { vulId, pkgId } = request.params;
        const detail = found(await getVulnerability(store, vulId, pkgId), `vulnerability ${vulId} in package ${pkgId}`);
        const findings = detail.findings.map((finding) => ({
          ...finding,
          evidence: readStoredEvidence(finding.evidence),
        }));
        return { ...detail, findings };
      },
    );
  },
} satisfies RouteModule;

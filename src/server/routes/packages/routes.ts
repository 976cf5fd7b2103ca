/** `/api/packages`: the list, one package, and the resources that contain it. */
import { z } from 'zod';
import { PACKAGE_RESOURCES_LIST, PACKAGES_LIST } from '../../repositories/list-specs.ts';
import {
  getPackage,
  listPackageResources,
  listPackages,
  type PackageItem,
  type PackageResourceItem,
} from '../../repositories/packages.ts';
import { idParams } from '../applications/schemas.ts';
import type { RouteModule } from '../context.ts';
import { columnsOf } from '../csv.ts';
import { ERROR_RESPONSES, errorBody, found } from '../http-errors.ts';
import {
  answerList,
  type ListEndpoint,
  listQuerystring,
  pageOf,
  severityColumns,
  severityCounts,
} from '../list-route.ts';

const tags = ['packages'];

/** A package row. */
export const packageItem = z.object({
  id: z.string(),
  packageName: z.string(),
  version: z.string(),
  language: z.string(),
  license: z.string().describe('the licenses joined with AND'),
  licenses: z.array(z.string()),
  purl: z.string().nullable(),
  type: z.string().describe('purl type'),
  applications: z.number().int(),
  applicationResources: z.number().int(),
  vulnerabilities: severityCounts,
});

/** A resource that contains a package. */
const packageResourceItem = z.object({
  packageID: z.string(),
  resourceID: z.string(),
  resourceName: z.string(),
  resourceHash: z.string(),
  reportingSBOMAnalyzers: z.array(z.string()),
  path: z.string().nullable(),
  layerDiffId: z.string().nullable(),
});

const COLUMNS = [
  ...columnsOf<PackageItem>(['id', 'packageName', 'version', 'language', 'license', 'purl', 'type']),
  ...columnsOf<PackageItem>(['applications', 'applicationResources']),
  ...severityColumns<PackageItem>('vulnerabilities', (item) => item.vulnerabilities),
];

const RESOURCE_COLUMNS = columnsOf<PackageResourceItem>([
  'packageID',
  'resourceID',
  'resourceName',
  'resourceHash',
  'reportingSBOMAnalyzers',
  'path',
  'layerDiffId',
]);

/** Packages. */
export const packageRoutes = {
  name: 'packages',
  prefix: '/api',
  register(app, context) {
    const { store } = context;
    const endpoint: ListEndpoint<PackageItem, keyof typeof PACKAGES_LIST.sortKeys> = {
      name: 'packages',
      spec: PACKAGES_LIST,
      fetch: (query) => listPackages(store, query),
      columns: COLUMNS,
    };

    app.get(
      '/packages',
      {
        config: { auth: 'viewer' },
        schema: {
          tags,
          querystring: listQuerystring(PACKAGES_LIST),
          response: { 200: pageOf(packageItem), ...ERROR_RESPONSES },
        },
      },
      (request, reply) => answerList(request, reply, endpoint),
    );

    app.get(
      '/packages/:id',
      {
        config: { auth: 'viewer' },
        schema: { tags, params: idParams, response: { 200: packageItem, 404: errorBody, ...ERROR_RESPONSES } },
      },
      async (request) => found(await getPackage(store, request.params.id), `package ${request.params.id}`),
    );

    app.get(
      '/packages/:id/applicationResources',
      {
        config: { auth: 'viewer' },
        schema: {
          tags,
          params: idParams,
          querystring: listQuerystring(PACKAGE_RESOURCES_LIST),
          response: { 200: pageOf(packageResourceItem), 404: errorBody, ...ERROR_RESPONSES },
        },
      },
      async (request, reply) => {
        const { id } = request.params;
        found(await getPackage(store, id), `package ${id}`);
        return answerList(request, reply, {
          name: 'packageApplicationResources',
          spec: PACKAGE_RESOURCES_LIST,
          fetch: (query) => listPackageResources(store, id, query),
          columns: RESOURCE_COLUMNS,
        });
      },
    );
  },
} satisfies RouteModule;

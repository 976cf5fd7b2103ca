/** `/api/applicationResources`: the list, details, layers, CIS results, SBOM download and delete. */
import { z } from 'zod';
import { version } from '../../../cli/version.ts';
import { listLayerPackages } from '../../repositories/layer-packages.ts';
import { RESOURCES_LIST } from '../../repositories/list-specs.ts';
import {
  deleteResource,
  getResource,
  getResourceSbom,
  listCisChecks,
  listResourceLayers,
  listResources,
  type ResourceItem,
} from '../../repositories/resources.ts';
import { idParams } from '../applications/schemas.ts';
import type { RouteModule } from '../context.ts';
import { columnsOf } from '../csv.ts';
import { ERROR_RESPONSES, errorBody, found } from '../http-errors.ts';
import { answerList, type ListEndpoint, listQuerystring, pageOf, severityColumns } from '../list-route.ts';
import { SBOM_MEDIA_TYPE, sbomDocument } from './sbom.ts';
import {
  cisChecks,
  cisQuery,
  layerPackageItem,
  layerPackagesQuery,
  layerParams,
  resourceDetail,
  resourceItem,
  resourceLayers,
  sbomQuery,
} from './schemas.ts';

const tags = ['applicationResources'];

/** CSV columns: the JSON fields, vulnerabilities one column per severity. */
const COLUMNS = [
  ...columnsOf<ResourceItem>(['id', 'resourceName', 'resourceHash', 'resourceType']),
  ...severityColumns<ResourceItem>('vulnerabilities', (item) => item.vulnerabilities),
  ...columnsOf<ResourceItem>(['applications', 'packages', 'reportingSBOMAnalyzers']),
];

/** Application resources. */
export const resourceRoutes = {
  name: 'application-resources',
  prefix: '/api',
  register(app, context) {
    const { store } = context;
    const endpoint: ListEndpoint<ResourceItem, keyof typeof RESOURCES_LIST.sortKeys> = {
      name: 'applicationResources',
      spec: RESOURCES_LIST,
      fetch: (query) => listResources(store, query),
      columns: COLUMNS,
    };
    const resource = async (id: string) => found(await getResource(store, id), `application resource ${id}`);

    app.get(
      '/applicationResources',
      {
        config: { auth: 'viewer' },
        schema: {
          tags,
          querystring: listQuerystring(RESOURCES_LIST),
          response: { 200: pageOf(resourceItem), ...ERROR_RESPONSES },
        },
      },
      (request, reply) => answerList(request, reply, endpoint),
    );

    app.get(
      '/applicationResources/:id',
      {
        config: { auth: 'viewer' },
        schema: { tags, params: idParams, response: { 200: resourceDetail, 404: errorBody, ...ERROR_RESPONSES } },
      },
      (request) => resource(request.params.id),
    );

    app.get(
      '/applicationResources/:id/layers',
      {
        config: { auth: 'viewer' },
        schema: { tags, params: idParams, response: { 200: resourceLayers, 404: errorBody, ...ERROR_RESPONSES } },
      },
      async (request) => {
        await resource(request.params.id);
        return listResourceLayers(store, request.params.id);
      },
    );

    app.get(
      '/applicationResources/:id/layers/:index/packages',
      {
        config: { auth: 'viewer' },
        schema: {
          tags,
          summary: 'The packages a layer added',
          description:
            "The resource's packages first found in the layer at `index` (as in GET /applicationResources/{id}/layers), " +
            "sorted by name and version, with KubeClarity's `page` and `pageSize`. A layer whose diffID repeats an " +
            "earlier layer's lists none: its packages belong to the first.",
          params: layerParams,
          querystring: layerPackagesQuery,
          response: { 200: pageOf(layerPackageItem), 404: errorBody, ...ERROR_RESPONSES },
        },
      },
      async (request) => {
        await resource(request.params.id);
        const { id, index } = request.params;
        return found(await listLayerPackages(store, id, index, request.query), `layer ${index} of resource ${id}`);
      },
    );

    app.get(
      '/applicationResources/:id/sbom',
      {
        config: { auth: 'viewer' },
        schema: {
          tags,
          params: idParams,
          querystring: sbomQuery,
          response: { 200: z.string().describe('the SBOM document'), 404: errorBody, ...ERROR_RESPONSES },
        },
      },
      async (request, reply) => {
        const detail = await resource(request.params.id);
        const stored = await getResourceSbom(store, request.params.id);
        const format = request.query.format;
        const text = await sbomDocument(stored, detail, format, { name: 'lucent', version: version() });
        const name = detail.applicationResource.resourceName.replace(/[^A-Za-z0-9._-]+/g, '_').slice(0, 100);
        const extension = format === 'spdx-json' ? 'spdx.json' : 'cdx.json';
        return reply
          .type(`${SBOM_MEDIA_TYPE[format]}; charset=utf-8`)
          .header('content-disposition', `attachment; filename="${name}.${extension}"`)
          .send(text);
      },
    );

    app.get(
      '/cisdockerbenchmarkresults/:id',
      {
        config: { auth: 'viewer' },
        schema: {
          tags,
          params: idParams,
          querystring: cisQuery,
          response: { 200: cisChecks, 404: errorBody, ...ERROR_RESPONSES },
        },
      },
      async (request) => {
        await resource(request.params.id);
        return listCisChecks(store, request.params.id, request.query.sortKey, request.query.sortDir);
      },
    );

    app.delete(
      '/applicationResources/:id',
      {
        config: { auth: 'admin' },
        schema: { tags, params: idParams, response: { 204: z.undefined(), 404: errorBody, ...ERROR_RESPONSES } },
      },
      async (request, reply) => {
        found(
          (await deleteResource(store, request.params.id)) || undefined,
          `application resource ${request.params.id}`,
        );
        return reply.code(204).send();
      },
    );
  },
} satisfies RouteModule;

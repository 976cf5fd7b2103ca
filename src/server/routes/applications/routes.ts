/** `/api/applications`: the list, details, create, replace and delete. */
import { z } from 'zod';
import {
  ApplicationConflictError,
  type ApplicationItem,
  createApplication,
  deleteApplication,
  getApplication,
  listApplications,
  updateApplication,
} from '../../repositories/applications.ts';
import { APPLICATIONS_LIST } from '../../repositories/list-specs.ts';
import type { RouteModule } from '../context.ts';
import { columnsOf } from '../csv.ts';
import { ERROR_RESPONSES, errorBody, found } from '../http-errors.ts';
import { answerList, type ListEndpoint, listQuerystring, pageOf, severityColumns } from '../list-route.ts';
import {
  applicationConflict,
  applicationDetail,
  applicationInfo,
  applicationInput,
  applicationItem,
  idParams,
} from './schemas.ts';

const tags = ['applications'];

/** CSV columns: the JSON fields, vulnerabilities one column per severity. */
const COLUMNS = [
  ...columnsOf<ApplicationItem>(['id', 'applicationName', 'applicationType', 'labels', 'environments']),
  ...severityColumns<ApplicationItem>('vulnerabilities', (item) => item.vulnerabilities),
  ...columnsOf<ApplicationItem>(['applicationResources', 'packages']),
];

/** Applications. */
export const applicationRoutes = {
  name: 'applications',
  prefix: '/api',
  register(app, context) {
    const { store, now } = context;
    const endpoint: ListEndpoint<ApplicationItem, keyof typeof APPLICATIONS_LIST.sortKeys> = {
      name: 'applications',
      spec: APPLICATIONS_LIST,
      fetch: (query) => listApplications(store, query),
      columns: COLUMNS,
    };

    app.get(
      '/applications',
      {
        config: { auth: 'viewer' },
        schema: {
          tags,
          querystring: listQuerystring(APPLICATIONS_LIST),
          response: { 200: pageOf(applicationItem), ...ERROR_RESPONSES },
        },
      },
      (request, reply) => answerList(request, reply, endpoint),
    );

    app.get(
      '/applications/:id',
      {
        config: { auth: 'viewer' },
        schema: { tags, params: idParams, response: { 200: applicationDetail, 404: errorBody, ...ERROR_RESPONSES } },
      },
      async (request) => found(await getApplication(store, request.params.id), `application ${request.params.id}`),
    );

    app.post(
      '/applications',
      {
        config: { auth: 'writer' },
        schema: {
          tags,
          body: applicationInput,
          response: { 201: applicationInfo, 409: applicationConflict, ...ERROR_RESPONSES },
        },
      },
      async (request, reply) => {
        try {
          return reply.code(201).send(infoOf(await createApplication(store, request.body, now().toISOString())));
        } catch (error) {
          if (!(error instanceof ApplicationConflictError)) throw error;
          // KubeClarity answers a duplicate with the existing application; so does this, inside the error body.
          return reply.code(409).send({
            code: error.code,
            message: error.message,
            ...(error.hint ? { hint: error.hint } : {}),
            application: infoOf(error.existing),
          });
        }
      },
    );

    app.put(
      '/applications/:id',
      {
        config: { auth: 'writer' },
        schema: {
          tags,
          params: idParams,
          body: applicationInput,
          response: { 200: applicationInfo, 404: errorBody, 409: errorBody, ...ERROR_RESPONSES },
        },
      },
      async (request) => {
        const updated = await updateApplication(store, request.params.id, request.body, now().toISOString());
        return infoOf(found(updated, `application ${request.params.id}`));
      },
    );

    app.delete(
      '/applications/:id',
      {
        config: { auth: 'admin' },
        schema: { tags, params: idParams, response: { 204: z.undefined(), 404: errorBody, ...ERROR_RESPONSES } },
      },
      async (request, reply) => {
        found((await deleteApplication(store, request.params.id)) || undefined, `application ${request.params.id}`);
        return reply.code(204).send();
      },
    );
  },
} satisfies RouteModule;

function infoOf(item: ApplicationItem): z.infer<typeof applicationInfo> {
  return {
    id: item.id,
    name: item.applicationName,
    type: item.applicationType,
    labels: item.labels,
    environments: item.environments,
  };
}

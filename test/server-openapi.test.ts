/**
 * The OpenAPI document at /api/openapi.json: OpenAPI 3.1 in shape, every schema in it valid JSON Schema 2020-12,
 * every route of the app in it (and nothing else), with security that follows each route's auth declaration.
 */
import { Ajv2020 } from 'ajv/dist/2020.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, startHarness } from './support/server-harness.ts';

/** The parts of the OpenAPI 3.1 schema (https://spec.openapis.org/oas/3.1/schema) this document uses. */
const OPENAPI_31_SHAPE = {
  type: 'object',
  required: ['openapi', 'info', 'paths'],
  properties: {
    openapi: { type: 'string', pattern: '^3\\.1\\.\\d+$' },
    info: {
      type: 'object',
      required: ['title', 'version'],
      properties: { title: { type: 'string' }, version: { type: 'string' } },
    },
    servers: { type: 'array', items: { type: 'object', required: ['url'] } },
    paths: {
      type: 'object',
      propertyNames: { pattern: '^/' },
      additionalProperties: {
        type: 'object',
        propertyNames: { enum: ['get', 'put', 'post', 'delete', 'patch', 'head', 'options', 'parameters', 'summary'] },
        additionalProperties: { $ref: '#/$defs/operation' },
      },
    },
    components: {
      type: 'object',
      properties: {
        securitySchemes: { type: 'object', additionalProperties: { type: 'object', required: ['type'] } },
        schemas: { type: 'object' },
      },
    },
  },
  $defs: {
    operation: {
      type: 'object',
      required: ['responses'],
      properties: {
        tags: { type: 'array', items: { type: 'string' } },
        parameters: {
          type: 'array',
          items: {
            type: 'object',
            required: ['name', 'in', 'schema'],
            properties: { in: { enum: ['query', 'path', 'header', 'cookie'] }, required: { type: 'boolean' } },
          },
        },
        requestBody: { type: 'object', required: ['content'] },
        responses: {
          type: 'object',
          minProperties: 1,
          propertyNames: { pattern: '^([1-5][0-9]{2}|default)$' },
          additionalProperties: { type: 'object', required: ['description'] },
        },
        security: { type: 'array', items: { type: 'object' } },
      },
    },
  },
};

/** Routes that are deliberately left out of the document. */
const UNDOCUMENTED = ['GET /metrics', 'GET /api/openapi.json', 'GET /', 'GET *'];
const PUBLIC = ['GET /healthz', 'GET /readyz', 'POST /api/auth/login'];

describe('OpenAPI document', () => {
  let harness: Harness;
  let document: Record<string, unknown> & { paths: Record<string, Record<string, Operation>> };

  interface Operation {
    parameters?: { name: string; in: string; schema: object }[];
    requestBody?: { content: Record<string, { schema: object }> };
    responses: Record<string, { content?: Record<string, { schema: object }> }>;
    security?: Record<string, string[]>[];
  }

  beforeAll(async () => {
    harness = await startHarness('sqlite');
    const response = await harness.app.inject({ url: '/api/openapi.json' });
    expect(response.statusCode).toBe(200);
    document = response.json();
  });
  afterAll(async () => {
    await harness?.close();
  });

  it('is OpenAPI 3.1 in shape', () => {
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    const valid = ajv.validate(OPENAPI_31_SHAPE, document);
    expect(ajv.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
    expect(document.openapi).toBe('3.1.0');
  });

  it('holds only valid JSON Schema 2020-12 schemas', () => {
    const ajv = new Ajv2020({ strict: false, validateFormats: false });
    let schemas = 0;
    for (const [path, item] of Object.entries(document.paths)) {
      for (const [method, operation] of Object.entries(item)) {
        const found = [
          ...(operation.parameters ?? []).map((parameter) => parameter.schema),
          ...Object.values(operation.requestBody?.content ?? {}).map((content) => content.schema),
          ...Object.values(operation.responses).flatMap((response) =>
            Object.values(response.content ?? {}).map((content) => content.schema),
          ),
        ];
        for (const schema of found) {
          expect(() => ajv.compile(schema), `${method} ${path}`).not.toThrow();
          schemas++;
        }
      }
    }
    expect(schemas).toBeGreaterThan(200);
  });

  it('lists every route of the app, with security following its auth declaration', () => {
    const routes = routesOf(harness.app.printRoutes({ commonPrefix: false }));
    const documented = Object.entries(document.paths).flatMap(([path, item]) =>
      Object.keys(item).map((method) => `${method.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`),
    );
    const expected = routes.filter((route) => !route.startsWith('HEAD ') && !UNDOCUMENTED.includes(route));
    expect([...documented].sort()).toEqual([...expected].sort());
    expect(documented).toContain('POST /api/applications/contentAnalysis/:id');
    expect(documented).toContain('GET /api/applicationResources/:id/sbom');
    for (const [path, item] of Object.entries(document.paths)) {
      for (const [method, operation] of Object.entries(item)) {
        const route = `${method.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`;
        expect(operation.security, route).toEqual(PUBLIC.includes(route) ? [] : [{ bearerAuth: [] }]);
      }
    }
  });

  it('documents the list conventions: paging, sorting and each filter of each list', () => {
    const names = (document.paths['/api/applications']?.get?.parameters ?? []).map((parameter) => parameter.name);
    expect(names).toEqual(
      expect.arrayContaining([
        'page',
        'pageSize',
        'sortKey',
        'sortDir',
        'format',
        'applicationName[start]',
        'applicationLabels[containElements]',
        'vulnerabilitySeverity[gte]',
        'applicationResourceID',
      ]),
    );
    const vulnerabilities = document.paths['/api/vulnerabilities']?.get?.parameters ?? [];
    expect(vulnerabilities.map((parameter) => parameter.name)).toContain('reportingScanners[doesntContainElements]');
  });
});

/** `METHOD /path` of every route in Fastify's printRoutes tree. */
function routesOf(tree: string): string[] {
  const routes: string[] = [];
  const stack: string[] = [];
  for (const line of tree.split('\n')) {
    const match = /^((?:│ {3}| {4})*)(?:├── |└── )(\S+) \(([^)]+)\)$/.exec(line);
    if (!match) continue;
    const depth = (match[1] ?? '').length / 4;
    stack.length = depth;
    const path = `${stack.join('')}${match[2]}`;
    stack.push(match[2] ?? '');
    for (const method of (match[3] ?? '').split(', ')) routes.push(`${method} ${path}`);
  }
  return routes;
}

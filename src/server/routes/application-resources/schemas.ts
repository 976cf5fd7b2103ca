/** Schemas of the application resource routes (KubeClarity's `ApplicationResource`, `ApplicationResourceEx`). */
import { z } from 'zod';
import { RESOURCE_TYPES } from '../../repositories/list-specs.ts';
import { severityCounts } from '../list-route.ts';
import { SBOM_DOWNLOAD_FORMATS } from './sbom.ts';

/** A resource row. */
export const resourceItem = z.object({
  id: z.string(),
  resourceName: z.string(),
  resourceHash: z.string(),
  resourceType: z.enum(RESOURCE_TYPES),
  vulnerabilities: severityCounts,
  applications: z.number().int(),
  packages: z.number().int(),
  reportingSBOMAnalyzers: z.array(z.string()),
});

/** `GET /applicationResources/{id}`. */
export const resourceDetail = z.object({
  applicationResource: resourceItem,
  licenses: z.array(z.string()),
  reportingScanners: z.array(z.string()),
  os: z.record(z.string(), z.unknown()).nullable(),
  firstSeen: z.string(),
  lastAnalysisAt: z.string().nullable(),
  lastScanAt: z.string().nullable(),
});

/** `GET /applicationResources/{id}/layers`. */
export const resourceLayers = z.array(
  z.object({
    index: z.number().int(),
    diffId: z.string(),
    createdBy: z.string(),
    packages: z.number().int().describe('packages this layer added'),
  }),
);

/** `GET /applicationResources/{id}/layers/{index}/packages` path. */
export const layerParams = z.object({
  id: z.string().min(1).max(256),
  index: z.coerce.number().int().min(0).describe("the layer's index, as in the layers list"),
});

/** `GET /applicationResources/{id}/layers/{index}/packages` query: KubeClarity's paging parameters. */
export const layerPackagesQuery = z.object({
  page: z.coerce.number().int().min(1).default(1).describe('page number, from 1'),
  pageSize: z.coerce.number().int().min(1).max(100).default(50).describe('rows per page, 1 to 100'),
});

/** A package a layer added. */
export const layerPackageItem = z.object({
  id: z.string().describe('the package id (GET /packages/{id})'),
  name: z.string(),
  version: z.string(),
  type: z.string().describe("purl type: deb, npm, pypi, … ('' when unknown)"),
  language: z.string(),
  purl: z.string().nullable(),
  path: z.string().describe("the first path it was found at in the layer, '' when not reported"),
  analyzers: z.array(z.string()),
});

/** `GET /cisdockerbenchmarkresults/{id}`. */
export const cisChecks = z.object({
  total: z.number().int(),
  items: z.array(
    z.object({ code: z.string(), title: z.string(), level: z.enum(['INFO', 'WARN', 'FATAL']), desc: z.string() }),
  ),
});

/** `GET /cisdockerbenchmarkresults/{id}` query. */
export const cisQuery = z.object({
  sortKey: z.enum(['code', 'level']).default('code'),
  sortDir: z.enum(['ASC', 'DESC']).default('ASC'),
});

/** `GET /applicationResources/{id}/sbom` query. */
export const sbomQuery = z.object({
  format: z.enum(SBOM_DOWNLOAD_FORMATS).default('cyclonedx-json'),
});

/** Schemas of the application routes (KubeClarity's `Application`, `ApplicationInfo`). */
import { z } from 'zod';
import { APPLICATION_TYPES } from '../../repositories/list-specs.ts';
import { errorBody } from '../http-errors.ts';
import { severityCounts } from '../list-route.ts';

/** A path `{id}`. */
export const idParams = z.object({ id: z.string().min(1).max(256) });

/** An application row. */
export const applicationItem = z.object({
  id: z.string(),
  applicationName: z.string(),
  applicationType: z.enum(APPLICATION_TYPES),
  labels: z.array(z.string()).describe('key=value'),
  environments: z.array(z.string()),
  vulnerabilities: severityCounts,
  applicationResources: z.number().int(),
  packages: z.number().int(),
});

/** `GET /applications/{id}`. */
export const applicationDetail = z.object({ application: applicationItem, licenses: z.array(z.string()) });

/** `POST /applications` and `PUT /applications/{id}` bodies. */
export const applicationInput = z
  .object({
    name: z.string().trim().min(1).max(256),
    type: z.enum(APPLICATION_TYPES),
    labels: z
      .array(
        z
          .string()
          .max(512)
          .regex(/^[^=\s][^=]*=.*$/, 'a label is key=value'),
      )
      .max(256)
      .default([]),
    environments: z.array(z.string().min(1).max(256)).max(256).default([]),
  })
  .strict();

/** KubeClarity's `ApplicationInfo`, answered by create and update. */
export const applicationInfo = z.object({
  id: z.string(),
  name: z.string(),
  type: z.enum(APPLICATION_TYPES),
  labels: z.array(z.string()),
  environments: z.array(z.string()),
});

/** 409 on a duplicate name: the error, with the application that has the name. */
export const applicationConflict = errorBody.extend({ application: applicationInfo });

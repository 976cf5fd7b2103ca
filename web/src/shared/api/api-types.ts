/**
 * Types derived from the generated OpenAPI types (schema.d.ts): which paths have a method, and the JSON a call sends
 * and receives. Features name their models through these, so a server schema change shows up as a type error here.
 */
import type { paths } from './schema.d.ts';

/** A path of the API. */
export type ApiPath = keyof paths;

/** HTTP methods the dashboard uses. */
export type ApiMethod = 'get' | 'post' | 'put' | 'patch' | 'delete';

/** The paths that have method `M` (generated types mark absent methods as optional `never`). */
export type PathsWith<M extends ApiMethod> = {
  [P in ApiPath]: paths[P] extends { [K in M]: infer O } ? ([O] extends [never] ? never : P) : never;
}[ApiPath];

type Operation<P extends ApiPath, M extends ApiMethod> = paths[P] extends { [K in M]: infer O } ? O : never;

type SuccessJson<R> = {
  [S in keyof R]: S extends 200 | 201 | 202
    ? R[S] extends { content: { 'application/json': infer J } }
      ? J
      : never
    : S extends 204
      ? undefined
      : never;
}[keyof R];

/** The JSON of a successful answer. */
export type ResponseJson<P extends ApiPath, M extends ApiMethod> =
  Operation<P, M> extends { responses: infer R } ? SuccessJson<R> : never;

/** The JSON body a call sends (never when it takes none). */
export type RequestJson<P extends ApiPath, M extends ApiMethod> =
  Operation<P, M> extends {
    requestBody?: { content: { 'application/json': infer B } };
  }
    ? B
    : never;

/** Placeholder until the server's OpenAPI document is generated into this file by web/codegen. */
export type paths = {};

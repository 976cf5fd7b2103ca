/** Test helper: sets (or, for undefined, deletes) the value at a path inside a parsed JSON document. */
export function setPath(document: unknown, path: readonly (string | number)[], value: unknown): void {
  type Node = Record<string | number, unknown>;
  const parent = path.slice(0, -1).reduce<unknown>((node, key) => (node as Node)[key], document) as Node;
  const key = path.at(-1) as string | number;
  if (value === undefined) delete parent[key];
  else parent[key] = value;
}

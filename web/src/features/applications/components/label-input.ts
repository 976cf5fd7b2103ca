/** Parsing of the label and environment inputs of the application form. */

/** Splits "a, b" or one-per-line text into trimmed, distinct, non-empty items. */
export function splitList(text: string): string[] {
  return [
    ...new Set(
      text
        .split(/[\n,]/)
        .map((item) => item.trim())
        .filter(Boolean),
    ),
  ];
}

/** Labels that are not `key=value` with a non-empty key (the server's rule: no leading space or `=`). */
export function badLabels(labels: readonly string[]): string[] {
  return labels.filter((label) => !/^[^=\s][^=]*=.*$/.test(label));
}

/**
 * Debian control-file syntax (deb822): paragraphs of `Field: value` lines separated by blank lines, with
 * continuation lines that start with a space or tab. https://www.debian.org/doc/debian-policy/ch-controlfields.html
 * Written here because the format is a few lines of rules and no kept npm library parses it with line numbers.
 */

/** One paragraph: field names as written (case kept, compared case-insensitively through `field`), values trimmed. */
export interface Paragraph {
  /** 1-based line of the paragraph's first field. */
  line: number;
  fields: Map<string, string>;
  /** Lines that are neither a field nor a continuation. */
  errors: string[];
}

/** Splits control-file text into paragraphs; a comment line (`#`) is skipped, as dpkg does for copyright files. */
export function parseParagraphs(text: string): Paragraph[] {
  const paragraphs: Paragraph[] = [];
  let current: Paragraph | undefined;
  let lastField: string | undefined;
  const lines = text.replace(/\r\n/g, '\n').split('\n');
  lines.forEach((raw, index) => {
    if (raw.trim() === '') {
      current = undefined;
      lastField = undefined;
      return;
    }
    if (raw.startsWith('#')) return;
    if (!current) {
      current = { line: index + 1, fields: new Map(), errors: [] };
      paragraphs.push(current);
    }
    if (raw.startsWith(' ') || raw.startsWith('\t')) {
      if (lastField === undefined) current.errors.push(`line ${index + 1}: continuation line without a field`);
      else current.fields.set(lastField, `${current.fields.get(lastField) ?? ''}\n${raw.trim()}`);
      return;
    }
    const colon = raw.indexOf(':');
    if (colon <= 0) {
      current.errors.push(`line ${index + 1}: not a "Field: value" line`);
      lastField = undefined;
      return;
    }
    lastField = raw.slice(0, colon).trim().toLowerCase();
    current.fields.set(lastField, raw.slice(colon + 1).trim());
  });
  return paragraphs;
}

/** A field's value by case-insensitive name. */
export function field(paragraph: Paragraph, name: string): string | undefined {
  return paragraph.fields.get(name.toLowerCase());
}

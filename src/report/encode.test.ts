/** The format registry's contract: every format has its folder, with the same files, and dispatches to its encoder. */
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { encodeReport, REPORT_FORMATS } from './encode.ts';
import { encodeCsv } from './formats/csv/encode.ts';
import { encodeCycloneDxJsonReport } from './formats/cyclonedx-json/encode.ts';
import { encodeJson } from './formats/json/encode.ts';
import { encodeSarif } from './formats/sarif/encode.ts';
import { encodeTable } from './formats/table/encode.ts';
import { sampleScan } from './testing/sample-scan.ts';

const DIRECT = {
  table: encodeTable,
  json: encodeJson,
  sarif: encodeSarif,
  'cyclonedx-json': encodeCycloneDxJsonReport,
  csv: encodeCsv,
};

describe('report formats', () => {
  it('are the five formats of DESIGN §7', () => {
    expect([...REPORT_FORMATS]).toEqual(['table', 'json', 'sarif', 'cyclonedx-json', 'csv']);
  });

  it.each(REPORT_FORMATS)('%s has encode.ts, a test and golden fixtures', (format) => {
    const folder = new URL(`./formats/${format}/`, import.meta.url);
    expect(existsSync(new URL('encode.ts', folder))).toBe(true);
    expect(existsSync(new URL(`${format}.test.ts`, folder))).toBe(true);
    expect(existsSync(new URL('__fixtures__/', folder))).toBe(true);
  });

  it.each(REPORT_FORMATS)('encodeReport(%s) gives its encoder’s output', async (format) => {
    const options = { color: format === 'table' };
    expect(await encodeReport(format, sampleScan(), options)).toBe(DIRECT[format](sampleScan(), options));
  });
});

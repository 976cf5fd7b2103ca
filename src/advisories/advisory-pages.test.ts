import { describe, expect, it } from 'vitest';
import { advisoryPage, xenAdvisoryUrl } from './advisory-pages.ts';

describe('advisoryPage', () => {
  it.each([
    ['XSA-207', 'Xen Project', 'https://xenbits.xen.org/xsa/advisory-207.html'],
    ['XSA-0123', 'Xen Project', 'https://xenbits.xen.org/xsa/advisory-123.html'],
    ['CVE-2021-33574', 'OSV', 'https://osv.dev/vulnerability/CVE-2021-33574'],
    ['USN-5614-1', 'OSV', 'https://osv.dev/vulnerability/USN-5614-1'],
    ['XSA-207-1', 'OSV', 'https://osv.dev/vulnerability/XSA-207-1'],
    ['a b', 'OSV', 'https://osv.dev/vulnerability/a%20b'],
  ])('%s → %s, %s', (id, publisher, url) => {
    expect(advisoryPage(id)).toMatchObject({ publisher, url });
  });

  it('knows only XSA ids as Xen advisories', () => {
    expect(xenAdvisoryUrl('CVE-2017-2615')).toBeUndefined();
    expect(xenAdvisoryUrl('xsa-207')).toBeUndefined();
  });
});

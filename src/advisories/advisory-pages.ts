/**
 * Where a vulnerability id's advisory is published. osv.dev serves every OSV id and alias (CVE, GHSA, DSA, DLA, USN,
 * …), but not the Xen Project's own advisories: Alpine's secdb lists some Xen fixes by their XSA id alone, and those
 * live only on xenbits (https://xenbits.xen.org/xsa/, one page per number).
 */

/** An advisory's home page, the site's host and who publishes there. */
export interface AdvisoryPage {
  /** `OSV` or `Xen Project` (a CycloneDX vulnerability's source name). */
  publisher: string;
  site: string;
  url: string;
}

const XSA = /^XSA-(\d+)$/;

/** The Xen Project's page for an `XSA-<n>` id, else undefined. */
export function xenAdvisoryUrl(id: string): string | undefined {
  const number = XSA.exec(id)?.[1];
  return number ? `https://xenbits.xen.org/xsa/advisory-${Number(number)}.html` : undefined;
}

/** The page that publishes `id`. */
export function advisoryPage(id: string): AdvisoryPage {
  const xen = xenAdvisoryUrl(id);
  if (xen) return { publisher: 'Xen Project', site: 'xenbits.xen.org', url: xen };
  return { publisher: 'OSV', site: 'osv.dev', url: `https://osv.dev/vulnerability/${encodeURIComponent(id)}` };
}

/** SBOM download buttons (CycloneDX and SPDX JSON), fetched with the session's token. */
import { type ReactNode, useState } from 'react';
import { errorMessage } from '../../../shared/api/api-error.ts';
import { saveFile } from '../../../shared/api/http.ts';
import { fetchSbom, SBOM_FORMATS } from '../api/resources.ts';

/** One button per format; the file is named after the resource. */
export function SbomDownload({ resourceId, name }: { resourceId: string; name: string }): ReactNode {
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const base = name.replace(/[^A-Za-z0-9._-]+/g, '_').replace(/^_+|_+$/g, '') || 'sbom';
  const download = async (format: (typeof SBOM_FORMATS)[number]) => {
    setBusy(format.value);
    setError(null);
    try {
      saveFile(await fetchSbom(resourceId, format.value), `${base}.${format.file}`);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(null);
    }
  };
  return (
    <span className="toolbar">
      {SBOM_FORMATS.map((format) => (
        <button
          key={format.value}
          type="button"
          className="btn"
          disabled={busy !== null}
          onClick={() => download(format)}
        >
          {busy === format.value ? 'Downloading…' : `SBOM (${format.label})`}
        </button>
      ))}
      {error ? (
        <span role="alert" className="state--error">
          {errorMessage(error)}
        </span>
      ) : null}
    </span>
  );
}

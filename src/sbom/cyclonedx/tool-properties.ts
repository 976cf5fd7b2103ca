/**
 * Where other tools put locations and source packages in CycloneDX properties, so that their SBOMs decode with the
 * same detail as Lucent's own:
 * - Syft: `syft:location:<n>:path`, `syft:location:<n>:layerID`, `syft:metadata:source`, `syft:metadata:sourceVersion`;
 * - Trivy (and cdxgen, which embeds Trivy's results): `aquasecurity:trivy:FilePath`, `aquasecurity:trivy:LayerDiffID`,
 *   `aquasecurity:trivy:SrcName`, `SrcVersion`, `SrcRelease`, `SrcEpoch`.
 */
import type { PackageLocation } from '../../core/package.ts';
import { locationsOf, type NamedValue, readIndexed } from '../lucent-properties.ts';

const SYFT_LOCATION = 'syft:location:';
const TRIVY = 'aquasecurity:trivy:';

/** Locations and source package that Syft or Trivy recorded. */
export function toolFacts(properties: readonly NamedValue[]): {
  locations: PackageLocation[];
  source?: { name: string; version: string };
} {
  const syftLocations = new Map<number, Partial<PackageLocation>>();
  const values = new Map<string, string>();
  for (const [name, value] of properties) {
    if (name.startsWith(SYFT_LOCATION)) readIndexed(syftLocations, name.slice(SYFT_LOCATION.length), value);
    else values.set(name, value);
  }
  const locations = locationsOf(syftLocations);
  const trivyPath = values.get(`${TRIVY}FilePath`);
  const trivyLayer = values.get(`${TRIVY}LayerDiffID`);
  if (locations.length === 0 && (trivyPath || trivyLayer)) {
    locations.push({
      path: trivyPath ? `/${trivyPath.replace(/^\/+/, '')}` : '',
      ...(trivyLayer ? { layerDiffId: trivyLayer } : {}),
    });
  }
  const source = trivySource(values) ?? syftSource(values);
  return source ? { locations, source } : { locations };
}

function trivySource(values: Map<string, string>): { name: string; version: string } | undefined {
  const name = values.get(`${TRIVY}SrcName`);
  if (!name) return undefined;
  const epoch = values.get(`${TRIVY}SrcEpoch`);
  const release = values.get(`${TRIVY}SrcRelease`);
  let version = values.get(`${TRIVY}SrcVersion`) ?? '';
  if (release) version = `${version}-${release}`;
  if (epoch && epoch !== '0') version = `${epoch}:${version}`;
  return { name, version };
}

function syftSource(values: Map<string, string>): { name: string; version: string } | undefined {
  const name = values.get('syft:metadata:source');
  if (!name) return undefined;
  return { name, version: values.get('syft:metadata:sourceVersion') ?? '' };
}

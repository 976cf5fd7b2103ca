/** Golden-file assertions for the report encoders: the SBOM encoders' helper (`UPDATE_GOLDEN=1` rewrites the files). */
export { expectGolden } from '../../sbom/testing/golden.ts';

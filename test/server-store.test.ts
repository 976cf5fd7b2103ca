/**
 * The shared store suite on the real PostgreSQL (127.0.0.1:5432, user postgres, database test, or
 * LUCENT_TEST_POSTGRES_URL), in a schema of its own that is dropped afterwards. The same suite runs on SQLite in
 * src/server/store/store-contract.test.ts.
 */
import { afterAll } from 'vitest';
import { describeAuthContract } from '../src/server/store/testing/auth-contract.ts';
import { describeDetailsContract } from '../src/server/store/testing/details-contract.ts';
import { postgresHarness } from '../src/server/store/testing/harness.ts';
import { describeIngestContract } from '../src/server/store/testing/ingest-contract.ts';
import { describeListContract } from '../src/server/store/testing/list-contract.ts';

const harness = postgresHarness();
afterAll(() => harness.dispose());
describeListContract(harness);
describeIngestContract(harness);
describeDetailsContract(harness);
describeAuthContract(harness);

/** The shared store suite on in-memory SQLite (test/server-store.test.ts runs it on PostgreSQL). */
import { afterAll } from 'vitest';
import { describeAuthContract } from './testing/auth-contract.ts';
import { describeDetailsContract } from './testing/details-contract.ts';
import { sqliteHarness } from './testing/harness.ts';
import { describeIngestContract } from './testing/ingest-contract.ts';
import { describeListContract } from './testing/list-contract.ts';

const harness = sqliteHarness();
afterAll(() => harness.dispose());
describeListContract(harness);
describeIngestContract(harness);
describeDetailsContract(harness);
describeAuthContract(harness);

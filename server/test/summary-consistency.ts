import { expect } from 'vitest';
import { summaryDifferences } from '../src/modules/indicators/organization-summary.js';
import type { TestServer } from './test-server.js';

/**
 * The stored summary (organisation, municipality and region rows) equals a recomputation from
 * the base rows: every write path refreshed what it changed. Call it after write-heavy tests.
 */
export async function expectSummaryConsistent(api: TestServer): Promise<void> {
  const differences = await summaryDifferences(api.orm.em.getConnection().getKnex());
  expect(differences, 'сводка расходится с пересчётом из исходных строк').toEqual([]);
}

// The smoke tests of a document as `readiness/checklist` lists them for the sidebar: enough to show
// a row per test under its item and to run it by its key; the request, the evidence fields and the
// parse stay in the server.
import type { EvidenceWords } from '../core/features/evidenceHover';
import type { TestEvidenceRecord } from '../core/rules/evidenceState';
import type { SmokeSuite } from '../core/smoke';
import type { ChecklistResult, ChecklistSmokeTest } from './protocol';

export type ListedSmokeTests = Pick<ChecklistResult, 'smokeTests' | 'smokeStagingHost'>;

export function listSmokeTests(suite: SmokeSuite, evidence: readonly TestEvidenceRecord[] = [], words?: (record: TestEvidenceRecord) => EvidenceWords): ListedSmokeTests {
  const records = new Map(evidence.map((r) => [r.testKey, r]));
  const smokeTests = suite.tests.map((test): ChecklistSmokeTest => {
    const listed = { key: test.key, number: test.number, itemId: test.itemId, method: test.method, path: test.path, commandRange: test.commandRange, range: test.range };
    const record = records.get(test.key);
    return record && words ? { ...listed, evidence: words(record) } : listed;
  });
  return suite.stagingHost === undefined ? { smokeTests } : { smokeTests, smokeStagingHost: suite.stagingHost };
}

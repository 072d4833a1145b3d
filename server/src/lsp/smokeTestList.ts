// The smoke tests of a document as `readiness/checklist` lists them for the sidebar: enough to show
// a row per test under its item and to run it by its key; the request, the evidence fields and the
// parse stay in the server.
import type { SmokeSuite } from '../core/smoke';
import type { ChecklistResult, ChecklistSmokeTest } from './protocol';

export type ListedSmokeTests = Pick<ChecklistResult, 'smokeTests' | 'smokeStagingHost'>;

export function listSmokeTests(suite: SmokeSuite): ListedSmokeTests {
  const smokeTests = suite.tests.map(
    (test): ChecklistSmokeTest => ({ key: test.key, number: test.number, itemId: test.itemId, method: test.method, path: test.path, commandRange: test.commandRange, range: test.range }),
  );
  return suite.stagingHost === undefined ? { smokeTests } : { smokeTests, smokeStagingHost: suite.stagingHost };
}

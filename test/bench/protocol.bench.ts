// Issue 13: the size of the `readiness/checklist` answer for the sample, in the shape main sent
// (the core's whole model with fences, references and `today`; smoke-test keys that spelled out
// the command) and as the view model sent now. Both are built here from the same analysis.
import { ChecklistAnalyzer } from '../../server/src/core/analyzer';
import { findSmokeTests } from '../../server/src/core/smoke';
import { checklistResult } from '../../server/src/lsp/checklistResult';
import { sampleText } from '../support/paths';
import { testService } from '../support/sidebar';
import type { BenchLine } from './harness';

export const title = 'readiness/checklist payload (issue 13)';

const TODAY = '2025-12-08';
const URI = 'file:///work/ENTREGABLES.md';

/** The answer as main built it (server/src/lsp/checklistResult.ts and smokeTestList.ts before issue 13). */
function mainShape(text: string): unknown {
  const analysis = new ChecklistAnalyzer().analyze(text, { today: TODAY });
  const suite = findSmokeTests(analysis.checklist, text);
  const openPlaceholders = analysis.checklist.items.flatMap((item) =>
    item.placeholders.map((p) => ({ itemId: item.id, text: p.text, range: p.range, kind: p.kind })),
  );
  const smokeTests = suite.tests.map((test) => ({
    key: JSON.stringify([
      test.identity.number ?? null,
      test.identity.path ?? null,
      test.identity.command,
      test.identity.occurrence,
    ]),
    number: test.number,
    itemId: test.itemId,
    method: test.method,
    path: test.path,
    commandRange: test.commandRange,
    range: test.range,
  }));
  return {
    uri: URI,
    version: 1,
    isChecklist: true,
    checklist: analysis.checklist,
    progress: analysis.progress,
    openPlaceholders,
    today: TODAY,
    smokeTests,
    smokeStagingHost: suite.stagingHost,
  };
}

function viewShape(text: string): unknown {
  const analysis = new ChecklistAnalyzer().analyze(text, { today: TODAY });
  return checklistResult(testService, URI, 1, analysis, text, findSmokeTests(analysis.checklist, text), TODAY);
}

const bytes = (value: unknown): number => Buffer.byteLength(JSON.stringify(value), 'utf8');

export function run(): Promise<BenchLine[]> {
  const text = sampleText();
  const before = bytes(mainShape(text));
  const after = bytes(viewShape(text));
  // Measured on main itself (commit 92640ac), the same answer was 132521 bytes.
  return Promise.resolve([
    { label: 'sample, main shape (core model)', figure: `${before} bytes` },
    { label: 'sample, view model', figure: `${after} bytes (${((100 * after) / before).toFixed(0)}% of main's)` },
  ]);
}

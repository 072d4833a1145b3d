// The answer to `readiness/checklist`, whether the document is open or read from disk.
import type { Analysis } from '../core/analyzer';
import type { SmokeSuite } from '../core/smoke';
import type { Verdict } from '../core/verdict';
import type { ChecklistResult } from './protocol';
import { listSmokeTests } from './smokeTestList';

export function checklistResult(uri: string, version: number, analysis: Analysis, suite: SmokeSuite, today: string, verdict?: Verdict): ChecklistResult {
  const openPlaceholders = analysis.checklist.items.flatMap((item) => item.placeholders.map((p) => ({ itemId: item.id, text: p.text, range: p.range, kind: p.kind })));
  return { uri, version, isChecklist: true, checklist: analysis.checklist, progress: analysis.progress, openPlaceholders, today, ...listSmokeTests(suite), ...(verdict ? { verdict } : {}) };
}

/** The answer for a file that is not a checklist, or cannot be read as one: nothing, not an error. */
export function notAChecklist(uri: string, version: number, today: string): ChecklistResult {
  return { uri, version, isChecklist: false, checklist: undefined, progress: undefined, openPlaceholders: [], today, smokeTests: [] };
}

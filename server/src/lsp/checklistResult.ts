// The answer to `readiness/checklist`, whether the document is open or read from disk: the core's
// view model with the document's URI and version.
import type { Analysis } from '../core/analyzer';
import type { SmokeSuite } from '../core/smoke';
import { checklistView, notAChecklistView } from '../core/view/checklistView';
import type { ChecklistResult, LastSmokeResultView } from '../protocol';

export function checklistResult(
  uri: string,
  version: number,
  analysis: Analysis,
  suite: SmokeSuite,
  today: string,
  lastResults?: ReadonlyMap<string, LastSmokeResultView>,
): ChecklistResult {
  return { uri, version, ...checklistView({ analysis, suite, today, ...(lastResults ? { lastResults } : {}) }) };
}

/** The answer for a file that is not a checklist, or cannot be read as one: nothing, not an error. */
export function notAChecklist(uri: string, version: number): ChecklistResult {
  return { uri, version, ...notAChecklistView };
}

// The answer to `readiness/checklist`, whether the document is open or read from disk: the core's
// view model with the document's URI and version.
import type { Analysis, SmokeSuite } from '../core/api';
import type { ReadinessService } from '../core/service';
import type { ChecklistResult, LastSmokeResultView } from '../protocol';

export function checklistResult(
  service: ReadinessService,
  uri: string,
  version: number,
  analysis: Analysis,
  suite: SmokeSuite,
  today: string,
  lastResults?: ReadonlyMap<string, LastSmokeResultView>,
): ChecklistResult {
  return { uri, version, ...service.view({ analysis, suite, today, ...(lastResults ? { lastResults } : {}) }) };
}

/** The answer for a file that is not a checklist, or cannot be read as one: nothing, not an error. */
export function notAChecklist(service: ReadinessService, uri: string, version: number): ChecklistResult {
  return { uri, version, ...service.notAChecklist };
}

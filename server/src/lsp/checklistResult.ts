// The answer to `readiness/checklist`, whether the document is open or read from disk: the core's
// view model (with the core's verdict) and the document's URI and version.
import type { Analysis, SmokeSuite, TestEvidenceRecord, Translate } from '../core/api';
import type { ReadinessService } from '../core/service';
import type { ChecklistResult, LastSmokeResultView } from '../protocol';

/** Every test's evidence record (`service.evidence.all`), worded in the display language against the server's wall clock. */
export interface ListedEvidence {
  readonly records: readonly TestEvidenceRecord[];
  readonly nowMs: number;
  readonly t: Translate;
}

/** The verdict's language. */
export interface VerdictOptions {
  readonly t?: Translate | undefined;
}

export function checklistResult(
  service: ReadinessService,
  uri: string,
  version: number,
  analysis: Analysis,
  text: string,
  suite: SmokeSuite,
  today: string,
  lastResults?: ReadonlyMap<string, LastSmokeResultView>,
  evidence?: ListedEvidence,
  options: VerdictOptions = {},
): ChecklistResult {
  return {
    uri,
    version,
    ...service.view({
      analysis,
      text,
      suite,
      today,
      t: options.t,
      ...(lastResults ? { lastResults } : {}),
      ...(evidence ? { evidence } : {}),
    }),
  };
}

/** The answer for a file that is not a checklist, or cannot be read as one: nothing, not an error. */
export function notAChecklist(service: ReadinessService, uri: string, version: number): ChecklistResult {
  return { uri, version, ...service.notAChecklist };
}

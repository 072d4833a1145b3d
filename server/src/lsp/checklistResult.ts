// The answer to `readiness/checklist`, whether the document is open or read from disk.
import type { Analysis } from '../core/analyzer';
import { evidenceWords, type EvidenceWords } from '../core/features/evidenceHover';
import type { Translate } from '../core/messages';
import type { TestEvidenceRecord } from '../core/rules/evidenceState';
import type { SmokeSuite } from '../core/smoke';
import type { ChecklistResult } from './protocol';
import { listSmokeTests } from './smokeTestList';

/** Every test's evidence record (`allEvidence`) and how to word it, for the sidebar's rows. */
export interface ListedEvidence {
  readonly records: readonly TestEvidenceRecord[];
  readonly words: (record: TestEvidenceRecord) => EvidenceWords;
}

export function checklistResult(uri: string, version: number, analysis: Analysis, suite: SmokeSuite, today: string, evidence?: ListedEvidence): ChecklistResult {
  const openPlaceholders = analysis.checklist.items.flatMap((item) => item.placeholders.map((p) => ({ itemId: item.id, text: p.text, range: p.range, kind: p.kind })));
  return { uri, version, isChecklist: true, checklist: analysis.checklist, progress: analysis.progress, openPlaceholders, today, ...listSmokeTests(suite, evidence?.records, evidence?.words) };
}

/** Each test's evidence as the sidebar shows it, worded in the display language against the server's clock. */
export function evidenceWordsFor(t: Translate, nowMs: number): (record: TestEvidenceRecord) => EvidenceWords {
  return (record) => evidenceWords(record, nowMs, t);
}

/** The answer for a file that is not a checklist, or cannot be read as one: nothing, not an error. */
export function notAChecklist(uri: string, version: number, today: string): ChecklistResult {
  return { uri, version, isChecklist: false, checklist: undefined, progress: undefined, openPlaceholders: [], today, smokeTests: [] };
}

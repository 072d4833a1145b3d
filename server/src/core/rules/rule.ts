import type { Block } from '../markdown/blocks';
import type { Translate } from '../messages';
import type { Checklist } from '../model/checklist';
import type { Finding, FindingCode, Severity } from '../types';
import { defaultEvidenceSettings, type EvidenceSettings, type TestEvidenceRecord } from './evidenceState';
import type { SignOff } from './signoffs';

/** The states whose words configuration can extend (`stateWords`). */
export const STATE_WORD_KEYS = ['done', 'in-progress', 'pending', 'blocked', 'at-risk', 'not-applicable'] as const;
export type StateWordKey = (typeof STATE_WORD_KEYS)[number];

export interface AnalysisSettings {
  readonly placeholderSeverity: { readonly blocker: Severity; readonly other: Severity };
  /** Values that look like secrets but are accepted (known test credentials): `readiness.secrets.allow`. */
  readonly secretsAllow: readonly RegExp[];
  /** How smoke-test evidence ages and what it is compared with (`readiness.evidence.*`, the base URL). */
  readonly evidence?: EvidenceSettings | undefined;
  /** Severity by finding code (`severity.<code>`); `off` drops the code's findings. */
  readonly severities?: Partial<Record<FindingCode, Severity | 'off'>>;
  /** More words for each state, beside the built-in Spanish and English ones (`stateWords`). */
  readonly stateWords?: Partial<Record<StateWordKey, readonly string[]>>;
  /** More marks that make a group or an item a blocker (`blockerMarks`). */
  readonly blockerMarks?: readonly string[];
}

export const defaultAnalysisSettings: AnalysisSettings = {
  placeholderSeverity: { blocker: 'warning', other: 'information' },
  secretsAllow: [],
  evidence: defaultEvidenceSettings,
};

/** What every rule receives: the document, its model, and how to word and grade findings. */
export interface RuleContext {
  readonly text: string;
  /** The text split at its top-level headings, for rules that cache per block. */
  readonly blocks: readonly Block[];
  readonly checklist: Checklist;
  readonly settings: AnalysisSettings;
  readonly t: Translate;
  /** Today's date (`YYYY-MM-DD`) from the injected clock, or undefined to skip date checks. */
  readonly today: string | undefined;
  /** The smoke tests' evidence records the analysis needs (stamped tests and tests of done items). */
  readonly evidence: readonly TestEvidenceRecord[];
  /** The document's sign-off lines, with the newest evidence each covers. */
  readonly signOffs: readonly SignOff[];
}

export type Rule = (ctx: RuleContext) => Finding[];

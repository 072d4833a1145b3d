import type { Block } from '../markdown/blocks';
import type { Translate } from '../messages';
import type { Checklist } from '../model/checklist';
import type { Finding, Severity } from '../types';

export interface AnalysisSettings {
  readonly placeholderSeverity: { readonly blocker: Severity; readonly other: Severity };
  /** Values that look like secrets but are accepted (known test credentials): `readiness.secrets.allow`. */
  readonly secretsAllow: readonly RegExp[];
  /** Words, beyond the built-in vocabulary, that name each state (`stateWords` in `.readiness.json`). */
  readonly stateWords?: Partial<Record<'done' | 'in-progress' | 'pending' | 'blocked' | 'at-risk' | 'not-applicable', readonly string[]>>;
  /** Marks, beyond the built-in ones, that make a group or an item a blocker (`blockerMarks`). */
  readonly blockerMarks?: readonly string[];
}

export const defaultAnalysisSettings: AnalysisSettings = {
  placeholderSeverity: { blocker: 'warning', other: 'information' },
  secretsAllow: [],
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
}

export type Rule = (ctx: RuleContext) => Finding[];

import type { Translate } from '../messages';
import type { Checklist } from '../model/checklist';
import type { Finding, Severity } from '../types';
import { defaultEvidenceSettings, type EvidenceSettings } from './evidenceState';

export interface AnalysisSettings {
  readonly placeholderSeverity: { readonly blocker: Severity; readonly other: Severity };
  /** Values that look like secrets but are accepted (known test credentials): `readiness.secrets.allow`. */
  readonly secretsAllow: readonly RegExp[];
  /** How smoke-test evidence ages and what it is compared with (`readiness.evidence.*`, the base URL). */
  readonly evidence?: EvidenceSettings | undefined;
}

export const defaultAnalysisSettings: AnalysisSettings = {
  placeholderSeverity: { blocker: 'warning', other: 'information' },
  secretsAllow: [],
  evidence: defaultEvidenceSettings,
};

/** What every rule receives: the document, its model, and how to word and grade findings. */
export interface RuleContext {
  readonly text: string;
  readonly checklist: Checklist;
  readonly settings: AnalysisSettings;
  readonly t: Translate;
  /** Today's date (`YYYY-MM-DD`) from the injected clock, or undefined to skip date checks. */
  readonly today: string | undefined;
}

export type Rule = (ctx: RuleContext) => Finding[];

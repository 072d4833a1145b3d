import type { Translate } from '../messages';
import type { Checklist } from '../model/checklist';
import type { Finding, Severity } from '../types';

export interface AnalysisSettings {
  readonly placeholderSeverity: { readonly blocker: Severity; readonly other: Severity };
}

export const defaultAnalysisSettings: AnalysisSettings = {
  placeholderSeverity: { blocker: 'warning', other: 'information' },
};

/** What every rule receives: the model of one document and how to word and grade findings. */
export interface RuleContext {
  readonly checklist: Checklist;
  readonly settings: AnalysisSettings;
  readonly t: Translate;
}

export type Rule = (ctx: RuleContext) => Finding[];

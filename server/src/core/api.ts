// The core's types the front ends use, from one module: with core/service.ts (the operations) and
// core/ports.ts (what they plug in), this is all of the core the language server and the CLI see.
export type { Analysis, AnalysisOptions } from './analyzer';
export { DEFAULT_MAX_SIZE } from './analyzer';
export type { Now } from './dates';
export { localDateTime, localTimeOfDay } from './dates';
export { defaultChecklistGlobs } from './detect';
export type { Fix, SettableState } from './features/fixes';
export { REDACT_SECRETS_KIND, SYNC_SUMMARY_KIND } from './features/fixes';
export type { HoverContent } from './features/hover';
export type { OutlineSymbol } from './features/symbols';
export type { Language, Translate } from './messages';
export type { Checklist, Item, ItemState, Progress } from './model/checklist';
export type { FileReference } from './model/references/types';
export type { FileFact, FileFacts, FileProbe, ReferenceBases, ReferenceContext, ReferenceFix } from './references';
export { defaultAnalysisSettings, type AnalysisSettings } from './rules/rule';
export type { RuleMetadata } from './rules/registry';
export { defaultSmokeSettings, type Redactor, type SmokeObserver, type SmokeResult, type SmokeRun, type SmokeSettings, type SmokeSuite, type SmokeTest } from './smoke';
export type { Finding, FindingCode, Position, Range, Severity, TextEdit } from './types';
export { intersects } from './types';
export type { Verdict } from './verdict';
export type { ChecklistViewResult } from './view/checklistView';

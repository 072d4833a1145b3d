// The core's types the front ends use, from one module: with core/service.ts (the operations) and
// core/ports.ts (what they plug in), this is all of the core the language server and the CLI see.
export type { Analysis, AnalysisOptions } from './analyzer';
export type { SafeText } from './safeText';
export { DEFAULT_MAX_SIZE } from './analyzer';
export { DEFAULT_MAX_PROBLEMS, shownFindings } from './findingsLimit';
export type { Now } from './dates';
export { localDateTime, localTimeOfDay } from './dates';
export { defaultChecklistGlobs } from './detect';
export { splitLines } from './markdown/lines';
export type { Fix, SettableState } from './features/fixes';
export { REDACT_SECRETS_KIND, SYNC_SUMMARY_KIND } from './features/fixes';
export type { HoverContent } from './features/hover';
export type { OutlineSymbol } from './features/symbols';
export type { Language, Translate } from './messages';
export type { Checklist, Item, ItemState, Progress } from './model/checklist';
export type { FileReference } from './model/references/types';
export type { FileFact, FileFacts, FileProbe, ReferenceBases, ReferenceContext, ReferenceFix } from './references';
export { defaultAnalysisSettings, type AnalysisSettings } from './rules/rule';
export type { EvidenceWords } from './features/evidenceHover';
export { DEFAULT_EVIDENCE_MAX_AGE_DAYS, type EvidenceSettings, type TestEvidenceRecord } from './rules/evidenceState';
export type { SignOff } from './rules/signoffs';
export type { PastedEvidence, Verification } from './smoke/drift';
export type { WallClock, WallTime } from './smoke/ports';
export { parseBaseUrl } from './smoke/hosts';
export {
  CONFIG_FILE_NAME,
  defaultSettings,
  inEnvironment,
  mergeLayers,
  PACKAGE_FILE_NAME,
  toSettings,
  type ConfigProblem,
  type FoundConfig,
  type ParsedConfig,
  type ResourceSettings,
  type SmokeEnvironmentSettings,
} from './settings';
export type { RuleMetadata } from './rules/registry';
export {
  defaultSmokeSettings,
  type Redactor,
  type SmokeObserver,
  type SmokeResult,
  type SmokeRun,
  type SmokeSettings,
  type SmokeSuite,
  type SmokeTest,
} from './smoke';
export type { Finding, FindingCode, Position, Range, Severity, TextEdit } from './types';
export { intersects, range } from './types';
export type { BlockerVerdict, Decision, ProblemKind, Verdict, VerdictEntry, VerdictProblem } from './verdict';
export type { HtmlOptions, ReportContext, ReportFormat, ReportModel } from './report';
export type { ChecklistViewResult } from './view/checklistView';

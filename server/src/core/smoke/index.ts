// The smoke-test API the language server and the CLI use: recognise the tests
// of a document, run them through injected ports, turn the results into text
// edits for the document and lines for a report.
import { ChecklistAnalyzer } from '../analyzer';
import { findSmokeTests, type SmokeSuite } from './recognize';

export { parseCurlCommand, type CommandProblem, type CurlCommand, type ParsedCommand } from './curl';
export { applyTextEdits, evidenceEdits, type DroppedEvidence, type EvidencePlan, type TextEdit } from './evidence';
export {
  FileReadFailure,
  HttpFailure,
  type Clock,
  type ConfirmForeignHost,
  type FileReader,
  type ForeignHostRequest,
  type HttpClient,
  type HttpRequest,
  type HttpResponse,
  type SecretDetector,
  type SecretProvider,
  type WallClock,
  type WallTime,
} from './ports';
export { describeProblem, describeReason, expectationOf, type FailedExpectation, type SmokeReason } from './reasons';
export {
  findSmokeTests,
  smokeTestAt,
  type EvidenceSlots,
  type SmokeSuite,
  type SmokeTest,
  type SmokeTestIdentity,
} from './recognize';
export { createRedactor, defaultSecretDetector, MASK, type Redactor } from './redact';
export { resultLine, summarize, summaryLine, verdictOf, type RunSummary } from './report';
export {
  runSmokeTests,
  type RunOptions,
  type SmokeEnvironment,
  type SmokeObserver,
  type SmokeOutcome,
  type SmokeProgress,
  type SmokeResult,
  type SmokeRun,
  type TestEvidence,
} from './runner';
export {
  commandDigest,
  digestOf,
  evidenceDigest,
  formatStamp,
  isStampLine,
  parseStamp,
  sameDigest,
  stampsOf,
  STAMP_VERSION,
  type EvidenceStamp,
  type ParsedStamp,
  type PlacedStamp,
  type StampContext,
} from './stamp';
export { stampedEvidenceEdits } from './stampWrite';
export { defaultSmokeSettings, DEFAULT_SMOKE_TIMEOUT_MS, type SmokeSettings } from './settings';

/** Recognises the smoke tests of a document's text with the checklist analysis (a fresh analyzer unless one is given). */
export function smokeTestsOf(text: string, analyzer: ChecklistAnalyzer = new ChecklistAnalyzer()): SmokeSuite {
  return findSmokeTests(analyzer.analyze(text).checklist, text);
}

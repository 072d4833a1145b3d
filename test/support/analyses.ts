// The analysis of a text, computed once per test process. Most unit tests read the same few
// documents (the sample under a handful of dates and locales), and an analysis is a pure
// function of its text and options; tests that exercise the analyzer's own caches keep
// their ChecklistAnalyzer.
import { ChecklistAnalyzer, type Analysis, type AnalysisOptions } from '../../server/src/core/analyzer';

const analyses = new Map<string, Analysis>();
/**
 * One analyzer for them all, as the editor keeps one per document: most texts are the sample with
 * a few lines changed, so only the blocks that differ from the last text are parsed again
 * (test/stress/incremental.test.ts holds that this equals a fresh analysis).
 */
const analyzer = new ChecklistAnalyzer();

/** Options with settings are not shared: they hold regular expressions that JSON cannot tell apart. */
export function analysisOf(text: string, options: AnalysisOptions = {}): Analysis {
  if (options.settings !== undefined) return new ChecklistAnalyzer().analyze(text, options);
  const key = `${options.locale ?? ''}\u0000${options.today ?? ''}\u0000${options.maxSize ?? ''}\u0000${text}`;
  let analysis = analyses.get(key);
  if (analysis === undefined) {
    analysis = analyzer.analyze(text, options);
    analyses.set(key, analysis);
  }
  return analysis;
}

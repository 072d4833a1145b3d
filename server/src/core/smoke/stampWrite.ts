// Writing a run's evidence with its provenance stamps (see stamp.ts): the
// evidence edits, then each touched block's stamps rewritten after it.
import { ChecklistAnalyzer } from '../analyzer';
import { LineIndex } from '../markdown/lines';
import { range } from '../types';
import { applyTextEdits, evidenceEdits, type EvidencePlan, type TextEdit } from './evidence';
import { findSmokeTests, type SmokeSuite } from './recognize';
import type { SmokeResult } from './runner';
import {
  byFence,
  commandDigest,
  evidenceDigest,
  formatStamp,
  isoWithOffset,
  regionAfter,
  stampsOf,
  targetOf,
  type EvidenceStamp,
  type StampContext,
} from './stamp';

/**
 * The edits that paste a run's evidence and stamp it: the evidence as `evidenceEdits` places it,
 * and for each block that got evidence, its stamps rewritten (a re-run test's stamp replaced,
 * the others kept). Both are against `text`; the digests are of the text as it will be.
 */
export function stampedEvidenceEdits(
  text: string,
  suite: SmokeSuite,
  results: readonly SmokeResult[],
  context: StampContext,
  messageLanguage: 'en' | 'es' = suite.language,
): EvidencePlan {
  const plan = evidenceEdits(suite, results, messageLanguage);
  if (plan.edits.length === 0) return plan;
  const before = new LineIndex(text);
  const afterText = applyTextEdits(text, plan.edits);
  const after = new LineIndex(afterText);
  const afterSuite = findSmokeTests(new ChecklistAnalyzer().analyze(afterText).checklist, afterText);
  const afterByKey = new Map(afterSuite.tests.map((t) => [t.key, t]));
  const fresh = new Map<string, EvidenceStamp>();
  for (const result of results) {
    const test = afterByKey.get(result.testKey);
    if (!result.evidence || !test || result.ranAt === undefined) continue;
    fresh.set(test.key, {
      test: test.number,
      ran: isoWithOffset(result.ranAt.ms, result.ranAt.offsetMinutes),
      host: targetOf(test, suite.stagingHost, context.baseUrl),
      env: context.environment,
      runner: context.runner,
      cmd: commandDigest(test),
      status: result.status,
      ms: result.elapsedMs === undefined ? undefined : Math.round(result.elapsedMs),
      result: result.evidence.passed ? 'passed' : 'failed',
      out: evidenceDigest(test, after),
    });
  }
  const stampEdits: TextEdit[] = [];
  for (const [, tests] of byFence(suite)) {
    if (!tests.some((t) => fresh.has(t.key))) continue;
    const first = tests[0];
    const region = first && regionAfter(first.fenceRange, before);
    if (!region) continue;
    const existing = stampsOf({ ...suite, tests }, before);
    const prefix = /^[ \t]*(?:>[ \t]?)*/.exec(before.lineText(region.fenceEnd))?.[0] ?? '';
    const lines = tests.flatMap((test) => {
      const stamp = fresh.get(test.key);
      if (stamp) return [prefix + formatStamp(stamp)];
      const kept = existing.get(test.key);
      return kept ? [before.lineText(kept.line)] : [];
    });
    const endText = before.lineText(region.end);
    stampEdits.push({
      range: range(
        region.fenceEnd,
        before.lineText(region.fenceEnd).length,
        region.end,
        region.end === region.fenceEnd ? before.lineText(region.end).length : endText.length,
      ),
      newText: lines.map((l) => suite.eol + l).join(''),
    });
  }
  return { edits: [...plan.edits, ...stampEdits], dropped: plan.dropped };
}

// One line per test result, the same for the CLI and the editor's output
// channel: number, method, path, status, time, verdict, reason.
import { translator, type Language } from '../messages';
import { formatAmount } from './evidence';
import { describeReason } from './reasons';
import type { SmokeOutcome, SmokeResult } from './runner';

export function verdictOf(outcome: SmokeOutcome, language: Language): string {
  return translator(language)(`smoke.verdict.${outcome}`);
}

/** `3  POST  /api/session/validate  200  12 ms  PASSED`, with the reason after a failure. */
export function resultLine(result: SmokeResult, language: Language): string {
  const time = result.elapsedMs === undefined ? '-' : `${formatAmount(result.elapsedMs, 'ms')} ms`;
  const reason = result.reasons.map((r) => describeReason(r, language)).join('; ');
  const cells = [
    result.number.padStart(2),
    result.method.padEnd(6),
    result.path.padEnd(24),
    String(result.status ?? '-').padEnd(3),
    time.padStart(9),
    verdictOf(result.outcome, language),
  ];
  return cells.join('  ') + (reason === '' ? '' : `  ${reason}`);
}

export interface RunSummary {
  readonly passed: number;
  readonly failed: number;
  readonly notRun: number;
  readonly cancelled: number;
}

export function summarize(results: readonly SmokeResult[]): RunSummary {
  const count = (outcome: SmokeOutcome) => results.filter((r) => r.outcome === outcome).length;
  return { passed: count('passed'), failed: count('failed'), notRun: count('not-run'), cancelled: count('cancelled') };
}

export function summaryLine(summary: RunSummary, language: Language): string {
  const t = translator(language);
  const parts = [
    t('smoke.summary.passed', summary.passed),
    t('smoke.summary.failed', summary.failed),
    t('smoke.summary.notRun', summary.notRun),
  ];
  if (summary.cancelled > 0) parts.push(t('smoke.summary.cancelled', summary.cancelled));
  return parts.join(', ');
}

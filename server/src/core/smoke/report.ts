// One line per test result, the same for the CLI and the editor's output
// channel: number, method, path, status, time, verdict, reason.
import { formatAmount } from './evidence';
import { describeReason } from './reasons';
import type { SmokeOutcome, SmokeResult } from './runner';

type Language = 'en' | 'es';

const VERDICT: Record<Language, Record<SmokeOutcome, string>> = {
  en: { passed: 'PASSED', failed: 'FAILED', 'not-run': 'NOT RUN', cancelled: 'CANCELLED' },
  es: { passed: 'PASSED', failed: 'FAILED', 'not-run': 'NO EJECUTADA', cancelled: 'CANCELADA' },
};

export function verdictOf(outcome: SmokeOutcome, language: Language): string {
  return VERDICT[language][outcome];
}

/** `3  POST  /api/session/validate  200  12 ms  PASSED`, with the reason after a failure. */
export function resultLine(result: SmokeResult, language: Language): string {
  const time = result.elapsedMs === undefined ? '-' : `${formatAmount(result.elapsedMs, 'ms')} ms`;
  const reason = result.reasons.map((r) => describeReason(r, language)).join('; ');
  const cells = [result.number.padStart(2), result.method.padEnd(6), result.path.padEnd(24), String(result.status ?? '-').padEnd(3), time.padStart(9), verdictOf(result.outcome, language)];
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
  const parts =
    language === 'es'
      ? [`${summary.passed} pasaron`, `${summary.failed} fallaron`, `${summary.notRun} no se ejecutaron`]
      : [`${summary.passed} passed`, `${summary.failed} failed`, `${summary.notRun} not run`];
  if (summary.cancelled > 0) parts.push(language === 'es' ? `${summary.cancelled} canceladas` : `${summary.cancelled} cancelled`);
  return parts.join(', ');
}

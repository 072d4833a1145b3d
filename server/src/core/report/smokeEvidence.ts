// How each smoke test went, read from the evidence pasted into the document (by
// Readiness or by hand): the status written, a 5xx in the output or the status,
// the response time against the test's criterion, and when it ran. This is what
// the verdict and the report judge; it never sends a request.
import type { Translate } from '../messages';
import { findPlaceholders } from '../placeholders';
import { missedCriterion } from '../smoke/criteria';
import type { SmokeSuite, SmokeTest } from '../smoke/recognize';
import { LineIndex } from '../markdown/lines';
import type { SafeText } from '../safeText';

export type SmokeOutcome = 'passed' | 'failed' | 'not-run';

export interface SmokeEvidence {
  readonly number: string;
  readonly itemId: string;
  readonly method: string;
  /** The banner's or the URL's path, masked. */
  readonly path: string;
  /** 0-based line of the banner, else of the command. */
  readonly line: number;
  /** 0-based line where its evidence ends. */
  readonly lastLine: number;
  readonly outcome: SmokeOutcome;
  /** The status as written (`✅ PASSED`, `❌ FAILED (HTTP 500)`), masked; undefined while unfilled. */
  readonly status: string | undefined;
  /** A 5xx status code seen in the status or the output. */
  readonly httpStatus: number | undefined;
  /** The response time written, in milliseconds. */
  readonly timeMs: number | undefined;
  /** The strictest time limit that applies to the test, in milliseconds, and as written ("<2s"). */
  readonly limitMs: number | undefined;
  readonly criterion: string | undefined;
  /** When it ran (`2025-12-08 10:32`), when the evidence says so. */
  readonly ranAt: string | undefined;
  /** Why it failed, worded; empty when it did not. */
  readonly failures: readonly string[];
  /** 0-based line of the first failure (the status, the output line, the time), else `line`. */
  readonly failureLine: number;
}

const PASS = /✅|(?<![\p{L}\p{N}])(?:PASS(?:ED)?|OK|ÉXITO|EXITO|EXITOSO|SUCCESS|CORRECTO)(?![\p{L}\p{N}])/iu;
const FAIL = /❌|(?<![\p{L}\p{N}])(?:FAIL(?:ED|S)?|FALL[OÓ]|FALLIDO|FALLIDA)(?![\p{L}\p{N}])/iu;
/** "0 failed", "zero failures", "sin fallos": a count of no failures is not a failure. */
const NO_FAILURES =
  /(?<![\p{L}\p{N}])(?:0|zero|cero|no|sin|without)\s+(?:\p{L}+\s+)?(?:failed|fails|failures|fallidos?|fallidas?|fallos?)(?![\p{L}\p{N}])/giu;
const SERVER_ERROR = [
  /\bHTTP\/\d(?:\.\d)?\s+(5\d\d)\b/i,
  /\bHTTP\s+(5\d\d)\b/i,
  /"(?:status|statusCode|status_code|code|http_status)"\s*:\s*"?(5\d\d)\b/i,
  /\b(5\d\d)\s+(?:Internal Server Error|Not Implemented|Bad Gateway|Service Unavailable|Gateway Time-?out|HTTP Version Not Supported|Insufficient Storage|Network Authentication Required)\b/i,
];
const DATE_TIME = /\b(\d{4}-\d{2}-\d{2})(?:[ T](\d{2}:\d{2})(?::\d{2})?)?/;
const WHEN_LABEL =
  /^\s*(?:fecha|date|ejecutad[oa]|ejecuci[oó]n|ran|run(?: at)?|executed|cu[aá]ndo|when|timestamp|hora|verificad[oa]|checked)\b[^:]{0,30}:/i;

/** Reads the outcome of every test of the suite from the lines of the document. */
export function readSmokeEvidence(
  suite: SmokeSuite,
  lineText: (line: number) => string,
  t: Translate,
  mask: SafeText,
): SmokeEvidence[] {
  return suite.tests.map((test) => evidenceOf(test, lineText, t, mask));
}

function evidenceOf(test: SmokeTest, lineText: (line: number) => string, t: Translate, mask: SafeText): SmokeEvidence {
  const { status, time, output } = test.slots;
  const failures: { line: number; text: string }[] = [];
  const statusValue = status?.filled ? withoutPlaceholders(status.value).trim() : undefined;
  let httpStatus: number | undefined;

  if (status && statusValue !== undefined && statusValue !== '' && failed(statusValue)) {
    failures.push({ line: status.valueRange.start.line, text: t('smokeEvidence.status', mask(statusValue)) });
  }
  const statusCode = statusValue === undefined ? undefined : serverError(statusValue);
  if (statusCode !== undefined) httpStatus = statusCode;

  if (output?.filled) {
    for (let line = output.range.start.line; line <= output.range.end.line; line++) {
      const code = serverError(lineText(line));
      if (code === undefined) continue;
      httpStatus ??= code;
      if (statusCode === undefined) failures.push({ line, text: t('smokeEvidence.serverError', code) });
      break;
    }
  }

  const limit = strictest(test);
  let timeMs: number | undefined;
  if (time?.filled) {
    const amount = Number(/\d+(?:[.,]\d+)?/.exec(time.value)?.[0]?.replace(',', '.') ?? NaN);
    if (Number.isFinite(amount)) timeMs = time.unit === 's' ? amount * 1000 : amount;
    const missed = timeMs === undefined ? undefined : missedCriterion(timeMs, test.criteria);
    if (missed && timeMs !== undefined)
      failures.push({ line: time.valueRange.start.line, text: t('smokeEvidence.slow', formatMs(timeMs), missed.text) });
  }

  const passedWord = statusValue !== undefined && statusValue !== '' && PASS.test(statusValue) && !failed(statusValue);
  const outcome: SmokeOutcome =
    failures.length > 0
      ? 'failed'
      : passedWord || (status === undefined && output?.filled === true)
        ? 'passed'
        : 'not-run';
  return {
    number: test.number,
    itemId: test.itemId,
    method: test.method,
    path: mask(test.path),
    line: test.bannerLine ?? test.commandRange.start.line,
    lastLine: test.range.end.line,
    outcome,
    status: statusValue === undefined || statusValue === '' ? undefined : mask(statusValue),
    httpStatus,
    timeMs,
    limitMs: limit?.limitMs,
    criterion: limit?.text,
    ranAt: ranAt(test, lineText),
    failures: failures.map((f) => f.text),
    failureLine: failures[0]?.line ?? test.bannerLine ?? test.commandRange.start.line,
  };
}

function serverError(text: string): number | undefined {
  for (const pattern of SERVER_ERROR) {
    const match = pattern.exec(text);
    if (match) return Number(match[1]);
  }
  return undefined;
}

function strictest(test: SmokeTest) {
  return [...test.criteria].sort((a, b) => a.limitMs - b.limitMs)[0];
}

/** A labelled date in the test's evidence ("Fecha: 2025-12-08 10:32"), else the first timestamp of its output. */
function ranAt(test: SmokeTest, lineText: (line: number) => string): string | undefined {
  let fromOutput: string | undefined;
  const output = test.slots.output;
  for (let line = test.commandRange.end.line + 1; line <= test.range.end.line; line++) {
    const text = withoutPlaceholders(lineText(line));
    const match = DATE_TIME.exec(text);
    if (!match) continue;
    const when = match[2] === undefined ? (match[1] ?? '') : `${match[1] ?? ''} ${match[2]}`;
    if (WHEN_LABEL.test(text)) return when;
    const inOutput = output?.filled === true && output.range.start.line <= line && line <= output.range.end.line;
    if (inOutput) fromOutput ??= when;
  }
  return fromOutput;
}

/** The text with its unfilled `[...]` blanks removed, so a template's `[✅ PASSED / ❌ FAILED]` reads as nothing. */
export function withoutPlaceholders(text: string): string {
  const blanks = findPlaceholders(text);
  if (blanks.length === 0) return text;
  let out = '';
  let at = 0;
  for (const blank of blanks) {
    out += text.slice(at, blank.start);
    at = blank.end;
  }
  return out + text.slice(at);
}

export function formatMs(ms: number): string {
  return ms >= 1000 ? `${(ms / 1000).toFixed(ms % 1000 === 0 ? 0 : 2)} s` : `${Math.round(ms)} ms`;
}

/** A failing mark in a line of evidence outside the smoke tests ("Resultado: ❌ FALLO", "HTTP/1.1 502"). */
export function failingEvidence(line: string): boolean {
  const text = withoutPlaceholders(line);
  return failed(text) || serverError(text) !== undefined;
}

function failed(text: string): boolean {
  return FAIL.test(text.replace(NO_FAILURES, ' '));
}

/** The text of a line of `text`, for reading evidence. */
export function lineReader(text: string): (line: number) => string {
  const index = new LineIndex(text);
  return (line) => index.lineText(line);
}

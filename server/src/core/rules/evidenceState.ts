// What the document's smoke-test evidence says about itself: for each test,
// whether evidence is pasted, whether a provenance stamp vouches for it, and
// whether that stamp still holds (same command, same output, recent enough,
// same host), plus any failure the evidence shows. The diagnostics, hovers, the
// sidebar and reports all read these records.
import { LineIndex } from '../markdown/lines';
import type { Checklist } from '../model/checklist';
import { missedCriterion } from '../smoke/criteria';
import { findSmokeTests, type SmokeSuite, type SmokeTest } from '../smoke/recognize';
import { commandDigest, evidenceDigest, sameDigest, stampsOf, targetOf, type EvidenceStamp } from '../smoke/stamp';
import { range, type Range } from '../types';

export interface EvidenceSettings {
  /** Evidence older than this many days is stale: `readiness.evidence.maxAgeDays`. */
  readonly maxAgeDays: number;
  /** The base URL now configured (`readiness.smoke.baseUrl`, `--base-url`); undefined: not compared. */
  readonly baseUrl: string | undefined;
  /** The environment now selected, when named environments are configured; undefined: not compared. */
  readonly environment?: string | undefined;
}

export const DEFAULT_EVIDENCE_MAX_AGE_DAYS = 7;

export const defaultEvidenceSettings: EvidenceSettings = {
  maxAgeDays: DEFAULT_EVIDENCE_MAX_AGE_DAYS,
  baseUrl: undefined,
};

/**
 * - `none`: nothing pasted yet;
 * - `unverified`: pasted without a stamp (by hand), or with a stamp this version cannot read;
 * - `verified`: stamped, and the stamp still holds;
 * - `stale`: stamped, but the command changed, it is too old, or it ran against another host;
 * - `edited`: the pasted evidence no longer matches its stamp's digest.
 */
export type EvidenceState = 'none' | 'unverified' | 'verified' | 'stale' | 'edited';

export type StaleReason =
  | { readonly code: 'command' }
  | { readonly code: 'age'; readonly days: number; readonly maxDays: number }
  | { readonly code: 'host'; readonly ran: string; readonly now: string }
  | { readonly code: 'environment'; readonly ran: string; readonly now: string };

/** A failure the evidence shows (whether or not it is stamped). */
export type EvidenceFailure =
  | { readonly code: 'status-field'; readonly value: string }
  | { readonly code: 'server-error'; readonly status: number }
  | { readonly code: 'criterion'; readonly elapsedMs: number; readonly limitMs: number; readonly criterion: string };

export interface TestEvidenceRecord {
  readonly testKey: string;
  readonly number: string;
  readonly itemId: string;
  readonly method: string;
  readonly path: string;
  readonly state: EvidenceState;
  /** Why it is stale (also when it was edited as well). */
  readonly stale: readonly StaleReason[];
  readonly edited: boolean;
  readonly stamp: EvidenceStamp | undefined;
  /** The stamp's line, when there is one (readable or not). */
  readonly stampRange: Range | undefined;
  /** A stamp of a newer format than this version reads (`v2`). */
  readonly unreadableVersion: string | undefined;
  readonly failures: readonly EvidenceFailure[];
  /** The pasted output (or, without one, the test's command). */
  readonly evidenceRange: Range;
  readonly commandRange: Range;
  /** The command's first line (the `$ curl` line), where stale-evidence is reported. */
  readonly commandLine: Range;
  /** The test's status field value range, when it has one. */
  readonly statusRange: Range | undefined;
}

export interface EvidenceAnalysis {
  readonly suite: SmokeSuite;
  readonly records: readonly TestEvidenceRecord[];
}

const DAY_MS = 86_400_000;

/**
 * The evidence records of a document. `scope: 'needed'` (what each analysis uses) builds only the
 * tests of items that have evidence stamps or are marked done, which is all the diagnostics look at;
 * `'all'` builds every test, for hovers, the sidebar and reports that also show unverified evidence.
 */
export function analyzeEvidence(
  text: string,
  checklist: Checklist,
  settings: EvidenceSettings,
  today: string | undefined,
  scope: 'needed' | 'all' = 'all',
): EvidenceAnalysis | undefined {
  if (!text.includes('curl')) return undefined;
  const wanted = scope === 'all' ? undefined : itemsNeedingEvidence(text, checklist);
  if (wanted && wanted.size === 0) return undefined;
  const suite = findSmokeTests(checklist, text, wanted && ((item) => wanted.has(item.id)));
  if (suite.tests.length === 0) return undefined;
  const lines = new LineIndex(text);
  const stamps = stampsOf(suite, lines);
  const records = suite.tests.map((test) => {
    const placed = stamps.get(test.key);
    const stamp = placed?.parsed.ok ? placed.parsed.stamp : undefined;
    const pasted =
      test.slots.output?.filled === true || test.slots.status?.filled === true || test.slots.time?.filled === true;
    const stale = stamp ? staleReasons(test, stamp, suite, settings, today) : [];
    const edited = stamp !== undefined && !sameDigest(stamp.out, evidenceDigest(test, lines));
    const state: EvidenceState =
      !pasted && !stamp ? 'none' : !stamp ? 'unverified' : edited ? 'edited' : stale.length > 0 ? 'stale' : 'verified';
    const record: TestEvidenceRecord = {
      testKey: test.key,
      number: test.number,
      itemId: test.itemId,
      method: test.method,
      path: test.path,
      state,
      stale,
      edited,
      stamp,
      stampRange: placed?.range,
      unreadableVersion: placed && !placed.parsed.ok ? placed.parsed.version : undefined,
      failures: failuresOf(test, stamp, lines),
      evidenceRange: test.slots.output?.filled ? test.slots.output.range : test.commandRange,
      commandRange: test.commandRange,
      commandLine: range(
        test.commandRange.start.line,
        0,
        test.commandRange.start.line,
        lines.lineText(test.commandRange.start.line).length,
      ),
      statusRange: test.slots.status?.valueRange,
    };
    return record;
  });
  return { suite, records };
}

/** Items marked done, and items with an evidence stamp after one of their blocks. */
function itemsNeedingEvidence(text: string, checklist: Checklist): Set<string> {
  const ids = new Set(checklist.items.filter((item) => item.state === 'done').map((item) => item.id));
  if (!text.includes('readiness:evidence')) return ids;
  const index = new LineIndex(text);
  const stampLines = [...text.matchAll(/readiness:evidence/g)].map((m) => index.positionAt(m.index).line);
  for (const item of checklist.items) {
    // A block's stamps follow its closing fence, on the item's last lines at the latest.
    if (stampLines.some((line) => item.range.start.line <= line && line <= item.range.end.line)) ids.add(item.id);
  }
  return ids;
}

function staleReasons(
  test: SmokeTest,
  stamp: EvidenceStamp,
  suite: SmokeSuite,
  settings: EvidenceSettings,
  today: string | undefined,
): StaleReason[] {
  const reasons: StaleReason[] = [];
  if (!sameDigest(stamp.cmd, commandDigest(test))) reasons.push({ code: 'command' });
  const days = today === undefined ? undefined : daysBetween(stamp.ran.slice(0, 10), today);
  if (days !== undefined && days > settings.maxAgeDays)
    reasons.push({ code: 'age', days, maxDays: settings.maxAgeDays });
  const now = settings.baseUrl === undefined ? undefined : targetOf(test, suite.stagingHost, settings.baseUrl);
  if (now !== undefined && stamp.host !== undefined && now !== stamp.host)
    reasons.push({ code: 'host', ran: stamp.host, now });
  const environment = settings.environment;
  if (environment !== undefined && stamp.env !== undefined && environment !== stamp.env)
    reasons.push({ code: 'environment', ran: stamp.env, now: environment });
  return reasons;
}

/** Whole days from one `YYYY-MM-DD` to another; undefined when either is not a date. */
export function daysBetween(from: string, to: string): number | undefined {
  const a = Date.parse(`${from}T00:00:00Z`);
  const b = Date.parse(`${to}T00:00:00Z`);
  return Number.isNaN(a) || Number.isNaN(b) ? undefined : Math.round((b - a) / DAY_MS);
}

const FAILED_WORD = /❌|\bFAIL(?:ED|URE)?\b|\bFALL(?:[OÓ]|IDO|IDA)\b/iu;
const SERVER_ERROR_HEADING = /^\s*HTTP (5\d\d)\b/;

function failuresOf(test: SmokeTest, stamp: EvidenceStamp | undefined, lines: LineIndex): EvidenceFailure[] {
  const failures: EvidenceFailure[] = [];
  const status = test.slots.status;
  if (status?.filled && FAILED_WORD.test(status.value))
    failures.push({ code: 'status-field', value: status.value.trim() });
  const output = test.slots.output;
  const heading = output?.filled ? SERVER_ERROR_HEADING.exec(lines.lineText(output.range.start.line)) : null;
  const httpStatus = stamp?.status ?? (heading ? Number(heading[1]) : undefined);
  if (httpStatus !== undefined && httpStatus >= 500) failures.push({ code: 'server-error', status: httpStatus });
  const elapsedMs = stamp?.ms ?? pastedTime(test);
  const missed = elapsedMs === undefined ? undefined : missedCriterion(elapsedMs, test.criteria);
  if (missed && elapsedMs !== undefined)
    failures.push({ code: 'criterion', elapsedMs, limitMs: missed.limitMs, criterion: missed.text });
  return failures;
}

/** The response time written in the test's time field, in milliseconds. */
function pastedTime(test: SmokeTest): number | undefined {
  const time = test.slots.time;
  if (!time?.filled) return undefined;
  const number = /^(\d+(?:[.,]\d+)?)/.exec(
    time.value.slice(time.numberRange.start.character - time.valueRange.start.character),
  );
  if (!number) return undefined;
  const amount = Number((number[1] ?? '').replace(',', '.'));
  return time.unit === 's' ? amount * 1000 : amount;
}

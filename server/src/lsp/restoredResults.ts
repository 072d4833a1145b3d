// `readiness/restoreSmokeResults`: the smoke tests' last results the client kept from earlier
// sessions, checked (workspace state may hold what any version of the extension wrote) and worded
// for the views: a result of today says when it ran as a time of day, an older one with its date.
import { localDateTime, localTimeOfDay } from '../core/api';
import type { LastSmokeResultView, SmokeOutcome } from '../protocol';

export interface RestoredEntry {
  readonly uri: string;
  readonly testKey: string;
  readonly last: LastSmokeResultView;
}

/** What a cancelled test said about its endpoint: nothing, so it is not restored (a run keeps none either). */
const OUTCOMES: ReadonlySet<string> = new Set<SmokeOutcome>(['passed', 'failed', 'not-run']);
/** Bounds on what one notification may make the server keep. */
const MAX_RESULTS = 5000;
const MAX_TEXT = 4096;

/** The well-formed entries of a `readiness/restoreSmokeResults` notification; anything else is left out. */
export function restoredEntries(params: unknown, now: Date): RestoredEntry[] {
  const results = isRecord(params) && Array.isArray(params['results']) ? params['results'] : [];
  const entries: RestoredEntry[] = [];
  for (const result of results.slice(0, MAX_RESULTS)) {
    if (!isRecord(result)) continue;
    const { uri, testKey, outcome, status, elapsedMs, reason, ranAtMs } = result;
    if (!isText(uri) || !isText(testKey) || typeof outcome !== 'string' || !OUTCOMES.has(outcome)) continue;
    if (typeof reason !== 'string' || reason.length > MAX_TEXT) continue;
    if (typeof ranAtMs !== 'number' || !Number.isFinite(new Date(ranAtMs).getTime())) continue;
    entries.push({
      uri,
      testKey,
      last: {
        outcome: outcome as SmokeOutcome,
        reason,
        ranAt: ranAtText(new Date(ranAtMs), now),
        ...(isCount(status) ? { status } : {}),
        ...(isCount(elapsedMs) ? { elapsedMs } : {}),
      },
    });
  }
  return entries;
}

/** "14:32:05" on the day it is now, "2026-12-02 14:32" on another (local time). */
export function ranAtText(moment: Date, now: Date): string {
  const { date, time } = localDateTime(moment);
  return date === localDateTime(now).date ? localTimeOfDay(moment) : `${date} ${time}`;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isText(value: unknown): value is string {
  return typeof value === 'string' && value !== '' && value.length <= MAX_TEXT;
}

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0;
}

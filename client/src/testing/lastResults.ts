// The last result of each smoke test (run from the Testing view, a code lens, the sidebar or the
// palette), kept in workspace state so that it survives a window reload: the Testing view publishes
// them again, and the server gets them (`readiness/restoreSmokeResults`) for the sidebar. A result is
// kept by its test's id (the checklist's URI and the test's key, which the server makes from the
// test's banner and command): a test whose command changed has another id, so its old result is
// dropped when its checklist is listed again.
import type * as vscode from 'vscode';
import type {
  Range,
  RestoredSmokeResult,
  SmokeFailureView,
  SmokeOutcome,
  SmokeTestRunResult,
} from '../../../server/src/protocol';

export interface StoredResult {
  /** The checklist's URI, as the server's tree names it. */
  readonly uri: string;
  readonly key: string;
  readonly outcome: SmokeOutcome;
  readonly status?: number;
  readonly elapsedMs?: number;
  readonly reason: string;
  readonly failures: readonly SmokeFailureView[];
  /** The command's range when it ran (the failure message goes on the command's range as the tree gives it now). */
  readonly commandRange?: Range;
  /** When the result came, in milliseconds since the epoch. */
  readonly ranAtMs: number;
}

const KEY = 'readiness.testing.lastResults';
/** Enough for every test of many checklists; the oldest go first. */
const KEPT = 500;
const OUTCOMES: ReadonlySet<string> = new Set<SmokeOutcome>(['passed', 'failed', 'not-run', 'cancelled']);

/** The Testing view's id of a test: its checklist's URI and its key. */
export const testId = (uri: string, key: string): string => `${uri}#${key}`;

export class LastResults {
  constructor(
    private readonly state: vscode.Memento,
    private readonly now: () => number = Date.now,
  ) {}

  get(id: string): StoredResult | undefined {
    return this.all().get(id);
  }

  /** Every kept result by test id (one read of the state). */
  snapshot(): ReadonlyMap<string, StoredResult> {
    return this.all();
  }

  /** Keeps a run's results (a cancelled test said nothing about its endpoint: the result before it stays). */
  record(uri: string, results: readonly SmokeTestRunResult[]): StoredResult[] {
    const all = this.all();
    const ranAtMs = this.now();
    const stored: StoredResult[] = [];
    for (const test of results) {
      if (test.outcome === 'cancelled') continue;
      const result: StoredResult = {
        uri,
        key: test.testKey,
        outcome: test.outcome,
        ...(test.status === undefined ? {} : { status: test.status }),
        ...(test.elapsedMs === undefined ? {} : { elapsedMs: test.elapsedMs }),
        reason: test.reason,
        failures: test.failures ?? [],
        ...(test.commandRange ? { commandRange: test.commandRange } : {}),
        ranAtMs,
      };
      const id = testId(uri, test.testKey);
      all.delete(id);
      all.set(id, result);
      stored.push(result);
    }
    if (stored.length > 0) this.save(all);
    return stored;
  }

  /** Drops the results of a checklist's tests that it no longer has (their command changed, or they went away). */
  keepOnly(uri: string, keys: ReadonlySet<string>): void {
    const all = this.all();
    let dropped = false;
    for (const [id, result] of all)
      if (result.uri === uri && !keys.has(result.key)) dropped = all.delete(id) || dropped;
    if (dropped) this.save(all);
  }

  /** Every kept result, for the server. */
  restoreParams(): { results: RestoredSmokeResult[] } {
    return {
      results: [...this.all().values()].map((result) => ({
        uri: result.uri,
        testKey: result.key,
        outcome: result.outcome,
        ...(result.status === undefined ? {} : { status: result.status }),
        ...(result.elapsedMs === undefined ? {} : { elapsedMs: result.elapsedMs }),
        reason: result.reason,
        ranAtMs: result.ranAtMs,
      })),
    };
  }

  private save(all: Map<string, StoredResult>): void {
    const ids = [...all.keys()];
    for (const old of ids.slice(0, Math.max(0, ids.length - KEPT))) all.delete(old);
    void this.state.update(KEY, Object.fromEntries(all));
  }

  /** What the state holds, oldest first; entries another version wrote in another shape are left out. */
  private all(): Map<string, StoredResult> {
    const raw: unknown = this.state.get(KEY, {});
    const all = new Map<string, StoredResult>();
    if (typeof raw !== 'object' || raw === null) return all;
    for (const [id, value] of Object.entries(raw)) if (isStored(value)) all.set(id, value);
    return all;
  }
}

function isStored(value: unknown): value is StoredResult {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v['uri'] === 'string' &&
    typeof v['key'] === 'string' &&
    typeof v['outcome'] === 'string' &&
    OUTCOMES.has(v['outcome']) &&
    typeof v['reason'] === 'string' &&
    Array.isArray(v['failures']) &&
    typeof v['ranAtMs'] === 'number'
  );
}

// The last result of each smoke test run from the Testing view, kept in workspace state so that it
// survives a window reload (the Testing view's own history does too; this is what is re-published).
import type * as vscode from 'vscode';
import type { Range, SmokeFailureView, SmokeOutcome } from '../../../server/src/protocol';

export interface StoredResult {
  readonly outcome: SmokeOutcome;
  readonly elapsedMs?: number;
  readonly reason: string;
  readonly failures: readonly SmokeFailureView[];
  /** The checklist's URI and the command's range, where the failure message goes. */
  readonly uri: string;
  readonly commandRange?: Range;
}

const KEY = 'readiness.testing.lastResults';
/** Enough for every test of many checklists; the oldest go first. */
const KEPT = 500;

export class LastResults {
  constructor(private readonly state: vscode.Memento) {}

  get(id: string): StoredResult | undefined {
    return this.all()[id];
  }

  set(id: string, result: StoredResult): void {
    const all = this.all();
    delete all[id];
    all[id] = result;
    const ids = Object.keys(all);
    for (const old of ids.slice(0, Math.max(0, ids.length - KEPT))) delete all[old];
    void this.state.update(KEY, all);
  }

  private all(): Record<string, StoredResult> {
    return { ...this.state.get<Record<string, StoredResult>>(KEY, {}) };
  }
}

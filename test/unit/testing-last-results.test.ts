// The Testing view's last results in workspace state (client/src/testing/lastResults.ts): what a run
// keeps, what survives a reload (a fresh store over the same state), what a changed command drops,
// what the server is given back, and what another version may have left in the state.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type * as vscode from 'vscode';
import { LastResults, testId } from '../../client/src/testing/lastResults';
import type { SmokeTestRunResult } from '../../server/src/protocol';

/** VS Code's workspace state, in memory (values go through JSON, as VS Code stores them). */
class MemoryMemento implements vscode.Memento {
  private readonly values = new Map<string, string>();
  keys(): readonly string[] {
    return [...this.values.keys()];
  }
  get<T>(key: string, defaultValue?: T): T {
    const value = this.values.get(key);
    return value === undefined ? (defaultValue as T) : (JSON.parse(value) as T);
  }
  update(key: string, value: unknown): Thenable<void> {
    if (value === undefined) this.values.delete(key);
    else this.values.set(key, JSON.stringify(value));
    return Promise.resolve();
  }
}

const URI = 'file:///work/repo/ENTREGABLES.md';
const OTHER = 'file:///work/other/docs/release-checklist.md';
const range = { start: { line: 89, character: 0 }, end: { line: 89, character: 52 } };
const failed: SmokeTestRunResult = {
  testKey: 'tabc',
  number: '1',
  outcome: 'failed',
  status: 500,
  elapsedMs: 12,
  reason: 'HTTP 500 Internal Server Error',
  commandRange: range,
  failures: [{ kind: 'status', message: 'HTTP 500 Internal Server Error', expected: '2xx', actual: '500' }],
};
const passed: SmokeTestRunResult = { testKey: 'tdef', number: '2', outcome: 'passed', status: 200, reason: '' };
const cancelled: SmokeTestRunResult = { testKey: 'tghi', number: '3', outcome: 'cancelled', reason: 'cancelled' };

describe('Testing view: last results in workspace state', () => {
  test('a run keeps each result by test id with when it came; a cancelled test keeps the result before it', () => {
    const state = new MemoryMemento();
    const store = new LastResults(state, () => 1_700_000_000_000);
    store.record(URI, [{ ...cancelled, outcome: 'passed', reason: '' }]);
    const kept = store.record(URI, [failed, passed, cancelled]);
    assert.deepEqual(
      kept.map((r) => r.key),
      ['tabc', 'tdef'],
    );
    assert.deepEqual(store.get(testId(URI, 'tabc')), {
      uri: URI,
      key: 'tabc',
      outcome: 'failed',
      status: 500,
      elapsedMs: 12,
      reason: 'HTTP 500 Internal Server Error',
      failures: failed.failures,
      commandRange: range,
      ranAtMs: 1_700_000_000_000,
    });
    assert.equal(store.get(testId(URI, 'tghi'))?.outcome, 'passed');
  });

  test('a reload reads the same results back (a new store over the same state)', () => {
    const state = new MemoryMemento();
    new LastResults(state, () => 1).record(URI, [failed, passed]);
    new LastResults(state, () => 2).record(OTHER, [passed]);
    const reloaded = new LastResults(state);
    assert.equal(reloaded.get(testId(URI, 'tabc'))?.outcome, 'failed');
    assert.equal(reloaded.get(testId(OTHER, 'tdef'))?.ranAtMs, 2);
    // What the server gets for the sidebar: no failures or ranges, the time it ran.
    assert.deepEqual(reloaded.restoreParams().results, [
      {
        uri: URI,
        testKey: 'tabc',
        outcome: 'failed',
        status: 500,
        elapsedMs: 12,
        reason: 'HTTP 500 Internal Server Error',
        ranAtMs: 1,
      },
      { uri: URI, testKey: 'tdef', outcome: 'passed', status: 200, reason: '', ranAtMs: 1 },
      { uri: OTHER, testKey: 'tdef', outcome: 'passed', status: 200, reason: '', ranAtMs: 2 },
    ]);
  });

  test("a checklist's tests it no longer has (command changed) lose their results; other checklists keep theirs", () => {
    const state = new MemoryMemento();
    const store = new LastResults(state);
    store.record(URI, [failed, passed]);
    store.record(OTHER, [failed]);
    store.keepOnly(URI, new Set(['tdef', 'tnew']));
    assert.equal(store.get(testId(URI, 'tabc')), undefined);
    assert.equal(store.get(testId(URI, 'tdef'))?.outcome, 'passed');
    assert.equal(store.get(testId(OTHER, 'tabc'))?.outcome, 'failed');
  });

  test('the newest 500 are kept; a result run again counts as new', () => {
    const state = new MemoryMemento();
    const store = new LastResults(state);
    store.record(URI, [{ ...passed, testKey: 't0' }]);
    for (let i = 1; i < 500; i++) store.record(URI, [{ ...passed, testKey: `t${i}` }]);
    store.record(URI, [{ ...failed, testKey: 't0' }]);
    store.record(URI, [{ ...passed, testKey: 't500' }]);
    assert.equal(store.restoreParams().results.length, 500);
    assert.equal(store.get(testId(URI, 't1')), undefined, 'the oldest went');
    assert.equal(store.get(testId(URI, 't0'))?.outcome, 'failed');
  });

  test('what the state holds in another shape (an older version, a hand-edited file) is left out, not thrown on', async () => {
    for (const junk of [null, 42, 'text', [1, 2]]) {
      const state = new MemoryMemento();
      await state.update('readiness.testing.lastResults', junk);
      assert.deepEqual(new LastResults(state).restoreParams().results, []);
    }
    const state = new MemoryMemento();
    await state.update('readiness.testing.lastResults', {
      [testId(URI, 'told')]: { outcome: 'failed', reason: 'x', failures: [], uri: URI },
      [testId(URI, 'tbad')]: { uri: URI, key: 'tbad', outcome: 'exploded', reason: '', failures: [], ranAtMs: 1 },
    });
    const store = new LastResults(state);
    assert.deepEqual(store.restoreParams().results, []);
    store.record(URI, [passed]);
    assert.deepEqual(
      store.restoreParams().results.map((r) => r.testKey),
      ['tdef'],
    );
  });
});

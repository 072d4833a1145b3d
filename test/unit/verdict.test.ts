// The verdict the server decides: NO-GO while a blocker is not done, GO when all are, and
// "no blockers" rather than GO for a checklist without blocker items.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { verdictOf } from '../../server/src/core/verdict';

const progress = (done: number, total: number) => ({ blockers: { done, total }, items: { done, total: 21 } });

describe('verdict', () => {
  test('NO-GO while a blocker is not done', () => {
    assert.deepEqual(verdictOf([progress(2, 6)]), { kind: 'no-go', pending: 4, total: 6 });
  });

  test('GO when every blocker is done', () => {
    assert.deepEqual(verdictOf([progress(6, 6)]), { kind: 'go', pending: 0, total: 6 });
  });

  test('no blocker items: neither GO nor NO-GO', () => {
    assert.deepEqual(verdictOf([progress(0, 0)]), { kind: 'no-blockers', pending: 0, total: 0 });
    assert.deepEqual(verdictOf([]), { kind: 'no-blockers', pending: 0, total: 0 });
  });

  test('several checklists sum their blockers', () => {
    assert.deepEqual(verdictOf([progress(1, 6), progress(2, 3)]), { kind: 'no-go', pending: 6, total: 9 });
  });
});

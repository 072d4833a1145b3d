import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { actualFindings, expectedFindings, sortedEntries } from '../support/expectations';
import { readFixture } from '../support/texts';
import { analysisOf } from '../support/analyses';

// Each fixture marks what it expects; the clock is fixed so deadlines are deterministic.
const scenarios: Record<string, string> = {
  'DELIVERABLES.en.md': '2026-01-15',
  'ENTREGABLES.escenarios.md': '2025-12-08',
};

describe('fixture documents with expected findings marked inline', () => {
  for (const [file, today] of Object.entries(scenarios)) {
    test(file, () => {
      const text = readFixture('documents', file);
      const analysis = analysisOf(text, { today });
      assert.deepEqual(sortedEntries(actualFindings(analysis.findings)), sortedEntries(expectedFindings(text)));
    });
  }

  test('the English fixture reads the same model as the Spanish one', () => {
    const { checklist } = analysisOf(readFixture('documents', 'DELIVERABLES.en.md'));
    assert.equal(checklist.language, 'en');
    assert.equal(checklist.created, '2026-01-10');
    assert.deepEqual(
      checklist.items.map((i) => [i.id, i.owner, i.state, i.due, i.blocker]),
      [
        ['1', 'Dev Lead', 'done', '2026-01-10', true],
        ['2', 'QA', 'in-progress', '2026-01-12', true],
        ['3', 'SRE', 'done', '2026-01-13', true],
        ['4', 'SRE', 'blocked', '2026-01-17', false],
        ['5', 'Every team', 'unknown', undefined, false],
      ],
    );
    assert.deepEqual(
      checklist.summary?.groups.map((g) => g.entries.map((e) => e.itemId)),
      [
        ['1', '2', '3'],
        ['4', '5'],
      ],
    );
  });
});

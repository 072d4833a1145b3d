// The server's verdict in the sidebar: the view message summed over checklists, and the verdict row.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { combinedVerdict, verdictRow, withVerdictRows } from '../../client/src/report/verdictRow';
import { buildTree } from '../../client/src/sidebar/model/buildTree';
import { noFilters } from '../../client/src/sidebar/model/nodes';
import { findSmokeTests } from '../../server/src/core/smoke';
import { checklistResult as serverChecklistResult } from '../../server/src/lsp/checklistResult';
import type { ChecklistResult } from '../../server/src/protocol';
import { testService } from '../support/sidebar';
import { readFixture, sampleText } from '../support/texts';
import { english, spanish } from '../support/sidebar';
import { analysisOf } from '../support/analyses';

function result(text: string, uri: string): ChecklistResult {
  const analysis = analysisOf(text, { today: '2025-12-10' });
  const suite = findSmokeTests(analysis.checklist, text);
  return serverChecklistResult(testService, uri, 1, analysis, text, suite, '2025-12-10', undefined, undefined, {
    t: testService.messages('en'),
  });
}

const sample = () => result(sampleText(), 'file:///w/ENTREGABLES.md');
const failed = () => result(readFixture('gate', 'ENTREGABLES.smoke-fallido.md'), 'file:///w/fallido.md');
const completed = () => result(readFixture('gate', 'ENTREGABLES.completo.md'), 'file:///w/completo.md');

describe('the verdict in the sidebar', () => {
  test('one checklist: the server summary; a blocker done with a failing smoke test still counts as pending', () => {
    assert.deepEqual(combinedVerdict([sample()], english), {
      kind: 'no-go',
      pending: 6,
      total: 6,
      text: 'NO-GO: 6 of 6 blockers pending',
    });
    assert.deepEqual(combinedVerdict([failed()], english), {
      kind: 'no-go',
      pending: 1,
      total: 6,
      text: 'NO-GO: 1 of 6 blockers pending',
    });
    assert.equal(combinedVerdict([completed()], english)?.kind, 'go');
  });

  test('several checklists: summed, in the display language', () => {
    assert.deepEqual(combinedVerdict([sample(), failed()], spanish), {
      kind: 'no-go',
      pending: 7,
      total: 12,
      text: 'NO-GO: 7 de 12 bloquers pendientes',
    });
    assert.equal(combinedVerdict([completed(), completed()], english)?.text, 'GO: all blockers done');
    // A result without a verdict (an older server): the sidebar keeps its own count.
    const older: ChecklistResult = Object.fromEntries(
      Object.entries(sample()).filter(([key]) => key !== 'verdict'),
    ) as unknown as ChecklistResult;
    assert.equal(combinedVerdict([older], english), undefined);
  });

  test('the verdict row opens the report and lists the reasons, escaped, in its tooltip', () => {
    const row = verdictRow(failed(), english);
    assert.equal(row?.kind, 'verdict');
    assert.equal(row?.label, 'NO-GO: 1 of 6 blockers pending');
    assert.equal(row?.icon?.id, 'error');
    assert.match(
      row?.tooltip ?? '',
      /- Item 3 · Smoke Tests: smoke test 4 \/api\/chat failed: status "❌ FAILED \\\(HTTP 500\\\)"/,
    );
    assert.equal(verdictRow(completed(), english)?.icon?.color, 'charts.green');
  });

  test('first at the top for one checklist, first in each checklist row for several', () => {
    const one = [sample()];
    const roots = withVerdictRows(
      buildTree({ entries: one.map((r) => ({ result: r, relativePath: undefined })), filters: noFilters, t: english })
        .roots,
      one,
      english,
    );
    assert.deepEqual(
      roots.slice(0, 2).map((n) => n.kind),
      ['verdict', 'group'],
    );
    const two = [sample(), completed()];
    const many = withVerdictRows(
      buildTree({ entries: two.map((r) => ({ result: r, relativePath: r.uri })), filters: noFilters, t: english })
        .roots,
      two,
      english,
    );
    assert.deepEqual(
      many.map((n) => [n.kind, n.children[0]?.kind]),
      [
        ['checklist', 'verdict'],
        ['checklist', 'verdict'],
      ],
    );
  });
});

// Issue 12's measure: the checklist corpus and ordinary markdown from node_modules.
// The figures are printed as test diagnostics (and by `npm run bench`); every goal is asserted.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { corpusMetrics, metricsReport } from '../support/corpus';

describe('the checklist corpus', () => {
  const metrics = corpusMetrics();

  test('has at least 30 checklists and 100 ordinary markdown files', () => {
    assert.ok(metrics.checklists >= 30, `${metrics.checklists} checklists`);
    assert.ok(metrics.ordinary >= 100, `${metrics.ordinary} ordinary files`);
  });

  test("the model's goals: recognition, check recall, done and blocker accuracy at least 0.95; at most 1 % of ordinary files recognised", () => {
    assert.ok(metrics.recognition >= 0.95, `recognition ${metrics.recognition}`);
    assert.ok(metrics.checkRecall >= 0.95, `check recall ${metrics.checkRecall}`);
    assert.ok(metrics.doneAccuracy >= 0.95, `done accuracy ${metrics.doneAccuracy}`);
    assert.ok(metrics.blockerAccuracy >= 0.95, `blocker accuracy ${metrics.blockerAccuracy}`);
    assert.ok(
      metrics.falseRecognition <= 0.01,
      `false recognition ${metrics.falseRecognition}: ${metrics.falselyRecognised.join(', ')}`,
    );
  });

  test('blanks: recall at least 0.95, at most one false alarm per filled document', () => {
    assert.ok(metrics.blankRecall >= 0.95, `blank recall ${metrics.blankRecall}`);
    assert.ok(metrics.falseAlarmsPerFilled <= 1, `false alarms per filled document ${metrics.falseAlarmsPerFilled}`);
  });

  test('figures', (t) => {
    for (const line of metricsReport(metrics)) t.diagnostic(line);
    for (const r of metrics.results) {
      const wrong = [
        r.recognised !== r.expect.isChecklist ? `recognised ${r.recognised}` : '',
        r.expect.isChecklist && r.expect.items && r.expect.items.total !== r.items.total
          ? `items ${r.items.total}/${r.expect.items.total}`
          : '',
        r.expect.isChecklist && r.expect.items && r.expect.items.done !== r.items.done
          ? `items done ${r.items.done}/${r.expect.items.done}`
          : '',
        r.expect.checks && (r.expect.checks.total !== r.checks.total || r.expect.checks.done !== r.checks.done)
          ? `checks ${r.checks.done}/${r.checks.total} vs ${r.expect.checks.done}/${r.expect.checks.total}`
          : '',
        r.expect.blockers &&
        (r.expect.blockers.total !== r.blockers.total || r.expect.blockers.done !== r.blockers.done)
          ? `blockers ${r.blockers.done}/${r.blockers.total} vs ${r.expect.blockers.done}/${r.expect.blockers.total}`
          : '',
        r.expect.blanks !== undefined && r.blanks !== r.expect.blanks ? `blanks ${r.blanks}/${r.expect.blanks}` : '',
        r.missed.length > 0 ? `missed ${r.missed.join(' ')}` : '',
        r.falseAlarms.length > 0 ? `${r.falseAlarms.length} false alarms` : '',
      ].filter((s) => s !== '');
      if (wrong.length > 0) t.diagnostic(`${r.name}: ${wrong.join(', ')}`);
    }
    for (const path of metrics.falselyRecognised) t.diagnostic(`recognised: ${path}`);
  });
});

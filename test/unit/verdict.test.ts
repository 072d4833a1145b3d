// The supervisor's verdict: GO only when every blocker is done with its evidence clean.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { translator } from '../../server/src/core/messages';
import { blockerVerdict, verdictOf, type Verdict } from '../../server/src/core/verdict';
import { OPENAI_KEY_VALUE } from '../support/secretSamples';
import { readFixture, sampleText } from '../support/texts';
import { analysisOf } from '../support/analyses';

const en = translator('en');
const es = translator('es');

function verdict(text: string, t = en, today = '2025-12-10'): Verdict {
  return verdictOf(analysisOf(text, { today }), { text, t });
}

const completed = () => readFixture('gate', 'ENTREGABLES.completo.md');

/** The completed sample with one replacement, which must apply. */
function completedWith(from: string, to: string): string {
  const text = completed();
  assert.ok(text.includes(from), `fixture lacks ${JSON.stringify(from)}`);
  return text.replace(from, to);
}

describe('verdict', () => {
  test('the sample: NO-GO with its six blockers as the reasons, each at its Estado line', () => {
    const v = verdict(sampleText());
    assert.equal(v.decision, 'no-go');
    assert.equal(v.summary, 'NO-GO: 6 of 6 blockers pending');
    assert.deepEqual(
      v.reasons.map((r) => r.itemId),
      ['1', '2', '3', '4', '5', '6'],
    );
    assert.ok(v.reasons.every((r) => r.blocker && r.problems[0]?.kind === 'state'));
    assert.deepEqual(
      v.reasons[0]?.problems.map((p) => p.kind),
      ['state', 'open-blanks', 'overdue'],
    );
    assert.equal(v.reasons[0]?.line, 23, 'item 1 · Estado is line 24');
    assert.equal(
      v.reasons[0]?.message,
      'Item 1 · PR Final Aprobado: pending; 2 open blank(s); overdue since 2025-12-07',
    );
    // The other fifteen items are conditions, not reasons.
    assert.equal(v.conditions.length, 15);
    assert.ok(v.conditions.every((c) => !c.blocker));
    assert.deepEqual(v.blockers, { ready: 0, total: 6, declared: true });
  });

  test('in Spanish', () => {
    const v = verdict(sampleText(), es);
    assert.equal(v.summary, 'NO-GO: 6 de 6 bloquers pendientes');
    assert.equal(
      v.reasons[2]?.message,
      'Ítem 3 · Smoke Tests: pendiente; 22 campo(s) sin completar; vencido desde 2025-12-07',
    );
  });

  test('a fully completed copy of the sample: GO, nothing outstanding', () => {
    const v = verdict(completed());
    assert.equal(v.decision, 'go');
    assert.equal(v.summary, 'GO: all blockers done');
    assert.deepEqual(v.reasons, []);
    assert.deepEqual(v.conditions, []);
    assert.deepEqual(v.blockers, { ready: 6, total: 6, declared: true });
  });

  test('a blocker marked done whose smoke test failed: NO-GO naming that test and its status line', () => {
    const text = readFixture('gate', 'ENTREGABLES.smoke-fallido.md');
    const v = verdict(text);
    assert.equal(v.decision, 'no-go');
    assert.equal(v.reasons.length, 1);
    const reason = v.reasons[0];
    assert.equal(reason?.itemId, '3');
    assert.equal(reason?.problems[0]?.kind, 'failing-smoke');
    assert.equal(reason?.problems[0]?.smokeTest, '4');
    assert.match(reason?.message ?? '', /smoke test 4 \/api\/chat failed: status "❌ FAILED \(HTTP 500\)"/);
    assert.equal(text.split('\n')[reason?.line ?? -1], 'Estado: ❌ FAILED (HTTP 500)');
  });

  test('a time over its criterion fails the test even when its status says PASSED', () => {
    const v = verdict(
      completedWith('Tiempo de respuesta: 1.42s (debe ser <2s)', 'Tiempo de respuesta: 2.6s (debe ser <2s)'),
    );
    assert.equal(v.decision, 'no-go');
    assert.match(v.reasons[0]?.message ?? '', /smoke test 4 \/api\/chat failed: took 2\.60 s, over its limit <2s/);
  });

  test('a 5xx in the pasted output fails the test even when its status says PASSED', () => {
    const v = verdict(
      completedWith('{\n  "valid": true\n}', '{\n  "statusCode": 503,\n  "message": "Service Unavailable"\n}'),
    );
    assert.equal(v.decision, 'no-go');
    assert.match(v.reasons[0]?.message ?? '', /smoke test 3 \/api\/session\/validate failed: HTTP 503 in the output/);
  });

  test('failing evidence outside the smoke tests ("Resultado: ❌ FALLO") in a blocker is a reason', () => {
    const v = verdict(completedWith('Resultado: ✅ ÉXITO', 'Resultado: ❌ FALLO'));
    assert.equal(v.decision, 'no-go');
    assert.equal(v.reasons[0]?.itemId, '5');
    assert.equal(v.reasons[0]?.problems[0]?.kind, 'failing-evidence');
    // "0 failed" is a count of no failures, not a failure.
    assert.equal(verdict(completed()).decision, 'go');
  });

  test('blockers pending with no blanks left: NO-GO', () => {
    const v = verdict(readFixture('gate', 'release-checklist.md'), en, '2026-02-03');
    assert.equal(v.decision, 'no-go');
    assert.deepEqual(
      v.reasons.map((r) => [r.itemId, r.problems.map((p) => p.kind)]),
      [
        ['1', ['state']],
        ['2', ['state']],
      ],
    );
    assert.equal(v.reasons[1]?.message, 'Item 2 · Feature flag off by default: in progress');
  });

  test('a blocker marked done with open blanks: NO-GO on the status mismatch', () => {
    const v = verdict(
      completedWith('PR Link: https://github.com/acme/soporte-bot/pull/482', 'PR Link: [PEGAR ENLACE AL PR]'),
    );
    assert.equal(v.decision, 'no-go');
    assert.equal(v.reasons[0]?.itemId, '1');
    assert.equal(v.reasons[0]?.problems[0]?.kind, 'status-mismatch');
  });

  test('not applicable counts as done only with a reason', () => {
    const na = (state: string) =>
      verdict(
        completedWith(
          '### 5. Backups y Retention\n\n**Responsable**: SRE  \n**Deadline**: Próximas 24-48h  \n**Estado**: ✅ Completado',
          `### 5. Backups y Retention\n\n**Responsable**: SRE  \n**Deadline**: Próximas 24-48h  \n**Estado**: ${state}`,
        ),
      );
    assert.equal(na('N/A').decision, 'no-go');
    assert.ok(na('N/A').reasons[0]?.problems.some((p) => p.kind === 'not-applicable-without-reason'));
    assert.equal(na('N/A: el servicio no guarda datos propios').decision, 'go');
    assert.equal(na('No aplica (sin estado persistente)').decision, 'go');
  });

  test('a gap outside the blockers is a condition of a GO', () => {
    const v = verdict(
      completedWith(
        '### 12. Unit Tests (Critical Modules)\n\n**Responsable**: Dev / QA  \n**Deadline**: 5 días  \n**Estado**: ✅ Completado',
        '### 12. Unit Tests (Critical Modules)\n\n**Responsable**: Dev / QA  \n**Deadline**: 5 días  \n**Estado**: 🔄 En progreso',
      ),
    );
    assert.equal(v.decision, 'go');
    assert.equal(v.summary, 'GO: all blockers done, with 1 condition(s)');
    assert.equal(v.conditions[0]?.itemId, '12');
    // Its state, and the summary line still ticked for it.
    assert.deepEqual(
      v.conditions[0]?.problems.map((p) => p.kind),
      ['status-mismatch', 'state'],
    );
  });

  test('a pasted secret anywhere is a reason, and no reason carries its value', () => {
    const text = completedWith('Coverage: 81%', `Coverage: 81%\nOPENAI_API_KEY=${OPENAI_KEY_VALUE}`).replace(
      '### 9. Grafana Dashboards',
      `### 9. Grafana Dashboards ${OPENAI_KEY_VALUE}`,
    );
    const v = verdict(text);
    assert.equal(v.decision, 'no-go');
    assert.ok(v.reasons.some((r) => r.problems.some((p) => p.kind === 'secret')));
    assert.ok(!JSON.stringify(v).includes(OPENAI_KEY_VALUE.slice(8)), 'the key leaks into the verdict');
  });

  test('a checklist without a blocker group treats every item as a blocker', () => {
    const text = readFixture('gate', 'release-checklist.md')
      .replace('## 🔴 BLOCKERS', '## Core')
      .replace('## 🟡 FOLLOW-UPS', '## Docs');
    const v = verdict(text, en, '2026-02-03');
    assert.equal(v.blockers.declared, false);
    assert.equal(v.blockers.total, 3);
    assert.equal(v.decision, 'no-go');
    assert.equal(v.summary, 'NO-GO: 2 of 3 items pending');
  });

  test('a question table answered Yes/No/N/A: N/A with a note is not applicable with a reason, without one it is a reason', () => {
    const table = (note: string) =>
      `# Production readiness review\n\n| Question | Answer (Yes/No) | Notes |\n|---|---|---|\n| SLOs defined? | Yes | 99.9% |\n| Load tested? | N/A | ${note} |\n`;
    const reasoned = verdict(table('internal-only service'));
    assert.equal(reasoned.decision, 'go');
    const bare = verdict(table(''));
    assert.equal(bare.decision, 'no-go');
    assert.deepEqual(
      bare.reasons.map((r) => r.problems.map((p) => p.kind)),
      [['not-applicable-without-reason']],
    );
  });

  test('without blocker marks the words count items, pending and done, in both languages', () => {
    const table = (status: string) =>
      `# Go-live checklist\n\n| Task | Owner | Status |\n|---|---|---|\n| Load test | Ana | Done |\n| Rollback plan | Luis | ${status} |\n`;
    assert.equal(verdict(table('In progress')).summary, 'NO-GO: 1 of 2 items pending');
    assert.equal(verdict(table('In progress'), translator('es')).summary, 'NO-GO: 1 de 2 ítems pendientes');
    const go = verdict(table('Done'));
    assert.equal(go.decision, 'go');
    assert.equal(go.blockers.declared, false);
    assert.equal(go.summary, 'GO: all items done');
  });
});

// The blocker count over several checklists' progress (main's progress verdict, now `blockerVerdict`):
// NO-GO while a blocker is not done, GO when all are, and "no blockers" rather than GO without any.
describe('blocker verdict', () => {
  const progress = (done: number, total: number) => ({ blockers: { done, total }, items: { done, total: 21 } });

  test('NO-GO while a blocker is not done', () => {
    assert.deepEqual(blockerVerdict([progress(2, 6)]), { kind: 'no-go', pending: 4, total: 6 });
  });

  test('GO when every blocker is done', () => {
    assert.deepEqual(blockerVerdict([progress(6, 6)]), { kind: 'go', pending: 0, total: 6 });
  });

  test('no blocker items: neither GO nor NO-GO', () => {
    assert.deepEqual(blockerVerdict([progress(0, 0)]), { kind: 'no-blockers', pending: 0, total: 0 });
    assert.deepEqual(blockerVerdict([]), { kind: 'no-blockers', pending: 0, total: 0 });
  });

  test('several checklists sum their blockers', () => {
    assert.deepEqual(blockerVerdict([progress(1, 6), progress(2, 3)]), { kind: 'no-go', pending: 6, total: 9 });
  });
});

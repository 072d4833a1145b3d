// Sign-off lines: recognised in the forms checklists write them, what each covers,
// stale when dated before the newest stamped evidence, and the "Sign off as NAME" fix.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { cleanSignerName, signOffFix } from '../../server/src/core/features/signOffFixes';
import { translator } from '../../server/src/core/messages';
import { applyTextEdits, digestOf, formatStamp } from '../../server/src/core/smoke';
import { sampleText } from '../support/texts';
import { analysisOf } from '../support/analyses';

const t = translator('en');
const now = { date: '2026-12-05', time: '09:30' };

const doc = (body: string) =>
  `# Entregables\n\n## 🔴 BLOQUERS\n\n### 1. Smoke\n\n**Estado**: ⏳ Pendiente\n\n${body}\n`;

describe('sign-off lines', () => {
  const cases: [string, { name: string | undefined; date: string | undefined; time?: string | undefined }][] = [
    ['- Firma: [Nombre] - [Fecha]', { name: undefined, date: undefined }],
    ['Aprobado por: Ana Gómez — 2026-12-03', { name: 'Ana Gómez', date: '2026-12-03' }],
    ['**Sign-off**: [Name], [YYYY-MM-DD HH:MM]', { name: undefined, date: undefined }],
    ['Approved by: Jo Smith | 2026-12-04 18:05', { name: 'Jo Smith', date: '2026-12-04', time: '18:05' }],
    ['* Signed off by: [Date] - Kim Lee', { name: 'Kim Lee', date: undefined }],
    ['> Firmado por: María José Pérez, 2026-12-01', { name: 'María José Pérez', date: '2026-12-01' }],
    ['Sign off: Ana / 2026-12-02', { name: 'Ana', date: '2026-12-02' }],
  ];
  for (const [line, expected] of cases) {
    test(line, () => {
      const [signOff] = analysisOf(doc(line)).signOffs;
      assert.ok(signOff, 'recognised');
      assert.equal(signOff.name, expected.name);
      assert.equal(signOff.date, expected.date);
      assert.equal(signOff.time, expected.time);
    });
  }

  const notSignOffs = [
    '- Debe estar aprobado por al menos 2 reviewers',
    'Security Sign-Off:',
    '- PR Review: [APROBADO]',
    'Firma: Ana Gómez',
    'Approved by: the security team after a full review of every endpoint on 2026-12-01',
    'Fecha: [YYYY-MM-DD HH:MM]',
  ];
  for (const line of notSignOffs) {
    test(`not a sign-off: ${line}`, () => assert.deepEqual(analysisOf(doc(line)).signOffs, []));
  }

  test('the sample has four, in item 21, covering the whole checklist', () => {
    const { signOffs, checklist } = analysisOf(sampleText());
    assert.equal(signOffs.length, 4);
    assert.ok(
      signOffs.every((s) => s.itemId === '21' && s.covers.length === checklist.items.length && s.name === undefined),
    );
  });

  test('"Sign off as NAME" fills the name and today\'s date, with the time when the blank asks for one', () => {
    const text = doc('- Firma: [Nombre] - [Fecha]\n- Sign-off: [Name] - [YYYY-MM-DD HH:MM]');
    const [first, second] = analysisOf(text).signOffs;
    assert.ok(first && second);
    const one = signOffFix(first, 'Ana Gómez', now, t);
    assert.equal(one?.title, 'Sign off as Ana Gómez');
    const two = signOffFix(second, 'Ana Gómez', now, t);
    const filled = applyTextEdits(text, [...(one?.edits ?? []), ...(two?.edits ?? [])]);
    assert.match(filled, /\n- Firma: Ana Gómez - 2026-12-05\n- Sign-off: Ana Gómez - 2026-12-05 09:30\n/);
    assert.equal(translator('es')('fix.signOff', 'Ana'), 'Firmar como Ana');
  });

  test('names from git are cleaned to one line of text', () => {
    assert.equal(cleanSignerName('  Ana\n[Gómez]  <ana@x> '), 'Ana Gómez ana@x');
    assert.equal(cleanSignerName('\u0007'), '');
  });
});

describe('stale-signoff', () => {
  const stamp = (test: string, ran: string) =>
    formatStamp({
      test,
      ran,
      host: 'h',
      env: undefined,
      runner: 't',
      cmd: digestOf('x'),
      status: 200,
      ms: 1,
      result: 'passed',
      out: digestOf('y'),
    });
  const checklist = (signature: string) =>
    `# Entregables\n\n## 🔴 BLOQUERS\n\n### 1. Smoke\n\n**Estado**: ⏳ Pendiente\n\n\`\`\`bash\n# SMOKE TEST 1: /h\n$ curl -sS http://staging-host/h\n{}\nEstado: ✅ PASSED\n\`\`\`\n${stamp('1', '2026-12-03T10:00:00+01:00')}\n\n## 🟡 APPROVALS\n\n### 2. Sign-Offs\n\n**Estado**: ⏳ Pendiente\n\n\`\`\`\n- Firma: ${signature}\n\`\`\`\n`;

  test('a sign-off dated before the newest evidence it covers is stale; on or after it, not', () => {
    const stale = analysisOf(checklist('Ana Gómez - 2026-12-02')).findings.filter((f) => f.code === 'stale-signoff');
    assert.equal(stale.length, 1);
    assert.equal(
      stale[0]?.message,
      'The sign-off of Ana Gómez (2026-12-02) is older than the evidence it approves: smoke test 1 ran on 2026-12-03 10:00. Review the evidence and sign off again.',
    );
    for (const fresh of [
      'Ana Gómez - 2026-12-03',
      'Ana Gómez - 2026-12-04',
      'Ana Gómez - 2026-12-03 10:30',
      '[Nombre] - [Fecha]',
    ]) {
      assert.deepEqual(
        analysisOf(checklist(fresh)).findings.filter((f) => f.code === 'stale-signoff'),
        [],
        fresh,
      );
    }
    assert.equal(
      analysisOf(checklist('Ana Gómez - 2026-12-03 09:59')).findings.filter((f) => f.code === 'stale-signoff').length,
      1,
    );
  });

  test('"Sign off again" resolves it', () => {
    const text = checklist('Ana Gómez - 2026-12-02');
    const [signOff] = analysisOf(text).signOffs;
    const fix = signOff && signOffFix(signOff, 'Bea Ruiz', now, t);
    assert.equal(fix?.title, 'Sign off again as Bea Ruiz, today');
    const signed = applyTextEdits(text, fix?.edits ?? []);
    assert.match(signed, /- Firma: Bea Ruiz - 2026-12-05\n/);
    assert.deepEqual(
      analysisOf(signed).findings.filter((f) => f.code === 'stale-signoff'),
      [],
    );
  });

  test('evidence pasted by hand dates nothing', () => {
    const text = checklist('Ana Gómez - 2026-01-01').replace(/<!-- readiness:evidence[^\n]*\n/, '');
    assert.deepEqual(
      analysisOf(text).findings.filter((f) => f.code === 'stale-signoff'),
      [],
    );
  });
});

// Blanks of every common shape in the model (issue 12): empty cells of owner, status, date,
// evidence and sign-off columns, unanswered choice groups, signature lines, comment prompts,
// TBD/pendiente values, and blanks outside every item. In memory: no fixture is read.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { placeholderFixes } from '../../server/src/core/features/fixes';
import { translator } from '../../server/src/core/messages';
import { verdictOf } from '../../server/src/core/verdict';
import type { Finding } from '../../server/src/core/types';
import { analysisOf } from '../support/analyses';

const analyze = (text: string) => analysisOf(text);
const blanksOf = (text: string): Finding[] => analyze(text).findings.filter((f) => f.code === 'unfilled-placeholder');
const t = translator('en');
const now = { date: '2026-03-01', time: '10:00' };

/** What each finding covers, and the line it is on (1-based). */
function spans(text: string, findings: readonly Finding[]): string[] {
  const lines = text.split('\n');
  return findings.map(
    (f) =>
      `${f.range.start.line + 1}:${JSON.stringify(lines[f.range.start.line]?.slice(f.range.start.character, f.range.end.character))}`,
  );
}

const tracker = (rows: string) => `# Go-live tracker — Scanner rollout

| # | Deliverable | Owner | Due | Status | Evidence | Priority | Notes |
|---|---|---|---|---|---|---|---|
${rows}
`;

describe('empty cells of a check table', () => {
  test('owner, due, status and evidence cells left empty are one blank each, named by their column; notes and priority are not', () => {
    const text = tracker(
      [
        '| 1 | Devices enrolled | Kenji | 2026-02-02 | Done | https://mdm.example.com/r/1 | P1 | |',
        '| 2 | Training for leads | | | | | | |',
      ].join('\n'),
    );
    const found = blanksOf(text);
    assert.deepEqual(spans(text, found), ['6:" "', '6:" "', '6:" "', '6:" "']);
    assert.deepEqual(
      found.map((f) => f.message),
      [
        'Item 2 · Training for leads: fill in the name ("Owner")',
        'Item 2 · Training for leads: enter the date ("Due")',
        'Item 2 · Training for leads: choose one of: Done, In progress, Pending, Blocked, N/A',
        'Item 2 · Training for leads: fill in "Evidence"',
      ],
    );
  });

  test('a row that does not apply keeps its empty cells; a dash is a state not given in the status column and "none" elsewhere', () => {
    const text = tracker(
      ['| 1 | Paper fallback | — | — | N/A | — | | |', '| 2 | Wi-Fi survey | Amara | 2026-02-04 | — | — | | |'].join(
        '\n',
      ),
    );
    assert.deepEqual(spans(text, blanksOf(text)), ['6:"—"']);
  });

  test('a filled tracker has no blank, and TBD or "pendiente" in a person column is one', () => {
    const filled = tracker(
      '| 1 | Devices enrolled | Kenji | 2026-02-02 | Done | MDM report 2026-02-02, 212 of 212 devices | P1 | |',
    );
    assert.deepEqual(blanksOf(filled), []);
    const text = tracker(
      '| 1 | Devices enrolled | TBD | 2026-02-02 | In progress | see MDM | | |\n| 2 | Spare batteries | pendiente | 2026-02-03 | Pending | see order | | |',
    );
    const found = blanksOf(text);
    assert.deepEqual(spans(text, found), ['5:"TBD"', '6:"pendiente"']);
    assert.match(found[0]?.message ?? '', /fill in the name \("Owner"\)/);
  });

  test('empty cells of a sign-off table: name, decision, date and signature; the role names the row', () => {
    const text =
      '# Release sign-off — App 5.0\n\n| Role | Name | Decision | Date | Signature |\n|---|---|---|---|---|\n| QA Lead | | | | |\n| Security | Idris Bello | GO | 2026-02-03 | /s/ Idris Bello |\n';
    const analysis = analyze(text);
    assert.deepEqual(
      analysis.checklist.items.map((i) => [i.title, i.state]),
      [
        ['QA Lead', 'pending'],
        ['Security', 'done'],
      ],
    );
    assert.deepEqual(
      analysis.findings
        .filter((f) => f.code === 'unfilled-placeholder')
        .map((f) => f.message.replace(/^Item 1 · QA Lead: /, '')),
      ['fill in the name ("Name")', 'choose one of: GO, NO-GO', 'enter the date ("Date")', 'fill in "Signature"'],
    );
  });

  test("a value chosen for an empty cell is written with the table's spacing, and the cell may be marked not applicable", () => {
    const text = tracker('| 1 | Training for leads | Olu | 2026-02-05 | Pending | | | |');
    const blank = analyze(text).checklist.items[0]?.placeholders[0];
    assert.ok(blank);
    const fixes = placeholderFixes(blank, now, t, 'en');
    assert.deepEqual(
      fixes.map((f) => [f.title, f.edits[0]?.newText]),
      [['Mark as not applicable (N/A)', ' N/A ']],
    );
    const state = analyze(tracker('| 1 | Training | Olu | 2026-02-05 | | x | | |')).checklist.items[0]?.placeholders[0];
    assert.ok(state);
    assert.deepEqual(
      placeholderFixes(state, now, t, 'en').map((f) => f.edits[0]?.newText),
      [' Done ', ' In progress ', ' Pending ', ' Blocked ', ' N/A '],
    );
  });

  test('an empty value of a field table is a blank of its item', () => {
    const text =
      '# Readiness review\n\n## Item 1 — Audit logging\n\n| Field | Value |\n|---|---|\n| Owner | Greg |\n| Status | At risk |\n| Evidence | |\n| Notes | |\n';
    assert.deepEqual(
      blanksOf(text).map((f) => f.message),
      ['Item 1 · Audit logging: fill in "Evidence"'],
    );
  });
});

describe('choices, signature lines, prompts and undecided values', () => {
  test('one blank per unanswered choice group, none for an answered one; in a table, per cell', () => {
    const text = [
      '# Acta de conformidad — ERP',
      '',
      '| Criterio | ¿Cumple? | Firma |',
      '|---|---|---|',
      '| Datos migrados | ☐ Sí ☐ No | ☑ |',
      '| Usuarios formados | ☑ Sí ☐ No | |',
      '',
      '**Decisión**: ☐ Aprobado ☐ Rechazado',
    ].join('\n');
    const analysis = analyze(text);
    assert.deepEqual(
      analysis.checklist.items.map((i) => i.state),
      ['unknown', 'done'],
    );
    assert.deepEqual(
      spans(
        text,
        analysis.findings.filter((f) => f.code === 'unfilled-placeholder'),
      ),
      ['5:"☐ Sí ☐ No"', '6:" "', '8:"☐ Aprobado ☐ Rechazado"'],
    );
  });

  test('a field answered by ticking an option is a check, and one left unanswered is a blank', () => {
    const text =
      '# Release 4.2 sign-off\n\n- Security review: [ ] Passed  [ ] Failed  [ ] Waived\n- Performance budget: [x] Passed  [ ] Failed  [ ] Waived\n- Accessibility audit: [ ] Passed  [ ] Failed  [x] Waived\n';
    const analysis = analyze(text);
    assert.deepEqual(
      analysis.checklist.items[0]?.checks.map((c) => [c.label, c.state]),
      [
        ['Security review', 'pending'],
        ['Performance budget', 'done'],
        ['Accessibility audit', 'not-applicable'],
      ],
    );
    assert.deepEqual(analysis.progress.checks, { done: 1, total: 2 });
    const found = analysis.findings.filter((f) => f.code === 'unfilled-placeholder');
    assert.deepEqual(spans(text, found), ['3:"[ ] Passed  [ ] Failed  [ ] Waived"']);
    assert.match(found[0]?.message ?? '', /choose one of: Passed, Failed, Waived/);
    // The boxes of an answered choice are marks, not values typed in brackets.
    assert.deepEqual(
      analysis.findings.filter((f) => f.code === 'bracketed-value'),
      [],
    );
  });

  test('a status whose options are task boxes under it, none ticked, is one blank on the status line, answered by ticking a box', () => {
    const text =
      '# Release checklist v2\n\n## 1. Backups\n**Owner**: Ana\n**Status**:\n- [ ] Done\n- [ ] Blocked\n\n## 2. DNS\n**Owner**: Ben\n**Status**:\n- [ ] Done\n- [x] Blocked\n';
    const analysis = analyze(text);
    assert.deepEqual(
      analysis.checklist.items.map((i) => i.state),
      ['unknown', 'blocked'],
    );
    const found = analysis.findings.filter((f) => f.code === 'unfilled-placeholder');
    assert.deepEqual(spans(text, found), ['5:"**Status**:"']);
    const blank = analysis.checklist.items[0]?.placeholders[0];
    assert.ok(blank);
    assert.deepEqual(placeholderFixes(blank, now, t, 'en'), []);
  });

  test('signature and date lines: underscores are blanks, a date written as runs is one date blank; a signed line is none', () => {
    const text =
      '# Acta de pase a producción\n\n## Firmas\n- [x] Pruebas aceptadas\n\nDirector — Firma: ______________ Fecha: ___/___/______\nFinanzas — Firma: Elena Mora — Fecha: 12/11/2026\n';
    const found = blanksOf(text);
    assert.deepEqual(spans(text, found), ['6:"______________"', '6:"___/___/______"']);
    assert.deepEqual(
      found.map((f) => f.message.replace(/^.*?: /, '')),
      ['fill in "Firma"', 'enter the date ("Fecha")'],
    );
  });

  test("a field whose value is only the template's comment prompt is a blank; a comment after a task or a value is not", () => {
    const text =
      '## Release vX.Y.Z\n\n**Release manager:** <!-- @handle -->\n**Target date:** 2026-05-20 <!-- YYYY-MM-DD -->\n\n### Release day\n- [ ] Tag and publish <!-- ping #releases -->\n- [ ] Announce\n';
    const found = blanksOf(text);
    assert.deepEqual(spans(text, found), ['3:"<!-- @handle -->"']);
    assert.equal(found[0]?.message, 'Document · fill in "Release manager"');
  });

  test('a field left with the sigil the template wrote (@, #, https://) is a blank; a filled one is not', () => {
    const text = [
      '## Release vX.Y.Z',
      '',
      '**Release captain:** @',
      '**Change ticket:** #',
      '**Dashboard:** https://',
      '**Approver:** @cto',
      '**Ticket:** #4821',
      '',
      '- [ ] Tag pushed',
      '',
    ].join('\n');
    const found = blanksOf(text);
    assert.deepEqual(spans(text, found), ['3:"@"', '4:"#"', '5:"https://"']);
    assert.equal(found[0]?.message, 'Item 1 · Release vX.Y.Z: fill in "Release captain"');
  });

  test('TBD, TODO and "por definir" after a key anywhere on a line; "pendiente" only for a person, never as a state', () => {
    const text = [
      '# Runbook — Failover drill',
      '',
      '## Procedure',
      '1. Freeze writes — operator: TBD',
      '2. Point the DNS record at the new primary (TTL: TBD)',
      '3. Stop the queues (responsable: pendiente)',
      '4. Retrospective — date: por definir',
      '5. Note: TODO list reviewed',
      '',
      '## Item 2 — Certificates',
      '**Owner**: pendiente',
      '**Status**: Pendiente',
    ].join('\n');
    const found = blanksOf(text);
    assert.deepEqual(spans(text, found), ['4:"TBD"', '5:"TBD"', '6:"pendiente"', '7:"por definir"', '11:"pendiente"']);
    assert.deepEqual(
      found.map((f) => f.message.replace(/^.*?: /, '')),
      [
        'fill in "operator"',
        'fill in "TTL"',
        'fill in the name ("responsable")',
        'enter the date ("date")',
        'fill in the name ("Owner")',
      ],
    );
  });
});

describe('blanks outside every item', () => {
  const form =
    '# Release Approval Sheet — Gateway 7.2\n\n**Change ticket**: <CHG number>\n\nInstrucciones: marcar [x] y pegar [ENLACES].\n\n| Area | Owner | Status |\n|---|---|---|\n| Engineering | Priya | Done |\n\n**Final decision**: ☐ GO ☐ NO-GO\n';

  test("are the document's: reported without an item, instructions left out", () => {
    const analysis = analyze(form);
    assert.equal(analysis.checklist.blanks?.length, 2);
    assert.deepEqual(
      analysis.findings.filter((f) => f.code === 'unfilled-placeholder').map((f) => f.message),
      ['Document · fill in "<CHG number>"', 'Document · Final decision: choose one of: GO, NO-GO'],
    );
    assert.deepEqual(analysis.checklist.items[0]?.placeholders, []);
  });

  test('count in the verdict as a condition of the document, not a reason', () => {
    const analysis = analyze(form);
    const verdict = verdictOf(analysis, { text: form, t, mask: (v) => v });
    assert.equal(verdict.decision, 'go');
    const document = verdict.conditions.find((c) => c.itemId === undefined);
    assert.deepEqual(
      document?.problems.map((p) => [p.kind, p.message, p.line]),
      [['open-blanks', '2 open blank(s)', 2]],
    );
  });

  test('a status line both the model and the header read is one status-mismatch', () => {
    const text =
      '# Checklist de entrega — Intranet\n\nEstado: Listo para entrega ✅\n\n## Obligatorio\n- [x] Copias de seguridad\n- [ ] Usuarios migrados\n';
    assert.equal(analyze(text).findings.filter((f) => f.code === 'status-mismatch').length, 1);
  });
});

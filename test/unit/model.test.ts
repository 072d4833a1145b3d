// The checklist model on the shapes people write: states and choices, item headings of
// every form, checks, blockers, configuration words (the incremental cache on the corpus read from
// disk is in test/integration/model-corpus.test.ts).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { isChecklist } from '../../server/src/core/detect';
import { notApplicableFix } from '../../server/src/core/features/fixes';
import { translator } from '../../server/src/core/messages';
import { choiceOptions, parseState } from '../../server/src/core/model/fieldNames';
import { defaultAnalysisSettings } from '../../server/src/core/rules/rule';
import { analysisOf } from '../support/analyses';

const analyze = (text: string, settings = defaultAnalysisSettings) => analysisOf(text, { settings });

describe('states', () => {
  const cases: [string, string][] = [
    ['⏳ Pendiente', 'pending'],
    ['Pendiente de ✅ aprobación', 'pending'],
    ['✅ Completado', 'done'],
    ['Listo para producción ✅', 'done'],
    ['Hecho', 'done'],
    ['En revisión', 'in-progress'],
    ['WIP', 'in-progress'],
    ['In review', 'in-progress'],
    ['Not started', 'pending'],
    ['N/A', 'not-applicable'],
    ['No aplica', 'not-applicable'],
    ['Bloqueado', 'blocked'],
    ['Not approved', 'blocked'],
    ['En riesgo', 'at-risk'],
    ['At risk', 'at-risk'],
    ['🔄', 'in-progress'],
    ['Not yet', 'pending'],
    ['Cancelled', 'not-applicable'],
    ['Aplazado', 'not-applicable'],
    ['100%', 'done'],
    ['0 %', 'pending'],
    ['40%', 'in-progress'],
    ['140%', 'unknown'],
    ['Incomplete', 'unknown'],
    ['Parked until Q3', 'unknown'],
  ];
  for (const [value, state] of cases) test(`"${value}" is ${state}`, () => assert.equal(parseState(value), state));

  test('configuration extends the vocabulary', () => {
    assert.equal(parseState('Parked until Q3', { blocked: ['parked'] }), 'blocked');
    assert.equal(parseState('Aparcado', { 'not-applicable': ['aparcado'] }), 'not-applicable');
  });

  test('a status written as a choice of boxes is a choice; the ticked option is the state', () => {
    assert.deepEqual(
      choiceOptions('[ ] Complete | [x] At Risk | [ ] Blocked')?.map((o) => [o.label, o.ticked]),
      [
        ['Complete', false],
        ['At Risk', true],
        ['Blocked', false],
      ],
    );
    assert.deepEqual(
      choiceOptions('☑ Hecho ☐ En curso')?.map((o) => [o.label, o.ticked]),
      [
        ['Hecho', true],
        ['En curso', false],
      ],
    );
    const none = analyze('# Launch checklist\n\n## 1. A\n**Status**: [ ] Complete | [ ] At Risk | [ ] Blocked\n');
    assert.equal(none.checklist.items[0]?.state, 'unknown', 'none ticked is unset, not done');
    assert.equal(none.progress.items.done, 0);
    assert.deepEqual(
      none.findings.map((f) => [f.code, f.data?.['kind']]),
      [['unfilled-placeholder', 'choice']],
    );
    const listed = analyze(
      '# Launch checklist\n\n## 1. A\n**Status**:\n- [ ] Complete\n- [x] At risk\n- [ ] Blocked\n',
    );
    assert.equal(listed.checklist.items[0]?.state, 'at-risk');
    assert.equal(listed.checklist.items[0]?.checks.length, 0, 'the options are not checks');
  });

  test('an unknown state is an information finding; not applicable leaves progress alone', () => {
    const text =
      '# Deliverables\n\n## 1. A\n**Status**: Done\n\n## 2. B\n**Status**: Parked\n\n## 3. C\n**Status**: N/A\n';
    const analysis = analyze(text);
    assert.deepEqual(
      analysis.findings.map((f) => [f.code, f.severity, f.range.start.line]),
      [['unknown-state', 'information', 6]],
    );
    assert.deepEqual(analysis.progress.items, { done: 1, total: 2 });
    const taught = analyze(text, { ...defaultAnalysisSettings, stateWords: { pending: ['parked'] } });
    assert.equal(taught.checklist.items[1]?.state, 'pending');
    assert.deepEqual(taught.findings, []);
  });

  test('"Mark as not applicable" writes the state in the document\'s language', () => {
    const { checklist } = analyze('# Entregables\n\n## 1. A\n**Estado**: Aparcado\n');
    const item = checklist.items[0];
    assert.ok(item);
    const fix = notApplicableFix(checklist, item, translator('es'));
    assert.equal(fix?.title, 'Marcar el ítem 1 como no aplica');
    assert.deepEqual(
      fix?.edits.map((e) => e.newText),
      ['➖ No aplica'],
    );
    assert.equal(
      analyze('# Entregables\n\n## 1. A\n**Estado**: ➖ No aplica\n').checklist.items[0]?.state,
      'not-applicable',
    );
  });
});

describe('items of every shape', () => {
  test('numbered headings at any level, with emoji, bold or a word before the number', () => {
    const text =
      '# Entregables\n\n## 🔴 BLOQUERS\n\n### ✅ 1. Uno\n**Estado**: Hecho\n\n### Item 2 — Dos\n**Estado**: WIP\n\n### **3. Tres**\n**Estado**: Pendiente\n\n## Otros\n\n#### 5. Cinco\n**Estado**: Listo\n';
    const { checklist, progress } = analyze(text);
    assert.deepEqual(
      checklist.items.map((i) => [i.id, i.title, i.state, i.blocker]),
      [
        ['1', 'Uno', 'done', true],
        ['2', 'Dos', 'in-progress', true],
        ['3', 'Tres', 'pending', true],
        ['5', 'Cinco', 'done', false],
      ],
    );
    assert.deepEqual(progress.blockers, { done: 1, total: 3 });
  });

  test('plain, bulleted and table fields', () => {
    const text =
      '# Release\n\n## A\nEstado: Listo\nResponsable: Ana\n\n## B\n- **Owner:** Bo\n- **Due:** 2026-01-02\n- **Status:** Pending\n\n## C\n| Field | Value |\n|---|---|\n| Owner | Cy |\n| Status | In progress |\n';
    const { checklist } = analyze(text);
    assert.deepEqual(
      checklist.items.map((i) => [i.title, i.owner, i.state, i.due]),
      [
        ['A', 'Ana', 'done', undefined],
        ['B', 'Bo', 'pending', '2026-01-02'],
        ['C', 'Cy', 'in-progress', undefined],
      ],
    );
  });

  test('checks: boxes at any depth and in fences, numbered steps, rows of a status table', () => {
    const text =
      '# Go-live checklist\n\n## Prep\n- [x] a\n  - [ ] a.1\n```\n- [x] in a fence\n```\n1. step one ✅\n2. step two\n\n## Sign-off\n| Role | Owner | Status |\n|---|---|---|\n| QA | Ana | Done |\n| Sec | Bo | |\n';
    const { checklist, progress } = analyze(text);
    assert.deepEqual(
      checklist.items.map((i) => [i.kind, i.title]),
      [
        ['section', 'Prep'],
        ['task', 'a'],
        ['row', 'QA'],
        ['row', 'Sec'],
      ],
    );
    assert.deepEqual(progress.checks, { done: 4, total: 7 });
  });

  test('blocker marks from configuration', () => {
    const text =
      '# Launch checklist\n\n## Go-live gates\n\n### 1. A\n**Status**: Pending\n\n### 2. B 🚩\n**Status**: Done\n';
    assert.deepEqual(analyze(text).progress.blockers, { done: 0, total: 0 });
    assert.deepEqual(analyze(text, { ...defaultAnalysisSettings, blockerMarks: ['gates'] }).progress.blockers, {
      done: 1,
      total: 2,
    });
    assert.deepEqual(analyze(text, { ...defaultAnalysisSettings, blockerMarks: ['🚩'] }).progress.blockers, {
      done: 1,
      total: 1,
    });
  });

  test('a table of deliverables is read with its due dates, overdue counting them', () => {
    const text =
      '# Go-live tracker\n\n| Task | Owner | Due | Status |\n|---|---|---|---|\n| A | Ana | 2026-01-01 | Pending |\n| B | Bo | 2026-01-01 | Done |\n';
    const analysis = analysisOf(text, { today: '2026-02-01' });
    assert.deepEqual(
      analysis.findings.map((f) => [f.code, f.range.start.line]),
      [['overdue', 4]],
    );
  });
});

describe('rows and their files', () => {
  test("a row's files are its own, and a linked title reads as its text", () => {
    const text = [
      '# Release checklist',
      '',
      '| # | Check | Owner | Status |',
      '|---|---|---|---|',
      '| 1 | Runbook in `docs/runbook.md` | Ana | Done |',
      '| 2 | [Playbook](docs/playbook.md) | Bo | Pending |',
      '| 3 | Dashboards | Cy | Done |',
      '',
    ].join('\n');
    const items = analyze(text).checklist.items;
    assert.deepEqual(
      items.map((i) => [i.title, i.references.map((r) => r.path)]),
      [
        ['Runbook in docs/runbook.md', ['docs/runbook.md']],
        ['Playbook', ['docs/playbook.md']],
        ['Dashboards', []],
      ],
    );
  });

  test('a task with a due date written without a colon is an item with that deadline, overdue when past it', () => {
    const text = [
      '# Launch checklist',
      '',
      '## Pre-flight',
      '- [x] Feature flag created',
      '- [ ] Load test signed off by @perf — due 2026-11-25',
      '- [ ] Status page drafted (vence 2026-12-10)',
      '- [ ] Incident drill, due to the outage last week, moved to Q1',
      '',
    ].join('\n');
    const analysis = analysisOf(text, { today: '2026-12-03' });
    assert.deepEqual(
      analysis.checklist.items.map((i) => [i.title, i.deadline]),
      [
        ['Pre-flight', undefined],
        ['Load test signed off by @perf', '2026-11-25'],
        ['Status page drafted', '2026-12-10'],
      ],
    );
    assert.deepEqual(
      analysis.findings.map((f) => [f.code, f.range.start.line]),
      [['overdue', 4]],
    );
  });

  test('fields listed in parentheses after a task are its own: "(owner: @carol, due: 2026-11-30)"', () => {
    const text = [
      '# Release v2.4 checklist',
      '',
      '## Before release',
      '- [x] Bump version',
      '- [ ] Run the migration dry-run (owner: @carol, due: 2026-11-30)',
      '- [ ] Rotate keys (responsable: Ana; estado: en curso)',
      '- [ ] Update docs (see the wiki: docs/release.md)',
      '',
    ].join('\n');
    const analysis = analysisOf(text, { today: '2026-12-03' });
    assert.deepEqual(
      analysis.checklist.items.map((i) => [i.title, i.owner, i.due, i.state]),
      [
        ['Before release', undefined, undefined, 'in-progress'],
        ['Run the migration dry-run', '@carol', '2026-11-30', 'pending'],
        ['Rotate keys', 'Ana', undefined, 'in-progress'],
      ],
    );
    assert.deepEqual(
      analysis.findings.map((f) => f.code),
      ['overdue'],
    );
  });

  test('a sign-off list of roles is checks of one item, whatever the roles are called', () => {
    const text = [
      '# Launch checklist',
      '',
      '## Sign-off',
      '- [ ] Engineering lead: ____________  Date: ______',
      '- [ ] Product owner: ____________  Date: ______',
      '- [x] Security owner: Marta Ruiz — Date: 2026-11-30',
      '',
      '## Tasks',
      '- [ ] Deploy the API — Owner: Ana — Due: 2026-12-01',
      '- [ ] Update the status page — Owner: Bo',
      '',
    ].join('\n');
    const items = analyze(text).checklist.items;
    assert.deepEqual(
      items.map((i) => [i.kind, i.title, i.checks.length]),
      [
        ['section', 'Sign-off', 3],
        ['task', 'Deploy the API', 1],
        ['task', 'Update the status page', 1],
      ],
    );
  });
});

describe('deadline columns', () => {
  test('"Fecha compromiso", "Fecha de cierre", "End date" are deadlines; "Fecha de firma" and "Date" are not', () => {
    const dues = (column: string) =>
      analysisOf(
        `# Checklist de lanzamiento\n\n| Tarea | Responsable | ${column} | Estado |\n|---|---|---|---|\n| A | Ana | 2026-11-20 | Pendiente |\n`,
        { today: '2026-12-03' },
      ).checklist.items.map((i) => i.due);
    for (const column of [
      'Fecha compromiso',
      'Fecha de compromiso',
      'Fecha de cierre',
      'Fecha prevista',
      'End date',
      'Commit date',
    ])
      assert.deepEqual(dues(column), ['2026-11-20'], column);
    for (const column of ['Fecha de firma', 'Date', 'Fecha']) assert.deepEqual(dues(column), [undefined], column);
  });
});

describe('counts and checkbox columns', () => {
  test('"3 of 5 tasks complete" states both numbers', () => {
    const text = '# Release checklist\n\nProgress: 1 of 3 tasks complete.\n\n## Tasks\n- [x] a\n- [ ] b\n- [ ] c\n';
    assert.deepEqual(analyze(text).findings, []);
    const wrong = analyze(text.replace('1 of 3', '2 of 4'));
    assert.deepEqual(
      wrong.findings.map((f) => f.code),
      ['status-mismatch', 'status-mismatch'],
    );
  });

  test('"2 of 4 items done" and "1 de 3 entregables completados" are one claim each, not a second count of done', () => {
    for (const [summary, state] of [
      ['Summary: 1 of 3 items done.', 'Done'],
      ['Resumen: 1 de 3 entregables completados', 'Listo'],
      ['Progress: 1/3 tasks done', 'Done'],
    ] as const) {
      const text = `# Release checklist\n\n${summary}\n\n## 1. A\nStatus: ${state}\n\n## 2. B\nStatus: Pending\n\n## 3. C\nStatus: Pending\n`;
      assert.deepEqual(analyze(text).findings, [], summary);
    }
  });

  test('a "Resumen:" line under the last section sums up the whole document, not that section', () => {
    const text = [
      '# Checklist de salida',
      '',
      '## 1. Pruebas',
      'Estado: Listo',
      '',
      '## 2. Backups',
      'Estado: Pendiente',
      '',
      '## 3. Comunicación',
      'Estado: Pendiente',
      '',
      '## Aprobaciones',
      '- [ ] Gerente de TI',
      '- [x] Seguridad',
      '- [ ] Dueño del producto',
      '',
      'Resumen: 1 de 4 ítems completados.',
      '',
    ].join('\n');
    assert.deepEqual(analyze(text).findings, []);
    assert.deepEqual(
      analyze(text.replace('1 de 4', '1 de 5')).findings.map((f) => f.message),
      ['The document says 5 here, but the checklist has 4'],
    );
  });

  test('a Done? column with ✔️ and Yes/No is a checkbox column', () => {
    const text = '# Go-live checklist\n\n| Task | Done? |\n|---|---|\n| a | ✔️ |\n| b | Yes |\n| c | No |\n| d | |\n';
    assert.deepEqual(analyze(text).progress.checks, { done: 2, total: 4 });
  });
});

describe('never silent', () => {
  test('a recognised checklist with no readable item gets one structure finding naming the near miss', () => {
    const text =
      '# Entregables para producción\n\n**Total**: 2 entregables\n\n**1) Certificados** — Responsable: Infra — Estado: Pendiente\n\n**2) Tableros** — Responsable: SRE — Estado: Pendiente\n';
    const { findings } = analysisOf(text, { locale: 'en' });
    assert.deepEqual(
      findings.map((f) => [f.code, f.severity, f.range.start.line]),
      [['structure', 'warning', 4]],
    );
    assert.match(
      findings[0]?.message ?? '',
      /\(2\); line 5 looks like one but is not read as an item: "\*\*1\) Certificados\*\*/,
    );
  });

  test('a document with nothing item-like gets a note, not a warning', () => {
    assert.deepEqual(
      analyze('# Checklist guide\n\nHow we write checklists.\n').findings.map((f) => [f.code, f.severity]),
      [['structure', 'information']],
    );
  });
});

describe('state marks', () => {
  test('bullets led by state marks are checks when they read as a status list; a list of ✅ criteria is not', () => {
    const text =
      '# Go-live status\n\nRelease 2.4 to production.\n\n## Infra\n- ✅ Backups configured\n- ⬜ DNS switched\n- ❌ Load test\n\n## Criteria\n- ✅ no 5xx\n- ✅ p95 under 2 s\n';
    assert.ok(isChecklist('status.md', text, []));
    const { checklist, progress } = analyze(text);
    assert.deepEqual(
      checklist.items.map((i) => [i.title, i.state]),
      [['Infra', 'in-progress']],
    );
    assert.deepEqual(progress.checks, { done: 1, total: 3 });
  });

  test("a heading's leading mark is its state when nothing else gives one", () => {
    const { checklist } = analyze(
      '# Release checklist\n\n## Steps\n### ✅ Backups\nDone last night.\n### ⏳ DNS\nWaiting.\n### [ ] Announce\n',
    );
    assert.deepEqual(
      checklist.items.map((i) => [i.title, i.state]),
      [
        ['Backups', 'done'],
        ['DNS', 'pending'],
        ['Announce', 'pending'],
      ],
    );
  });
});

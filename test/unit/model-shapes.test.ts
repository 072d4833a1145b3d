// Checklist shapes read since the fifth session: bullets led by their state in brackets, task boxes
// without a list marker, numbering columns, "?" left in an owner field, and the field names and state
// words of French, German, Portuguese and Italian checklists. In memory: no fixture is read.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { defaultChecklistGlobs, isChecklist } from '../../server/src/core/detect';
import { translator } from '../../server/src/core/messages';
import { parseState } from '../../server/src/core/model/fieldNames';
import { verdictOf } from '../../server/src/core/verdict';
import { analysisOf } from '../support/analyses';

const TODAY = '2026-12-03';
const analyze = (text: string) => analysisOf(text, { today: TODAY });
const itemsOf = (text: string) =>
  analyze(text).checklist.items.map((i) => [i.title, i.owner ?? null, i.due ?? null, i.state]);
const codesOf = (text: string) => analyze(text).findings.map((f) => `${f.range.start.line + 1} ${f.code}`);
const byContent = (text: string) => isChecklist('notes/doc.md', text, defaultChecklistGlobs);

describe('bullets led by their state in brackets', () => {
  const tracker = `# Platform release 7 — rollout

- [DONE] Upgrade the ingress controller (owner: @kim, due 2026-11-12)
- [WIP] Move cron jobs to the scheduler (owner: @lu, due 2026-11-30)
- [TODO] Write the customer notice (owner: ?, due 2026-12-20)
- [Blocked] Vendor firewall change — owner: @ops-net — due: 2026-12-01
- [PENDIENTE] Revisión legal (responsable: Marta, fecha límite 2026-12-10)
`;

  test('are items with their state, owner and due date; the state is not part of the title', () => {
    assert.deepEqual(itemsOf(tracker), [
      ['Upgrade the ingress controller', '@kim', '2026-11-12', 'done'],
      ['Move cron jobs to the scheduler', '@lu', '2026-11-30', 'in-progress'],
      ['Write the customer notice', '?', '2026-12-20', 'pending'],
      ['Vendor firewall change', '@ops-net', '2026-12-01', 'blocked'],
      ['Revisión legal', 'Marta', '2026-12-10', 'pending'],
    ]);
    assert.ok(byContent(tracker));
  });

  test('"[TODO]" is the state, not a blank; the "?" owner is one; the late one in progress is overdue', () => {
    assert.deepEqual(codesOf(tracker), ['4 overdue', '5 unfilled-placeholder']);
  });

  test('a link or an unknown word in brackets leads nothing', () => {
    const notes = `# Release notes

- [Fixed] A crash on start-up
- [Changed] The default port
- [docs] Typo in the README
- [Open question] Do we keep the v1 endpoint?
`;
    assert.deepEqual(analyze(notes).checklist.items, []);
    assert.equal(byContent(notes), false);
  });
});

describe('task boxes without a list marker', () => {
  const plain = `# Cutover checklist — warehouse DB

[x] Freeze announced in #eng
[X] Final backup taken
[ ] DNS TTL lowered to 60 s — owner: Ines
[ ] Replication lag under 1 s

Notes: the [x] in this sentence is not a box.
`;

  test('read as the same lines with their "- " would be', () => {
    const listed = plain.replace(/^\[/gm, '- [');
    const shape = (text: string) =>
      analyze(text).checklist.items.map((i) => [
        i.title,
        i.owner ?? null,
        i.state,
        i.checks.map((c) => [c.label, c.state]),
      ]);
    assert.deepEqual(shape(plain), shape(listed));
    assert.deepEqual(
      analyze(plain).checklist.items[0]?.checks.map((c) => [c.label, c.state]),
      [
        ['Freeze announced in #eng', 'done'],
        ['Final backup taken', 'done'],
        ['Replication lag under 1 s', 'pending'],
      ],
    );
    assert.deepEqual(itemsOf(plain).at(-1), ['DNS TTL lowered to 60 s', 'Ines', null, 'pending']);
    assert.ok(byContent(plain));
  });

  test('ticking one in the text ticks its check', () => {
    const ticked = plain.replace('[ ] Replication', '[x] Replication');
    const checks = analyze(ticked).checklist.items[0]?.checks ?? [];
    assert.deepEqual(
      checks.map((c) => c.state),
      ['done', 'done', 'done'],
    );
  });
});

describe('a numbering column is not the title', () => {
  for (const header of ['Nr.', 'Núm.', 'N.º', 'Ref', 'Seq']) {
    test(`"${header}"`, () => {
      const text = `# Go-live tracker

| ${header} | Deliverable | Owner | Status |
|---|---|---|---|
| 1 | Backups restored | Ana | Done |
| 2 | Alerts routed | Luis | Pending |
`;
      assert.deepEqual(
        analyze(text).checklist.items.map((i) => i.title),
        ['Backups restored', 'Alerts routed'],
      );
    });
  }
});

describe('French, German, Portuguese and Italian checklists', () => {
  test('state words', () => {
    const cases: [string, string][] = [
      ['Terminé', 'done'],
      ['Fait', 'done'],
      ['En cours', 'in-progress'],
      ['À faire', 'pending'],
      ['Bloqué', 'blocked'],
      ['Sans objet', 'not-applicable'],
      ['Erledigt', 'done'],
      ['Abgeschlossen', 'done'],
      ['In Bearbeitung', 'in-progress'],
      ['Offen', 'pending'],
      ['Entfällt', 'not-applicable'],
      ['Concluído', 'done'],
      ['Em andamento', 'in-progress'],
      ['Pendente', 'pending'],
      ['Completato', 'done'],
      ['In corso', 'in-progress'],
      ['Da fare', 'pending'],
      ['Bloccato', 'blocked'],
    ];
    assert.deepEqual(
      cases.map(([word]) => [word, parseState(word)]),
      cases,
    );
  });

  test('a German table: Aufgabe, Verantwortlich, Frist, Status', () => {
    const text = `# Checkliste Inbetriebnahme

| Nr. | Aufgabe | Verantwortlich | Frist | Status |
|---|---|---|---|---|
| 1 | Datensicherung geprüft | Jana | 2026-11-20 | Erledigt |
| 2 | Monitoring aktiv | Felix | 2026-11-10 | Offen |
`;
    assert.deepEqual(itemsOf(text), [
      ['Datensicherung geprüft', 'Jana', '2026-11-20', 'done'],
      ['Monitoring aktiv', 'Felix', '2026-11-10', 'pending'],
    ]);
    assert.deepEqual(codesOf(text), ['6 overdue']);
  });

  test('Portuguese and Italian heading items with their fields', () => {
    const pt = `# Lista de verificação — entrada em produção

## 1. Backup validado
**Responsável:** Joana
**Prazo:** 2026-11-30
**Estado:** Concluído

## 2. Plano de rollback
**Responsável:** Rui
**Prazo:** 2026-12-20
**Estado:** Em andamento
`;
    assert.deepEqual(itemsOf(pt), [
      ['Backup validado', 'Joana', '2026-11-30', 'done'],
      ['Plano de rollback', 'Rui', '2026-12-20', 'in-progress'],
    ]);
    const it = `# Checklist di messa in produzione

### 1. Test di carico
- **Responsabile:** Giulia
- **Scadenza:** 2026-11-25
- **Stato:** Da fare
`;
    assert.deepEqual(itemsOf(it), [['Test di carico', 'Giulia', '2026-11-25', 'pending']]);
    assert.deepEqual(codesOf(it), ['5 overdue']);
  });
});

describe('a state after a heading title', () => {
  test('"— ✅ Done", "(Pending)", "[BLOCKED]", "– In progress" are the state, and leave the title', () => {
    const text = `# Launch readiness — Mobile app 3.0

## Store listing — ✅ Done
Owner: Bea

## Backups (Pending)
Owner: Bo

## DNS [BLOCKED]
Owner: Cy

## 4. Alerts – In progress
Owner: Di
`;
    assert.deepEqual(itemsOf(text), [
      ['Store listing', 'Bea', null, 'done'],
      ['Backups', 'Bo', null, 'pending'],
      ['DNS', 'Cy', null, 'blocked'],
      ['Alerts', 'Di', null, 'in-progress'],
    ]);
    // "[BLOCKED]" is not a blank.
    assert.deepEqual(codesOf(text), []);
  });

  test('a suffix that says more than a state is part of the title; a Status field still wins', () => {
    const text = `# Rollout plan

## Deploy — new cluster
Owner: Ana

## Backups (done by Friday)
Owner: Bo

## Cutover — Done
Owner: Cy
Status: In progress
`;
    assert.deepEqual(itemsOf(text), [
      ['Deploy — new cluster', 'Ana', null, 'unknown'],
      ['Backups (done by Friday)', 'Bo', null, 'unknown'],
      ['Cutover', 'Cy', null, 'in-progress'],
    ]);
  });
});

describe('headings that mention notes, contacts or the changelog', () => {
  const plan = (heading: string, body: string) => `# Launch checklist — Web 5

## Store listing
Owner: Bea
Status: Done

## ${heading}
${body}
`;

  test('are items when they are work with an owner, due date or state', () => {
    for (const heading of [
      'Release notes',
      'Update the CHANGELOG',
      'Emergency contacts confirmed',
      'CI workflow green',
    ])
      assert.deepEqual(
        itemsOf(plan(heading, 'Owner: Ana\nDue: 2026-12-14')).map((i) => i[0]),
        ['Store listing', heading],
        heading,
      );
  });

  test('are about the checklist when led by the word, or when they hold no work of their own', () => {
    for (const [heading, body] of [
      ['Notes', 'Owner: Ana\nDue: 2026-12-14'],
      ['📌 How to use this checklist', '- [ ] Tick each box as you go'],
      ['Key contacts', '| Role | Owner |\n|---|---|\n| On-call | Ana |'],
      ['Additional notes', '- [ ] Nothing else'],
    ])
      assert.deepEqual(
        itemsOf(plan(heading ?? '', body ?? '')).map((i) => i[0]),
        ['Store listing'],
        heading,
      );
  });
});

describe('combined headers name each of their parts', () => {
  const review = (notes: string) => `# Production readiness review — Ledger

| Area | Check | Owner | Status | ${notes} |
|------|-------|-------|--------|------|
| Reliability | Load test at 2x peak | @bo | Done | p99 180 ms at 2x |
| Security | Pen test | @cy | N/A | Internal-only service, no external exposure |
`;

  for (const header of ['Evidence / notes', 'Notes & evidence', 'Evidencia y notas', 'Comments/Links'])
    test(`"${header}" gives an N/A row its reason`, () => {
      const text = review(header);
      const verdict = verdictOf(analyze(text), { text, t: translator('en') });
      assert.deepEqual([...verdict.reasons, ...verdict.conditions], [], header);
      assert.equal(verdict.decision, 'go');
    });

  test('"Owner / DRI" is the owner column, "Status/Result" the state column', () => {
    const text = `# Launch checklist

| Task | Owner / DRI | Status/Result |
|---|---|---|
| Backups | Ana | Done |
| Alerts | Bo | Pending |
`;
    assert.deepEqual(itemsOf(text), [
      ['Backups', 'Ana', null, 'done'],
      ['Alerts', 'Bo', null, 'pending'],
    ]);
  });
});

describe('a field left empty', () => {
  const template = (owner: string) => `# v2.3 launch checklist

1. Docs published
${owner}
   - Status: Not started
   - Due: 12/15
`;

  for (const line of ['   - Owner:', '   - **Owner:**'])
    test(`"${line.trim()}" is a blank for the name`, () => {
      const text = template(line);
      const blanks = analyze(text).findings.filter((f) => f.code === 'unfilled-placeholder');
      assert.deepEqual(
        blanks.map((f) => f.message),
        ['Item 1 · Docs published: fill in the name ("Owner")'],
      );
      assert.equal(analyze(text).checklist.items[0]?.due, '2026-12-15');
    });

  test('under a heading, in plain or bold; not when its value is written below it, nor an empty evidence', () => {
    const blanksOf = (body: string) =>
      analyze(`# Go-live checklist\n\n### 1. Backups\n${body}\n`).findings.filter(
        (f) => f.code === 'unfilled-placeholder',
      ).length;
    assert.equal(blanksOf('Owner:\nStatus: Pending'), 1);
    assert.equal(blanksOf('**Due:**\n**Status:** Pending'), 1);
    assert.equal(blanksOf('Owner:\n- Ana\n\nStatus: Pending'), 0);
    assert.equal(blanksOf('**Due:** <!-- YYYY-MM-DD -->\nStatus: Pending'), 1);
    assert.equal(blanksOf('Owner: Ana\nEvidence:\n\n```\nok\n```\nStatus: Pending'), 0);
  });
});

describe('ticks and crosses', () => {
  const checksOf = (text: string) =>
    analyze(text).checklist.items.flatMap((i) => i.checks.map((c) => [c.label, c.state]));

  test('bullets led by ✔ ✓ ✘ ✗ are a status list: ticked done, crossed not', () => {
    const text = `# Release checklist — v9

- ✔ Backups verified
- ✘ DNS cutover rehearsed
- ✗ Status page updated
- ✓ Rollback plan reviewed
`;
    assert.deepEqual(checksOf(text), [
      ['Backups verified', 'done'],
      ['DNS cutover rehearsed', 'blocked'],
      ['Status page updated', 'blocked'],
      ['Rollback plan reviewed', 'done'],
    ]);
    assert.ok(byContent(text));
  });

  test('a box ticked with a mark ("- [✓]", "[✔️]") is a task box like "[x]"; a crossed one is open', () => {
    const text = `# Launch checklist — partner API

- [✓] Security review
- [✔️] Legal review
- [✗] Marketing review
- [ ] Support trained
- [x] Docs published
`;
    assert.deepEqual(checksOf(text), [
      ['Security review', 'done'],
      ['Legal review', 'done'],
      ['Marketing review', 'pending'],
      ['Support trained', 'pending'],
      ['Docs published', 'done'],
    ]);
    // Each box is where a tick goes: the quick fix rewrites the box, not the text.
    const boxes = analyze(text).checklist.items.flatMap((i) => i.checkboxes);
    const lines = text.split('\n');
    assert.deepEqual(
      boxes.map((b) => lines[b.boxRange.start.line]?.slice(b.boxRange.start.character, b.boxRange.end.character)),
      ['[✓]', '[✔️]', '[✗]', '[ ]', '[x]'],
    );
  });
});

describe('a timed cutover plan', () => {
  test('a "Done?" column makes its rows checks, and the file a checklist by its content; "Who" is the owner', () => {
    const text = `# Cutover plan — Payments migration (Sat 2026-12-12)

| # | Time (UTC) | Who | What | Done? |
|---|-----------|-----|------|-------|
| 1 | 05:30 | Ana | Announce start in #payments-cutover | ✅ |
| 2 | 05:45 | Bo | Put the old cluster in read-only mode | ✅ |
| 3 | 06:00 | Cy | Final sync of the ledger tables | |
`;
    assert.ok(byContent(text));
    // A table of who does what, without a column to tick, is a description of roles.
    assert.equal(
      byContent('# Release process\n\n| Who | What |\n|---|---|\n| Ana | Tags the release |\n| Bo | Announces it |\n'),
      false,
    );
    assert.deepEqual(itemsOf(text), [
      ['Announce start in #payments-cutover', 'Ana', null, 'done'],
      ['Put the old cluster in read-only mode', 'Bo', null, 'done'],
      ['Final sync of the ledger tables', 'Cy', null, 'pending'],
    ]);
  });
});

describe('plain bullets and legends', () => {
  test('a plain bullet that names its work, then its owner or state, is an item', () => {
    const text = `# Checklist de salida a producción — Portal v3

- **Backups verificados** — **Responsable:** Ana — **Estado:** ✅ Hecho
- **Plan de rollback** — **Responsable:** Luis — **Estado:** ⏳ En curso — **Fecha límite:** 10/12/2026
- Monitorización — Responsable: [Nombre] — Estado: Pendiente
- A note that mentions the owner: nobody
`;
    assert.deepEqual(itemsOf(text), [
      ['Backups verificados', 'Ana', null, 'done'],
      ['Plan de rollback', 'Luis', '2026-12-10', 'in-progress'],
      ['Monitorización', '[Nombre]', null, 'pending'],
    ]);
  });

  test('a column named with a legend or a unit ("Estado (✅/⏳/❌)", "Due (UTC)") is read by its name', () => {
    const text = `# Lista de verificación — Migración de pagos

| Tarea | Responsable (equipo) | Estado (✅/⏳/❌) | Due (UTC) |
|---|---|---|---|
| Copia de seguridad | Ana | ✅ | 2026-12-01 |
| Cambio de DNS | Luis | ❌ | 2026-12-12 |
`;
    assert.deepEqual(itemsOf(text), [
      ['Copia de seguridad', 'Ana', '2026-12-01', 'done'],
      ['Cambio de DNS', 'Luis', '2026-12-12', 'blocked'],
    ]);
  });
});

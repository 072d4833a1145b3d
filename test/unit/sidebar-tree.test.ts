// The sidebar's rows, rendered from the server's real answers for the sample checklist (and edited
// copies of it), without VS Code. What the server decides (overdue, masking, owners) is tested on
// the server side too (checklistView.test.ts).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { buildTree, type ChecklistEntry, type SidebarInput } from '../../client/src/sidebar/model/buildTree';
import { noFilters, type SidebarFilters, type SidebarNode } from '../../client/src/sidebar/model/nodes';
import { ownerNames } from '../../server/src/core/view/owners';
import { shortGroupTitle } from '../../server/src/core/view/checklistView';
import type { ChecklistResult } from '../../server/src/protocol';
import { readFixture, sampleText } from '../support/texts';
import { OPENAI_KEY_VALUE } from '../support/secretSamples';
import { SAMPLE_URI, checklistResult, english, notAChecklist, withStates } from '../support/sidebar';
import { analysisOf } from '../support/analyses';

const entry = (result: ChecklistResult, relativePath: string | undefined = 'ENTREGABLES.md'): ChecklistEntry => ({
  result,
  relativePath,
});
const tree = (entries: ChecklistEntry[], options: Partial<Omit<SidebarInput, 'entries'>> = {}) =>
  buildTree({ entries, filters: noFilters, t: english, ...options });
const sampleTree = (options: Partial<Omit<SidebarInput, 'entries'>> = {}) =>
  tree([entry(checklistResult(sampleText()))], options);

function all(nodes: readonly SidebarNode[]): SidebarNode[] {
  return nodes.flatMap((node) => [node, ...all(node.children)]);
}
const items = (nodes: readonly SidebarNode[]) => all(nodes).filter((node) => node.kind === 'item');
const item = (nodes: readonly SidebarNode[], id: string) => {
  const found = items(nodes).find((node) => node.itemId === id);
  assert.ok(found, `item ${id} is shown`);
  return found;
};
const lineOf = (text: string, needle: string) => text.split('\n').findIndex((line) => line.includes(needle));

describe('sidebar tree: the sample checklist, all pending', () => {
  const { roots, verdict, checklistCount } = sampleTree();

  test('one checklist: its groups are the roots, blockers first with 0/6', () => {
    assert.equal(checklistCount, 1);
    assert.deepEqual(
      roots.map((node) => `${node.label} ${node.description}`),
      [
        '🔴 BLOQUERS 0/6',
        '🟡 INFRAESTRUCTURA Y OBSERVABILIDAD 0/4',
        '🟡 RESILIENCIA IA 0/1',
        '🟡 TESTING Y QA 0/3',
        '🟡 SEGURIDAD 0/2',
        '🟡 RUNBOOK Y OPERACIONES 0/3',
        '🟡 CONFIRMACIONES DE SRE 0/1',
        '🟡 APPROVALS REQUERIDOS 0/1',
      ],
    );
    assert.equal(roots[0]?.contextValue, 'readiness.group.blocker');
    assert.match(roots[0]?.tooltip ?? '', /ENTREGABLES OBLIGATORIOS/);
    assert.equal(items(roots).length, 21);
  });

  test('the verdict counts the six blockers', () => {
    assert.deepEqual(verdict, { kind: 'no-go', pending: 6, total: 6, text: 'NO-GO: 6 of 6 blockers pending' });
  });

  test('an item shows number and title, owner · due · open fields, a pending icon, and reveals its heading', () => {
    const first = item(roots, '1');
    assert.equal(first.label, '1. PR Final Aprobado y Mergeable');
    assert.equal(first.description, 'Dev Lead / Dev + CI · 2025-12-07 · 2 open · 0/3 checks');
    assert.deepEqual(first.icon, { id: 'circle-large-outline' });
    assert.equal(first.state, 'pending');
    assert.equal(first.contextValue, 'readiness.item.pending');
    const text = sampleText();
    assert.equal(first.reveal?.start.line, lineOf(text, '### 1. PR Final'));
    // "Antes de GO" resolves to no date: the text is shown.
    assert.match(item(roots, '21').description ?? '', /^Cada equipo · Antes de GO · 13 open$/);
  });

  test("an item's children are its open placeholders, each revealing its own range", () => {
    const text = sampleText();
    const [prLink, ci] = item(roots, '1').children;
    assert.equal(prLink?.kind, 'placeholder');
    assert.equal(prLink?.label, 'PR Link');
    assert.equal(prLink?.description, `[PEGAR ENLACE AL PR] · line ${lineOf(text, '[PEGAR ENLACE AL PR]') + 1}`);
    const line = lineOf(text, '[PEGAR ENLACE AL PR]');
    const start = text.split('\n')[line]?.indexOf('[PEGAR ENLACE AL PR]') ?? -1;
    assert.deepEqual(prLink?.reveal, {
      start: { line, character: start },
      end: { line, character: start + '[PEGAR ENLACE AL PR]'.length },
    });
    assert.equal(ci?.label, 'Estado CI');
    const placeholders = (node: SidebarNode) => node.children.filter((child) => child.kind === 'placeholder');
    assert.equal(placeholders(item(roots, '3')).length, 22);
    for (const node of items(roots))
      assert.equal(
        placeholders(node).length,
        Number(/(\d+) open/.exec(node.description ?? '')?.[1] ?? 0),
        `item ${node.itemId}`,
      );
  });

  test('the item tooltip lists its fields, open fields and unchecked boxes, as markdown', () => {
    const tooltip = item(roots, '1').tooltip ?? '';
    assert.match(tooltip, /^\*\*1\\\. PR Final Aprobado y Mergeable\*\* · blocker/);
    assert.match(tooltip, /- Responsable: Dev Lead \/ Dev \\\+ CI/);
    assert.match(tooltip, /- Deadline: Hoy \\\(2025\\-12\\-07\\\)/);
    assert.match(tooltip, /\*\*Open fields \(2\)\*\*/);
    assert.match(tooltip, /\*\*Unchecked boxes \(3\)\*\*\n- ☐ Correcciones críticas/);
  });

  test('a choice placeholder says which options it takes', () => {
    const choice = item(roots, '3').children.find((node) => node.description?.startsWith('[✅ PASSED / ❌ FAILED]'));
    assert.ok(choice);
    assert.equal(choice.contextValue, 'readiness.placeholder.choice');
    assert.match(choice.tooltip ?? '', /Expects: one of: ✅ PASSED, ❌ FAILED/);
  });

  test('ids are unique and stay the same after an edit, so VS Code keeps what is expanded', () => {
    const ids = all(roots).map((node) => node.id);
    assert.equal(new Set(ids).size, ids.length);
    const edited = tree([entry(checklistResult(withStates(sampleText(), { '2': 'done' })))]);
    const shells = (nodes: readonly SidebarNode[]) =>
      all(nodes)
        .filter((node) => node.kind !== 'placeholder')
        .map((node) => node.id);
    assert.deepEqual(shells(edited.roots), shells(roots));
    assert.ok(ids.every((id) => id.startsWith(`${SAMPLE_URI}#`)));
  });
});

describe('sidebar tree: partly done', () => {
  const text = withStates(sampleText(), { '1': 'done', '2': 'done', '3': 'in-progress', '4': 'blocked', '7': 'done' });
  const { roots, verdict } = tree([entry(checklistResult(text))]);

  test('group counts and the verdict follow the states', () => {
    assert.equal(roots[0]?.description, '2/6');
    assert.equal(roots[1]?.description, '1/4');
    // The core's verdict: items 1 and 2 are done but keep their blanks open, so no blocker is ready yet.
    assert.equal(verdict.text, 'NO-GO: 6 of 6 blockers pending');
    assert.equal(verdict.pending, 6);
  });

  test('each state has its icon and context value', () => {
    assert.deepEqual(item(roots, '1').icon, { id: 'pass-filled', color: 'charts.green' });
    assert.deepEqual(item(roots, '3').icon, { id: 'sync', color: 'charts.blue' });
    assert.deepEqual(item(roots, '4').icon, { id: 'circle-slash', color: 'charts.red' });
    assert.equal(item(roots, '4').contextValue, 'readiness.item.blocked');
    assert.equal(item(roots, '3').contextValue, 'readiness.item.in-progress.smokeTests');
  });

  test('all six blockers done: GO', () => {
    const done = withStates(text, { '3': 'done', '4': 'done', '5': 'done', '6': 'done' });
    const result = tree([entry(checklistResult(done))]);
    assert.equal(result.roots[0]?.description, '6/6');
    // Done with blanks still open is not ready for the core's verdict; the completed sample (blanks filled, evidence clean) is GO.
    assert.deepEqual(result.verdict, { kind: 'no-go', pending: 6, total: 6, text: 'NO-GO: 6 of 6 blockers pending' });
    const completed = tree([
      entry(checklistResult(readFixture('gate', 'ENTREGABLES.completo.md'), SAMPLE_URI, { today: '2025-12-10' })),
    ]);
    assert.deepEqual(completed.verdict, { kind: 'go', pending: 0, total: 6, text: 'GO: all blockers done' });
  });
});

describe('sidebar tree: overdue items', () => {
  test('pending or in progress past the due date is overdue; done and future items are not', () => {
    const text = withStates(sampleText(), { '1': 'done', '2': 'in-progress' });
    const { roots } = tree([entry(checklistResult(text, SAMPLE_URI, { today: '2025-12-08' }))]);
    assert.equal(item(roots, '1').state, 'done');
    assert.equal(item(roots, '2').state, 'overdue');
    assert.equal(item(roots, '3').state, 'overdue');
    assert.deepEqual(item(roots, '3').icon, { id: 'warning', color: 'charts.orange' });
    assert.match(item(roots, '3').tooltip ?? '', /State: Overdue\n\nDue 2025-12-07: past its date and not done/);
    // Due 2025-12-09, "Antes de GO" (no date): not overdue.
    assert.equal(item(roots, '4').state, 'pending');
    assert.equal(item(roots, '21').state, 'pending');
    // The menu still offers the real Estado's alternatives.
    assert.equal(item(roots, '2').contextValue, 'readiness.item.in-progress');
  });

  test('before the due dates, nothing is overdue', () => {
    assert.equal(
      items(tree([entry(checklistResult(sampleText(), SAMPLE_URI, { today: '2025-12-07' }))]).roots).filter(
        (n) => n.state === 'overdue',
      ).length,
      0,
    );
  });
});

describe('sidebar tree: filters', () => {
  const filtered = (filters: Partial<SidebarFilters>) => sampleTree({ filters: { ...noFilters, ...filters } });

  test('only blockers: the blocker group alone, the verdict unchanged', () => {
    const { roots, verdict } = filtered({ blockersOnly: true });
    assert.deepEqual(
      roots.map((node) => node.label),
      ['🔴 BLOQUERS'],
    );
    assert.equal(items(roots).length, 6);
    assert.equal(verdict.text, 'NO-GO: 6 of 6 blockers pending');
  });

  test('by owner: items that name the owner among others, without case; empty groups go', () => {
    const { roots, verdict } = filtered({ owner: 'sre' });
    assert.deepEqual(
      items(roots).map((node) => node.itemId),
      ['4', '5', '6', '7', '8', '9', '14', '17', '18', '19', '20'],
    );
    assert.deepEqual(
      roots.map((node) => `${node.label} ${node.description}`),
      [
        '🔴 BLOQUERS 0/3',
        '🟡 INFRAESTRUCTURA Y OBSERVABILIDAD 0/3',
        '🟡 TESTING Y QA 0/1',
        '🟡 RUNBOOK Y OPERACIONES 0/3',
        '🟡 CONFIRMACIONES DE SRE 0/1',
      ],
    );
    assert.equal(verdict.pending, 6);
  });

  test('both filters at once', () => {
    assert.deepEqual(
      items(filtered({ blockersOnly: true, owner: 'QA' }).roots).map((node) => node.itemId),
      ['3'],
    );
    assert.deepEqual(filtered({ owner: 'Nobody' }).roots, []);
  });

  test('the owners offered are each name once, split at / + , and "y"', () => {
    assert.deepEqual(sampleTree().owners, [
      'Cada equipo',
      'CI',
      'CI Engineer',
      'Dev',
      'Dev Lead',
      'Observability',
      'QA',
      'Security',
      'SRE',
    ]);
    assert.deepEqual(ownerNames('Dev Lead / Dev + CI'), ['Dev Lead', 'Dev', 'CI']);
    assert.deepEqual(ownerNames('Ana y Luis, QA & SRE'), ['Ana', 'Luis', 'QA', 'SRE']);
    assert.deepEqual(ownerNames(undefined), []);
  });
});

describe('sidebar tree: secret findings', () => {
  const TOKEN = OPENAI_KEY_VALUE;
  const text = sampleText().replace('**Responsable**: SRE + Security', `**Responsable**: SRE + Security ${TOKEN}`);
  const line = lineOf(text, TOKEN);
  const [secret] = analysisOf(text).findings.filter((f) => f.code === 'secret');
  const { roots } = tree([entry(checklistResult(text))]);

  test("a secret in an item is its first child, showing the finding's message and revealing its range", () => {
    assert.ok(secret, 'the analysis finds the key');
    const four = item(roots, '4');
    const [first] = four.children;
    assert.equal(first?.kind, 'secret');
    assert.equal(first?.label, secret.message);
    assert.equal(first?.description, `line ${line + 1}`);
    assert.deepEqual(first?.reveal, secret.range);
    assert.equal(first?.contextValue, 'readiness.secret');
    assert.match(four.description ?? '', /1 possible secret$/);
  });

  test('the secret text itself appears nowhere in the tree', () => {
    for (const node of all(roots)) {
      for (const shown of [node.label, node.description, node.tooltip])
        assert.ok(!shown?.includes(TOKEN), `${node.id} shows the secret`);
    }
    assert.match(item(roots, '4').tooltip ?? '', /- Responsable: \*hidden: possible secret\*/);
    assert.ok(
      !tree([entry(checklistResult(text))]).owners.some((owner) => owner.includes(TOKEN)),
      'the owner filter offers the secret',
    );
  });

  test('a secret outside every item is a root row, before the groups', () => {
    const header = sampleText().replace(
      '**Documento Oficial de Trabajo**',
      `**Documento Oficial de Trabajo** ${TOKEN}`,
    );
    const result = tree([entry(checklistResult(header))]);
    assert.equal(result.roots[0]?.kind, 'secret');
    assert.equal(result.roots[0]?.itemId, undefined);
    assert.equal(result.roots[1]?.label, '🔴 BLOQUERS');
  });
});

describe('sidebar tree: several checklists', () => {
  const english = readFixture('documents', 'DELIVERABLES.en.md');
  const entries = [
    entry(checklistResult(withStates(sampleText(), { '1': 'done' })), 'ENTREGABLES.md'),
    entry(checklistResult(english, 'file:///work/docs/DELIVERABLES.en.md'), 'docs/DELIVERABLES.en.md'),
    entry(notAChecklist('file:///work/README.md', 1)),
  ];
  const { roots, verdict, checklistCount } = tree(entries);

  test('one root per checklist, titled, with its path and blockers done', () => {
    assert.equal(checklistCount, 2);
    assert.deepEqual(
      roots.map((node) => [node.kind, node.label, node.description]),
      [
        ['checklist', '📦 ENTREGABLES PARA SUPERVISOR DE PRODUCCIÓN', 'ENTREGABLES.md · 1/6'],
        ['checklist', '🚀 Release Deliverables for the Production Supervisor', 'docs/DELIVERABLES.en.md · 2/3'],
      ],
    );
    assert.equal(roots[1]?.children[0]?.label, '🔴 BLOCKERS');
    // The core's verdict: item 1 is done with its blanks open, so it is not ready.
    assert.match(roots[0]?.tooltip ?? '', /^NO-GO: 6 of 6 blockers pending/);
  });

  test('the verdict sums the blockers of every checklist', () => {
    assert.equal(verdict.text, 'NO-GO: 9 of 9 blockers pending');
  });

  test('no checklist at all: no rows', () => {
    const empty = tree([]);
    assert.deepEqual(empty.roots, []);
    assert.equal(empty.verdict.kind, 'no-blockers');
  });
});

describe('sidebar tree: group titles', () => {
  test('the explanation after a dash, colon or parenthesis is left to the tooltip', () => {
    assert.equal(shortGroupTitle('🔴 BLOQUERS - ENTREGABLES OBLIGATORIOS (PRIORIDAD ABSOLUTA)'), '🔴 BLOQUERS');
    assert.equal(shortGroupTitle('🔴 Blockers (6 items)'), '🔴 Blockers');
    assert.equal(shortGroupTitle('🟡 INFRAESTRUCTURA Y OBSERVABILIDAD'), '🟡 INFRAESTRUCTURA Y OBSERVABILIDAD');
    assert.equal(shortGroupTitle('Worker/Queue-Processing'), 'Worker/Queue-Processing');
  });

  test('a repeated item number still gets a unique id', () => {
    const text = sampleText().replace('### 2. CI Verde', '### 1. CI Verde');
    const ids = all(tree([entry(checklistResult(text))]).roots).map((node) => node.id);
    assert.equal(new Set(ids).size, ids.length);
  });
});

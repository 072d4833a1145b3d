// The view model the server sends in `readiness/checklist`: what it decides so that no front end
// decides it again (overdue, masking, owners, the smoke tests' last results), and what it leaves
// out (fences, references, command text, the date).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { findSmokeTests } from '../../server/src/core/smoke';
import { checklistView, shortGroupTitle } from '../../server/src/core/view/checklistView';
import { ownerNames, ownersOf } from '../../server/src/core/view/owners';
import { combineVerdicts, type ItemView } from '../../server/src/protocol';
import { readFixture, sampleText } from '../support/texts';
import { LOG_TOKEN_VALUE, OPENAI_KEY_VALUE, sampleWithSecrets } from '../support/secretSamples';
import { withStates } from '../support/sidebar';
import { analysisOf } from '../support/analyses';

function view(
  text: string,
  today: string | undefined = '2025-12-01',
  lastResults?: Parameters<typeof checklistView>[0]['lastResults'],
) {
  const analysis = analysisOf(text, { today });
  return checklistView({
    analysis,
    text,
    suite: findSmokeTests(analysis.checklist, text),
    today,
    ...(lastResults ? { lastResults } : {}),
  });
}
const itemOf = (result: ReturnType<typeof view>, id: string): ItemView => {
  const found = result.checklist?.items.find((item) => item.id === id);
  assert.ok(found, `item ${id}`);
  return found;
};

describe('view model: display state', () => {
  test('pending or in progress past the due date is overdue, by the same test as the overdue diagnostic', () => {
    const text = withStates(sampleText(), { '1': 'done', '2': 'in-progress' });
    const result = view(text, '2025-12-08');
    assert.equal(itemOf(result, '1').displayState, 'done');
    assert.equal(itemOf(result, '2').displayState, 'overdue');
    assert.equal(itemOf(result, '2').state, 'in-progress', 'the Estado as written stays, for the set-state menu');
    assert.equal(itemOf(result, '3').overdueSince, '2025-12-07');
    assert.equal(itemOf(result, '4').displayState, 'pending', 'due 2025-12-09');
    assert.equal(itemOf(result, '21').displayState, 'pending', '"Antes de GO" has no date');
    const overdueFindings = analysisOf(text, { today: '2025-12-08' }).findings.filter((f) => f.code === 'overdue');
    const overdueItems = result.checklist?.items
      .filter((item) => item.displayState === 'overdue')
      .map((item) => item.id);
    assert.deepEqual(
      overdueItems,
      overdueFindings.map((f) => f.data?.['item']),
    );
  });

  test('without a date, nothing is overdue', () => {
    assert.ok(view(sampleText(), undefined).checklist?.items.every((item) => item.displayState !== 'overdue'));
  });

  test('the verdict and progress come with the view', () => {
    const result = view(withStates(sampleText(), { '1': 'done' }));
    // The core's verdict: item 1 is done but its blanks are open, so no blocker is ready.
    assert.equal(result.verdict?.decision, 'no-go');
    assert.deepEqual(combineVerdicts(result.verdict ? [result.verdict] : []), { kind: 'no-go', pending: 6, total: 6 });
    assert.ok(
      result.verdict?.reasons
        .find((r) => r.itemId === '1')
        ?.problems.some((p) => p.kind === 'status-mismatch' || p.kind === 'open-blanks'),
    );
    assert.deepEqual(result.progress?.blockers, { done: 1, total: 6 });
  });

  test('an item shows its owner, its deadline (the date it resolves to) and the fields with values', () => {
    const first = itemOf(view(sampleText()), '1');
    assert.equal(first.owner, 'Dev Lead / Dev + CI');
    assert.deepEqual(first.owners, ['Dev Lead', 'Dev', 'CI']);
    assert.equal(first.deadline, '2025-12-07');
    assert.ok(first.fields.some((field) => field.key === 'Deadline' && field.value === 'Hoy (2025-12-07)'));
  });
});

describe('view model: masking', () => {
  test('an owner field with a pasted key: the owner is hidden everywhere, the field masked, the secret listed by message', () => {
    const text = sampleText().replace(
      '**Responsable**: SRE + Security',
      `**Responsable**: SRE + Security ${OPENAI_KEY_VALUE}`,
    );
    const result = view(text);
    const four = itemOf(result, '4');
    assert.equal(four.owner, undefined);
    assert.deepEqual(four.owners, []);
    assert.ok(four.fields.some((field) => field.key === 'Responsable' && field.value === null));
    assert.equal(four.secrets.length, 1);
    assert.ok(!result.checklist?.owners.some((owner) => owner.includes('sk-')));
    assert.ok(!JSON.stringify(result).includes(OPENAI_KEY_VALUE));
  });

  test('a key in a heading, a deadline or a box: that text is null, the rest is shown', () => {
    const text = sampleText()
      .replace('### 1. PR Final Aprobado y Mergeable', `### 1. PR Final ${OPENAI_KEY_VALUE}`)
      .replace('**Deadline**: Hoy', `**Deadline**: Hoy ${OPENAI_KEY_VALUE}`);
    const first = itemOf(view(text), '1');
    assert.equal(first.title, null);
    assert.equal(first.shortTitle, null);
    assert.equal(first.deadline, undefined);
    assert.ok(first.fields.some((field) => field.key === 'Deadline' && field.value === null));
    assert.ok(!JSON.stringify(first).includes(OPENAI_KEY_VALUE));
  });

  test('a secret in a smoke command: the test keeps its number and method, its path is hidden, no command text goes out', () => {
    const result = view(sampleWithSecrets());
    const logs = result.smokeTests.find((t) => t.number === '7');
    assert.ok(logs);
    assert.equal(logs.path, null);
    assert.equal(logs.method, 'GET');
    const text = JSON.stringify(result);
    for (const secret of [LOG_TOKEN_VALUE, OPENAI_KEY_VALUE])
      assert.ok(!text.includes(secret), 'a secret is in the view');
    assert.ok(!text.includes('curl'), 'command text is in the view');
    assert.match(logs.key, /^t[0-9a-z]+$/);
  });

  test('a secret outside every item is listed on its own', () => {
    const text = sampleText().replace(
      '**Documento Oficial de Trabajo**',
      `**Documento Oficial de Trabajo** ${OPENAI_KEY_VALUE}`,
    );
    const result = view(text);
    assert.equal(result.checklist?.looseSecrets.length, 1);
    assert.ok(result.checklist?.items.every((item) => item.secrets.length === 0));
  });
});

describe('view model: smoke tests and groups', () => {
  test('each test carries the last result kept for its key; items list their tests by key', () => {
    const first = view(sampleText());
    const second = first.smokeTests[1];
    assert.ok(second);
    const result = view(
      sampleText(),
      '2025-12-01',
      new Map([
        [second.key, { outcome: 'passed' as const, status: 200, elapsedMs: 32, reason: '', ranAt: '14:32:05' }],
      ]),
    );
    assert.deepEqual(result.smokeTests[1]?.last, {
      outcome: 'passed',
      status: 200,
      elapsedMs: 32,
      reason: '',
      ranAt: '14:32:05',
    });
    assert.equal(result.smokeTests[0]?.last, undefined);
    assert.deepEqual(
      itemOf(result, '3').smokeTestKeys,
      result.smokeTests.map((t) => t.key),
    );
  });

  test('group titles come whole and short', () => {
    assert.equal(shortGroupTitle('🔴 BLOQUERS - ENTREGABLES OBLIGATORIOS (PRIORIDAD ABSOLUTA)'), '🔴 BLOQUERS');
    const groups = view(readFixture('documents', 'DELIVERABLES.en.md')).checklist?.groups ?? [];
    assert.equal(groups[0]?.shortTitle, '🔴 BLOCKERS');
  });

  test('owners: each name once, split at / + , & and "y"/"and"', () => {
    assert.deepEqual(ownerNames('Ana y Luis, QA & SRE'), ['Ana', 'Luis', 'QA', 'SRE']);
    assert.deepEqual(ownersOf(['SRE + Security', 'sre / QA', undefined]), ['QA', 'Security', 'SRE']);
  });
});

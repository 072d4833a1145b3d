// The server's verdict in words, the view message and the status bar text, in English and Spanish;
// and every message of the client has its Spanish translation (the bundle is kept by hand).
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { buildTree } from '../../client/src/sidebar/model/buildTree';
import { noFilters } from '../../client/src/sidebar/model/nodes';
import { blockerCount, verdictText, viewMessage } from '../../client/src/sidebar/model/verdict';
import { blockerVerdict as serverVerdictOf } from '../../server/src/core/verdict';
import type { Progress } from '../../server/src/protocol';
import { OPENAI_KEY_VALUE } from '../support/secretSamples';
import { repoRoot, sampleText } from '../support/paths';
import { checklistResult, english, recording, spanish, spanishBundle, withStates } from '../support/sidebar';

const partlyDone = (options = {}) =>
  checklistResult(withStates(sampleText(), { '1': 'done', '2': 'done' }), undefined, options);
/** The verdict as the server decides it, worded as the client words it. */
const verdictOf = (progress: readonly Progress[], t: typeof english) => {
  const verdict = serverVerdictOf(progress);
  return { ...verdict, text: verdictText(verdict, t) };
};

describe('sidebar verdict', () => {
  test('NO-GO while a blocker is not done, in English and Spanish', () => {
    const progress = partlyDone().progress;
    assert.ok(progress);
    assert.equal(verdictOf([progress], english).text, 'NO-GO: 4 of 6 blockers pending');
    assert.equal(verdictOf([progress], spanish).text, 'NO-GO: 4 de 6 bloquers pendientes');
    assert.equal(blockerCount(progress, english), 'Blockers 2/6');
    assert.equal(blockerCount(progress, spanish), 'Bloquers 2/6');
    // Without blocker marks every item gates the release: the count is of items.
    assert.equal(blockerCount(progress, english, false), `Items ${progress.items.done}/${progress.items.total}`);
    assert.equal(blockerCount(progress, spanish, false), `Ítems ${progress.items.done}/${progress.items.total}`);
  });

  test('GO when every blocker is done', () => {
    const progress = { blockers: { done: 6, total: 6 }, items: { done: 6, total: 21 } };
    assert.deepEqual(verdictOf([progress], english), {
      kind: 'go',
      pending: 0,
      total: 6,
      text: 'GO: all blockers done',
    });
    assert.equal(verdictOf([progress], spanish).text, 'GO: todos los bloquers completados');
  });

  test('a checklist without blocker items says so instead of GO', () => {
    const progress = { blockers: { done: 0, total: 0 }, items: { done: 1, total: 3 } };
    assert.equal(verdictOf([progress], english).kind, 'no-blockers');
    assert.equal(verdictOf([progress], spanish).text, 'No se encontraron ítems bloqueantes');
  });

  test('the view message names the filters in force', () => {
    const verdict = verdictOf([{ blockers: { done: 2, total: 6 }, items: { done: 2, total: 21 } }], english);
    assert.equal(viewMessage(verdict, noFilters, english), 'NO-GO: 4 of 6 blockers pending');
    assert.equal(
      viewMessage(verdict, { blockersOnly: true, owner: 'SRE' }, english),
      'NO-GO: 4 of 6 blockers pending · showing blockers only · owner: SRE',
    );
    const es = verdictOf([{ blockers: { done: 2, total: 6 }, items: { done: 2, total: 21 } }], spanish);
    assert.equal(
      viewMessage(es, { blockersOnly: true, owner: 'SRE' }, spanish),
      'NO-GO: 4 de 6 bloquers pendientes · solo bloquers · responsable: SRE',
    );
  });

  test('the whole tree of the sample builds in Spanish', () => {
    const { roots } = buildTree({
      entries: [{ result: partlyDone({ today: '2025-12-08' }), relativePath: 'ENTREGABLES.md' }],
      filters: noFilters,
      t: spanish,
    });
    const first = roots[0]?.children[2];
    assert.equal(first?.description, 'QA · 2025-12-07 · 22 abiertos');
    assert.match(first?.tooltip ?? '', /Estado: Vencido/);
    assert.match(first?.children.find((child) => child.kind === 'placeholder')?.description ?? '', /línea \d+$/);
  });
});

describe('client translations', () => {
  /** The first argument of every t(...), translate(...) and l10n.t(...) call with a string literal. */
  function clientMessages(): Set<string> {
    const messages = new Set<string>();
    const root = join(repoRoot, 'client', 'src');
    for (const file of readdirSync(root, { recursive: true })
      .map(String)
      .filter((name) => name.endsWith('.ts'))) {
      const source = readFileSync(join(root, file), 'utf8');
      for (const match of source.matchAll(/(?<![\w.])(?:t|translate|l10n\.t)\(\s*'((?:[^'\\]|\\.)*)'/g))
        messages.add((match[1] ?? '').replace(/\\'/g, "'"));
    }
    return messages;
  }

  test('every message of the client has a Spanish translation with the same placeholders', () => {
    const messages = clientMessages();
    assert.ok(
      messages.has('NO-GO: {0} of {1} blockers pending') && messages.size > 30,
      `found ${messages.size} messages`,
    );
    const placeholders = (text: string) => [...text.matchAll(/\{\d+\}/g)].map((m) => m[0]).sort();
    for (const message of messages) {
      const translated = spanishBundle[message];
      assert.ok(translated !== undefined, `l10n/bundle.l10n.es.json has no translation of ${JSON.stringify(message)}`);
      assert.deepEqual(placeholders(translated), placeholders(message), message);
    }
  });

  test('building trees asks only for messages the source scan sees', () => {
    const { t, messages } = recording();
    const result = partlyDone({ today: '2025-12-08' });
    const withSecret = checklistResult(
      sampleText().replace('**Documento Oficial de Trabajo**', `**Documento Oficial de Trabajo** ${OPENAI_KEY_VALUE}`),
      'file:///a.md',
    );
    buildTree({
      entries: [
        { result: withSecret, relativePath: 'a.md' },
        { result: { ...result, uri: 'file:///b.md' }, relativePath: 'b.md' },
      ],
      filters: noFilters,
      t,
    });
    const known = clientMessages();
    for (const message of messages)
      assert.ok(known.has(message), `${JSON.stringify(message)} is asked for but not written as t('...')`);
  });

  test('package.nls.es.json translates every manifest string, and package.json uses only known keys', () => {
    const en = JSON.parse(readFileSync(join(repoRoot, 'package.nls.json'), 'utf8')) as Record<string, string>;
    const es = JSON.parse(readFileSync(join(repoRoot, 'package.nls.es.json'), 'utf8')) as Record<string, string>;
    assert.deepEqual(Object.keys(es).sort(), Object.keys(en).sort());
    const used = [...readFileSync(join(repoRoot, 'package.json'), 'utf8').matchAll(/"%([\w.-]+)%"/g)].map(
      (m) => m[1] ?? '',
    );
    for (const key of used) assert.ok(key in en, `package.json uses %${key}% but package.nls.json lacks it`);
  });
});

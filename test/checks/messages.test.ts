// One message catalogue: every key in English and Spanish with the same {n} holes, and no
// sentence chosen inline by language in the core, the server or the CLI (a source scan).
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { catalogue, translator } from '../../server/src/core/messages';
import { repoRoot } from '../support/paths';

/** `es ? 'hola' : 'hello'`, `language === 'es' ? ...`, `'en' === locale`. */
const INLINE_CHOICE = /\bes \?|\b(?:language|locale|lang)\s*===\s*'(?:es|en)'|'(?:es|en)'\s*===\s*\w+/;
const holes = (text: string) => [...text.matchAll(/\{(\d+)\}/g)].map((m) => m[0]).sort();

describe('message catalogue', () => {
  test('every key has an English and a Spanish sentence, with the same holes', () => {
    const { en, es } = catalogue;
    assert.deepEqual(Object.keys(es).sort(), Object.keys(en).sort());
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      assert.ok(en[key].trim() !== '' && es[key].trim() !== '', `${key} is empty`);
      assert.deepEqual(holes(es[key]), holes(en[key]), key);
    }
  });

  test('a locale picks its language; an unknown one falls back to English', () => {
    assert.equal(translator('es-AR')('smoke.summary.passed', 2), '2 pasaron');
    assert.equal(translator('fr')('smoke.summary.passed', 2), '2 passed');
  });

  test('no sentence is chosen inline by language in server/src', () => {
    const root = join(repoRoot, 'server', 'src');
    const offenders: string[] = [];
    for (const file of readdirSync(root, { recursive: true })
      .map(String)
      .filter((name) => name.endsWith('.ts') && !name.endsWith('messages.ts'))) {
      readFileSync(join(root, file), 'utf8')
        .split('\n')
        .forEach((line, i) => {
          if (INLINE_CHOICE.test(line)) offenders.push(`${file}:${i + 1}: ${line.trim()}`);
        });
    }
    assert.deepEqual(offenders, [], 'put the sentence in server/src/core/messages.ts');
  });

  test('the scan would see an inline choice', () => {
    assert.ok(INLINE_CHOICE.test("return es ? 'hola' : 'hello';"));
    assert.ok(INLINE_CHOICE.test("language === 'es' ? a : b"));
  });
});

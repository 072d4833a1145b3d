import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { classifyPlaceholder, findPlaceholders } from '../../server/src/core/placeholders';

const texts = (line: string) => findPlaceholders(line).map((m) => m.text);

describe('findPlaceholders', () => {
  test('finds bracketed blanks with their offsets', () => {
    const matches = findPlaceholders('PR Link: [PEGAR ENLACE AL PR]');
    assert.deepEqual(matches, [{ text: 'PEGAR ENLACE AL PR', start: 9, end: 29, shape: 'brackets', optional: false }]);
  });

  test('finds several blanks on one line', () => {
    assert.deepEqual(texts('- Dev Lead: [Nombre] - [Teléfono] - [PagerDuty]'), ['Nombre', 'Teléfono', 'PagerDuty']);
  });

  test('skips task boxes, links, references, definitions, images and escapes', () => {
    assert.deepEqual(texts('- [ ] Build/Compile del proyecto'), []);
    assert.deepEqual(texts('  - [x] done [LINK]'), ['LINK']);
    assert.deepEqual(texts('see [the docs](https://example.com) and [ref][1]'), []);
    assert.deepEqual(texts('[label]: https://example.com'), []);
    assert.deepEqual(texts('![alt](img.png) \\[not one\\]'), []);
    assert.deepEqual(texts('empty [ ] brackets'), []);
  });

  test('a GitHub alert opening a quote is markup, a blank later on its line is not', () => {
    for (const alert of ['NOTE', 'TIP', 'IMPORTANT', 'WARNING', 'CAUTION'])
      assert.deepEqual(texts(`> [!${alert}]`), []);
    assert.deepEqual(texts('>> [!NOTE] Owner: [Nombre]'), ['Nombre']);
    assert.deepEqual(texts('[!WARNING]'), []);
    assert.deepEqual(texts('Reviewer: [!NAME]'), ['!NAME']);
  });

  test('leaves command variables and handles alone', () => {
    assert.deepEqual(texts(`-d '{"sessionId":"<sid>"}' token=<LOG_TOKEN> @backend-lead`), []);
  });

  test('a blank followed by a colon mid-line is still a blank', () => {
    assert.deepEqual(texts('Host: [host]: [port]'), ['host', 'port']);
  });
});

describe('classifyPlaceholder', () => {
  test('choices list their options', () => {
    assert.deepEqual(classifyPlaceholder('✅ PASSED / ❌ FAILED'), {
      kind: 'choice',
      purpose: 'value',
      options: ['✅ PASSED', '❌ FAILED'],
    });
    assert.equal(classifyPlaceholder('Sí / No').kind, 'choice');
    assert.deepEqual(classifyPlaceholder('Trivy / Snyk / Otro').options, ['Trivy', 'Snyk', 'Otro']);
  });

  test('numbers, dates and value slots', () => {
    for (const text of ['X', '0', '12', 'X.X.X']) assert.equal(classifyPlaceholder(text).kind, 'number', text);
    for (const text of ['YYYY-MM-DD HH:MM', 'Fecha', 'Date'])
      assert.equal(classifyPlaceholder(text).kind, 'date', text);
    for (const text of ['host:port', 'TAG/SHA', 'host', 'staging-host'])
      assert.equal(classifyPlaceholder(text).kind, 'slot', text);
  });

  test('free text with its purpose, in Spanish and English', () => {
    assert.deepEqual(classifyPlaceholder('PEGAR ENLACE AL PR'), { kind: 'text', purpose: 'link', options: [] });
    assert.equal(classifyPlaceholder('LINK TO PR').purpose, 'link');
    assert.equal(classifyPlaceholder('PEGAR SALIDA AQUÍ').purpose, 'output');
    assert.equal(classifyPlaceholder('PASTE OUTPUT HERE').purpose, 'output');
    assert.equal(classifyPlaceholder('PEGAR SCREENSHOT DEL CI VERDE').purpose, 'screenshot');
    assert.equal(classifyPlaceholder('NO PEGAR EL TOKEN, solo indicar que se usó').purpose, 'secret-note');
    assert.equal(classifyPlaceholder('Nombre').purpose, 'name');
  });
});

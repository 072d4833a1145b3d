import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { resolveDeadline } from '../../server/src/core/model/deadline';

describe('resolveDeadline', () => {
  const created = '2025-12-07';
  const cases: [string, string | undefined][] = [
    ['Hoy', '2025-12-07'],
    ['Today', '2025-12-07'],
    ['Próximas 24-48h', '2025-12-09'],
    ['48h', '2025-12-09'],
    ['72h', '2025-12-10'],
    ['24h', '2025-12-08'],
    ['5 días', '2025-12-12'],
    ['3 days', '2025-12-10'],
    ['1 week', '2025-12-14'],
    ['2025-12-31', '2025-12-31'],
    ['Antes de GO', undefined],
    ['Before GO', undefined],
    ['pronto', undefined],
    ['2025-13-45', undefined],
  ];
  for (const [text, due] of cases) {
    test(`${text} → ${due ?? 'no date'}`, () => assert.equal(resolveDeadline(text, { created }), due));
  }

  test('relative deadlines need a creation date; absolute ones do not', () => {
    assert.equal(resolveDeadline('48h', { created: undefined }), undefined);
    assert.equal(resolveDeadline('2026-01-02', { created: undefined }), '2026-01-02');
  });

  test('a day and month without a year take the year nearest the creation date, else today; never a guess without either', () => {
    assert.equal(resolveDeadline('Dec 1', { created: undefined, today: '2026-12-03' }), '2026-12-01');
    assert.equal(resolveDeadline('Jan 5', { created: undefined, today: '2026-12-03' }), '2027-01-05');
    assert.equal(resolveDeadline('30 de diciembre', { created: undefined, today: '2027-01-02' }, 'es'), '2026-12-30');
    assert.equal(resolveDeadline('Dec 10', { created: '2025-11-20', today: '2026-12-03' }), '2025-12-10');
    assert.equal(resolveDeadline('Dec 1', { created: undefined }), undefined);
    // A deadline that is only a numeric day and month is one, by the document's order; with words after it it is not ("5/7 tests").
    assert.equal(resolveDeadline('5/7', { created: undefined, today: '2026-12-03' }), '2026-07-05');
    assert.equal(resolveDeadline('12/15', { created: undefined, today: '2026-12-03' }, 'en'), '2026-12-15');
    assert.equal(resolveDeadline('5/7 tests', { created: undefined, today: '2026-12-03' }), undefined);
    assert.equal(resolveDeadline('5/7', { created: undefined }), undefined);
  });

  test('month and year boundaries', () => {
    assert.equal(resolveDeadline('5 días', { created: '2025-12-30' }), '2026-01-04');
    assert.equal(resolveDeadline('48h', { created: '2024-02-28' }), '2024-03-01');
  });
});

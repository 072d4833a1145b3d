import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { addBusinessDays, parseDue, readDue } from '../../server/src/core/dates';
import { analysisOf } from '../support/analyses';

// 2025-12-05 is a Friday.
const created = '2025-12-05';

describe('reading due dates', () => {
  const cases: [string, 'es' | 'en', string | undefined][] = [
    ['2025-12-10', 'es', '2025-12-10'],
    ['2025/12/10', 'en', '2025-12-10'],
    ['07/12/2025', 'es', '2025-12-07'],
    ['07/12/2025', 'en', '2025-07-12'],
    ['12/07/2025', 'en', '2025-12-07'],
    ['25/12/2025', 'en', '2025-12-25'],
    ['12/25/2025', 'es', '2025-12-25'],
    ['07.12.25', 'es', '2025-12-07'],
    ['9 dic 2025', 'es', '2025-12-09'],
    ['9 dic. 2025', 'es', '2025-12-09'],
    ['10 de diciembre de 2025', 'es', '2025-12-10'],
    ['Dec 10, 2025', 'en', '2025-12-10'],
    ['December 10 2025', 'en', '2025-12-10'],
    ['10 December 2025', 'en', '2025-12-10'],
    ['Sept 3rd, 2026', 'en', '2026-09-03'],
    ['dic 12', 'es', '2025-12-12'],
    ['viernes 12 de diciembre', 'es', '2025-12-12'],
    ['EOD', 'en', '2025-12-05'],
    ['EOW', 'en', '2025-12-05'],
    ['fin de semana', 'es', '2025-12-05'],
    ['+3 días hábiles', 'es', '2025-12-10'],
    ['3 business days', 'en', '2025-12-10'],
    ['5 working days', 'en', '2025-12-12'],
    ['Hoy', 'es', '2025-12-05'],
    ['Próximas 24-48h', 'es', '2025-12-07'],
    ['5 días', 'es', '2025-12-10'],
    ['1 week', 'en', '2025-12-12'],
    ['12/25', 'en', '2025-12-25'],
    ['12/01', 'en', '2025-12-01'],
    ['01/12', 'es', '2025-12-01'],
    ['28.11', 'es', '2025-11-28'],
    ['1/15', 'en', '2026-01-15'],
    ['5/7 tests', 'en', undefined],
    ['24-48', 'es', undefined],
    ['Antes de GO', 'es', undefined],
    ['ASAP', 'en', undefined],
  ];
  for (const [text, language, due] of cases) {
    test(`${text} (${language}) → ${due ?? 'no date'}`, () => assert.equal(parseDue(text, { created, language }), due));
  }

  test('end of week from a Monday is that Friday; business days skip weekends', () => {
    assert.equal(parseDue('EOW', { created: '2025-12-01' }), '2025-12-05');
    assert.equal(addBusinessDays('2025-12-05', 1), '2025-12-08');
  });

  test('dates that cannot be read are told apart from text that names none', () => {
    assert.deepEqual(readDue('31/02/2025', { language: 'es' }), { kind: 'unparsed' });
    assert.deepEqual(readDue('32 dic 2025'), { kind: 'unparsed' });
    assert.deepEqual(readDue('Q3'), { kind: 'unparsed' });
    assert.deepEqual(readDue('Antes de GO'), { kind: 'none' });
    assert.deepEqual(readDue('48h'), { kind: 'none' }, 'relative, only without a creation date');
  });

  test('an unreadable deadline gets a hint; a readable or wordy one does not', () => {
    const doc = (deadline: string) =>
      `# Entregables\n\n**Fecha de Creación**: ${created}\n\n## 🔴 BLOQUERS\n\n### 1. PR\n\n**Responsable**: Ana\n**Deadline**: ${deadline}\n**Estado**: ⏳ Pendiente\n`;
    const hints = (deadline: string) =>
      analysisOf(doc(deadline), { today: '2025-12-06' }).findings.filter((f) => f.code === 'unparsed-deadline');
    assert.equal(hints('31/02/2025').length, 1);
    assert.equal(hints('31/02/2025')[0]?.severity, 'hint');
    assert.deepEqual(hints('07/12/2025'), []);
    assert.deepEqual(hints('Antes de GO'), []);
    const overdue = analysisOf(doc('9 dic 2025'), { today: '2025-12-10' }).findings.filter((f) => f.code === 'overdue');
    assert.equal(overdue.length, 1, 'a month-name deadline is overdue once past');
  });
});

// The header keeps itself true: overall status against the verdict, stated counts, last update.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { lastUpdatedEdits } from '../../server/src/core/rules/headerStatus';
import type { Finding } from '../../server/src/core/types';
import { applyEdits } from '../support/edits';
import { readFixture, sampleText } from '../support/texts';
import { withStates } from '../support/sidebar';
import { analysisOf } from '../support/analyses';

function headerFindings(text: string, today = '2025-12-10'): Finding[] {
  return analysisOf(text, { today }).findings.filter(
    (f) =>
      f.code === 'status-mismatch' && (String(f.data?.['kind']).startsWith('header-') || f.data?.['header'] === true),
  );
}

const completed = () => readFixture('gate', 'ENTREGABLES.completo.md');
const lineOf = (text: string, f: Finding | undefined) => text.split('\n')[f?.range.start.line ?? -1] ?? '';
const fixed = (text: string, f: Finding | undefined) =>
  applyEdits(text, [
    {
      range: f?.range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      newText: String(f?.data?.['newText'] ?? f?.data?.['value']),
    },
  ]);

describe('header status', () => {
  test('the sample and its completed copy say nothing: their headers are true', () => {
    assert.deepEqual(headerFindings(sampleText()), []);
    assert.deepEqual(headerFindings(completed()), []);
  });

  test('"Estado General: ⏳ PENDIENTE" while every blocker is done is a mismatch, fixed to GO; so is the closing "Estado"', () => {
    const text = completed()
      .replace(
        '**Estado General**: ✅ **GO: LISTO PARA CANARY**',
        '**Estado General**: ⏳ **PENDIENTE DE ENTREGA POR EQUIPO**',
      )
      .replace('**Estado**: ✅ Completado por el equipo', '**Estado**: ⏳ Pendiente de completar por el equipo');
    const findings = headerFindings(text);
    assert.equal(findings.length, 2);
    assert.equal(
      findings[0]?.message,
      '"Estado General" says "⏳ PENDIENTE DE ENTREGA POR EQUIPO", but the verdict is GO',
    );
    assert.equal(fixed(text, findings[0]).split('\n')[5], '**Estado General**: ✅ **GO: LISTO PARA CANARY**');
    assert.match(lineOf(text, findings[1]), /^\*\*Estado\*\*: ⏳ Pendiente de completar/);
    const both = applyEdits(
      text,
      findings.map((f) => ({ range: f.range, newText: String(f.data?.['newText']) })),
    );
    assert.deepEqual(headerFindings(both), []);
  });

  test('a header claiming GO while the verdict is NO-GO', () => {
    const text = sampleText().replace(
      '**Estado General**: ⏳ **PENDIENTE DE ENTREGA POR EQUIPO**',
      '**Estado General**: ✅ Listo para canary',
    );
    const findings = headerFindings(text);
    assert.equal(findings.length, 1);
    assert.equal(findings[0]?.data?.['newText'], '⏳ NO-GO: BLOQUERS PENDIENTES');
    // Pending text while NO-GO, and a NO-GO claim, agree with the verdict.
    assert.deepEqual(headerFindings(sampleText().replace('⏳ **PENDIENTE DE ENTREGA POR EQUIPO**', '⛔ NO-GO')), []);
  });

  test('all six blockers done but with blanks left: still NO-GO, so a pending header is right', () => {
    const text = withStates(sampleText(), {
      '1': 'done',
      '2': 'done',
      '3': 'done',
      '4': 'done',
      '5': 'done',
      '6': 'done',
    });
    assert.deepEqual(headerFindings(text), []);
  });

  test('a stated count of blockers or items that is wrong anywhere outside the fences', () => {
    const text = sampleText()
      .replace('Los 6 BLOQUERS son', 'Los **5** BLOQUERS son')
      .replace('cuando los 6 BLOQUERS', 'cuando los 7 BLOQUERS')
      .replace(
        'Cada responsable debe completar su sección',
        'Los 20 entregables: cada responsable debe completar su sección',
      );
    const findings = headerFindings(text);
    assert.deepEqual(
      findings.map((f) => f.message),
      [
        'The document says 20 items, but it has 21',
        'The document says 5 blockers, but it has 6',
        'The document says 7 blockers, but it has 6',
      ],
    );
    assert.equal(
      lineOf(text, findings[1]).slice(findings[1]?.range.start.character, findings[1]?.range.end.character),
      '5',
    );
    // The existing "Change the count" fix applies: the data is { kind: 'count', value }.
    assert.deepEqual(findings[1]?.data, { kind: 'count', value: 6, header: true });
    assert.match(fixed(text, findings[1]), /Los \*\*6\*\* BLOQUERS son/);
  });

  test('counts in the summary headings and in the items are left to their own rules', () => {
    const text = sampleText().replace('- Test Coverage: [X] casos cubiertos', '- Test Coverage: 12 items cubiertos');
    assert.deepEqual(headerFindings(text), []);
  });

  test('"Última Actualización" older than the newest date in the evidence, fixed to today', () => {
    const text = completed().replace('**Última Actualización**: 2025-12-09', '**Última Actualización**: 2025-12-01');
    const findings = headerFindings(text);
    assert.equal(findings.length, 1);
    assert.equal(
      findings[0]?.message,
      '"Última Actualización" says 2025-12-01, but the evidence records work on 2025-12-09',
    );
    assert.equal(findings[0]?.data?.['newText'], '2025-12-10');
    assert.match(fixed(text, findings[0]), /\*\*Última Actualización\*\*: 2025-12-10/);
    // Dates after today (a deadline, a typo) are not evidence.
    const later = headerFindings(
      text.replace('Firma: Ana Torres - 2025-12-09', 'Firma: Ana Torres - 2031-01-09'),
      '2025-12-08',
    );
    assert.match(later[0]?.message ?? '', /records work on 2025-12-08$/);
  });

  test('lastUpdatedEdits bumps every last-updated date older than today, in the header and at the end', () => {
    const { checklist } = analysisOf(sampleText());
    const edits = lastUpdatedEdits(sampleText(), checklist, '2025-12-12');
    assert.equal(edits.length, 2);
    const bumped = applyEdits(sampleText(), edits);
    assert.match(bumped, /\*\*Última Actualización\*\*: 2025-12-12/);
    assert.match(bumped, /\*\*Última actualización\*\*: 2025-12-12/);
    assert.deepEqual(lastUpdatedEdits(bumped, checklist, '2025-12-12'), []);
  });

  test('English documents', () => {
    const text = readFixture('gate', 'release-checklist.md')
      .replaceAll('⏳ Pending', '✅ Done')
      .replace('🔄 In progress', '✅ Done')
      .replace('**Overall status**: ✅ Done', '**Overall status**: ⏳ Pending');
    const findings = headerFindings(text, '2026-02-05');
    assert.equal(findings.length, 1);
    assert.equal(findings[0]?.data?.['newText'], '✅ GO: READY FOR CANARY');
  });
});

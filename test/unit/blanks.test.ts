import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { placeholderFixes, removeBracketsFix } from '../../server/src/core/features/fixes';
import { translator } from '../../server/src/core/messages';
import { isBlankCell, isBlankValue } from '../../server/src/core/placeholders';
import { readFixture } from '../support/texts';
import { analysisOf } from '../support/analyses';

const analyze = (text: string) => analysisOf(text);
const t = translator('en');
const now = { date: '2025-12-09', time: '10:00' };

const doc = (body: string, state = '⏳ Pendiente') =>
  `# Checklist\n\n## 🔴 BLOQUERS\n\n### 1. Deploy\n\n**Responsable**: SRE\n**Estado**: ${state}\n\n${body}\n`;

function sliceOf(
  text: string,
  f: { range: { start: { line: number; character: number }; end: { character: number } } },
): string {
  return text.split('\n')[f.range.start.line]?.slice(f.range.start.character, f.range.end.character) ?? '';
}

describe('blanks in a checklist', () => {
  test('a filled copy of the sample, with brackets, JSON and log prefixes in its evidence, has no unfilled placeholder', () => {
    const analysis = analyze(readFixture('documents', 'ENTREGABLES.filled.md'));
    assert.deepEqual(
      analysis.findings.map((f) => `${f.range.start.line + 1} ${f.code}`),
      [],
    );
    assert.deepEqual(analysis.progress.items, { done: 21, total: 21 });
  });

  test('underscores, angle placeholders in prose, TBD values and unticked choices are blanks', () => {
    const text = doc(
      'Aprobado por: ________\nFecha: <YYYY-MM-DD>\n**Owner**: TBD\nDecisión: ☐ GO ☐ NO-GO\nLink: <link to the PR>',
    );
    const found = analyze(text).findings.filter((f) => f.code === 'unfilled-placeholder');
    assert.deepEqual(
      found.map((f) => sliceOf(text, f)),
      ['________', '<YYYY-MM-DD>', 'TBD', '☐ GO ☐ NO-GO', '<link to the PR>'],
    );
    assert.match(found[4]?.message ?? '', /"<link to the PR>"/);
  });

  test('command variables, HTML and log lines are not blanks', () => {
    const text = doc(
      '```bash\n$ curl "http://staging-host/api/logs?token=<LOG_TOKEN>" -d \'{"sid":"<sid>"}\'\n[INFO] listening on 8080\n```\n\nLine<br>two <details><summary>x</summary></details>\n\n```\n[2025-12-01 10:00:00] [main] backup done\n[{"a":1}]\n```',
    );
    assert.deepEqual(analyze(text).findings, []);
  });

  test('a value typed inside the brackets is a hint whose fix removes the brackets', () => {
    const text = doc('**Entregar aquí**:\n```\nAprobó: [María González]\nFecha: [2025-12-09]\n```');
    const analysis = analyze(text);
    assert.deepEqual(
      analysis.findings.filter((f) => f.code === 'unfilled-placeholder'),
      [],
    );
    const hints = analysis.findings.filter((f) => f.code === 'bracketed-value');
    assert.deepEqual(
      hints.map((f) => [sliceOf(text, f), f.severity]),
      [
        ['[María González]', 'hint'],
        ['[2025-12-09]', 'hint'],
      ],
    );
    assert.doesNotMatch(hints[0]?.message ?? '', /María/, 'the message does not repeat the value');
    const fix = removeBracketsFix(text, hints[0].range, t);
    assert.deepEqual(fix?.edits, [{ range: hints[0].range, newText: 'María González' }]);
  });

  test('optional blanks never block done, and can be marked not applicable', () => {
    const text = doc('Notas: [OPCIONAL]\nCobertura: [X]% (si aplica)', '✅ Completado');
    const analysis = analyze(text);
    assert.equal(analysis.checklist.items[0]?.state, 'done');
    assert.deepEqual(
      analysis.findings.filter((f) => f.code === 'status-mismatch'),
      [],
    );
    const optional = analysis.checklist.items[0]?.placeholders ?? [];
    assert.deepEqual(
      optional.map((p) => p.optional),
      [true, true],
    );
    const fix = placeholderFixes(optional[0], now, t, 'es').find((f) => f.title.startsWith('Mark as not applicable'));
    assert.equal(fix?.edits[0]?.newText, 'No aplica');
    const required = analyze(doc('Notas: [Describir el motivo]', '✅ Completado'));
    assert.equal(required.findings.filter((f) => f.code === 'status-mismatch').length, 1);
  });

  test('field values and table cells the model asks about', () => {
    for (const v of ['TBD', '[Nombre]', '____', '<YYYY-MM-DD>', '[X] ms', 'Por definir', '**TODO**'])
      assert.equal(isBlankValue(v), true, v);
    for (const v of ['Ana Díaz', '2025-12-09', 'N/A', '[María González]', '142 ms', ''])
      assert.equal(isBlankValue(v), false, v);
    assert.equal(isBlankCell('', 'owner'), true);
    assert.equal(isBlankCell('  ', 'date'), true);
    assert.equal(isBlankCell('', 'other'), false);
    assert.equal(isBlankCell('Ana', 'owner'), false);
    assert.equal(isBlankCell('TBD', 'other'), true);
  });
});

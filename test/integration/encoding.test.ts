import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { ChecklistAnalyzer } from '../../server/src/core/analyzer';
import fc from 'fast-check';
import { detectMojibake, detectMojibakeLines, repairMojibake } from '../../server/src/core/encoding';
import { repairEncodingFix } from '../../server/src/core/features/fixes';
import { translator } from '../../server/src/core/messages';
import { fixtures, sampleText } from '../support/paths';

const original = () => readFileSync(join(fixtures, 'documents', 'ENTREGABLES.original.md'), 'utf8');

describe('mojibake', () => {
  test('the mis-encoded original is repaired byte for byte', () => {
    const repair = detectMojibake(original());
    assert.equal(repair?.encoding, 'Mac Roman');
    assert.ok(original().includes('\uF8FF'), 'the original holds U+F8FF for byte 0xF0');
    const clean = readFileSync(join(fixtures, 'workspace', 'ENTREGABLES.md'));
    assert.equal(Buffer.compare(Buffer.from(repair?.repaired ?? '', 'utf8'), clean), 0);
    assert.ok(!repair?.repaired.includes('\uFFFD'));
  });

  test('the clean sample and ordinary accented text are left alone', () => {
    assert.equal(detectMojibake(sampleText()), undefined);
    assert.equal(detectMojibake('Creación, revisión, niño, ✅ 🔴'), undefined);
    assert.equal(detectMojibake('plain ascii'), undefined);
  });

  test('UTF-8 read as Windows-1252 or Latin-1 is repaired too', () => {
    const text = 'Sí — “listo” ✅ 🔴 Creación';
    const bytes = Buffer.from(text, 'utf8');
    assert.deepEqual(detectMojibake(new TextDecoder('windows-1252').decode(bytes)), {
      encoding: 'Windows-1252',
      repaired: text,
    });
    assert.deepEqual(detectMojibake(bytes.toString('latin1')), { encoding: 'Windows-1252', repaired: text });
  });

  test('one diagnostic for the document, and the model still finds groups and items', () => {
    const analysis = new ChecklistAnalyzer().analyze(original());
    const mojibake = analysis.findings.filter((f) => f.code === 'mojibake');
    assert.equal(mojibake.length, 1);
    assert.match(mojibake[0]?.message ?? '', /Mac Roman/);
    assert.equal(analysis.checklist.items.length, 21);
    assert.equal(analysis.checklist.groups.length, 8);
    assert.equal(analysis.checklist.items.filter((i) => i.blocker).length, 6);
    assert.equal(analysis.checklist.created, '2025-12-07');
  });
});

describe('mojibake per line', () => {
  const macRoman = (text: string): string => {
    const table =
      'ÄÅÇÉÑÖÜáàâäãåçéèêëíìîïñóòôöõúùûü†°¢£§•¶ß®©™´¨≠ÆØ∞±≤≥¥µ∂∑∏π∫ªºΩæø¿¡¬√ƒ≈∆«»…\u00A0ÀÃÕŒœ–—“”‘’÷◊ÿŸ⁄€‹›ﬁﬂ‡·‚„‰ÂÊÁËÈÍÎÏÌÓÔ\uF8FFÒÚÛÙıˆ˜¯˘˙˚¸˝˛ˇ';
    return [...Buffer.from(text, 'utf8')]
      .map((b) => (b < 0x80 ? String.fromCharCode(b) : (table[b - 0x80] ?? '')))
      .join('');
  };
  const windows1252 = (text: string): string => new TextDecoder('windows-1252').decode(Buffer.from(text, 'utf8'));

  test('still found once a correct line is added, and only the damaged lines are repaired', () => {
    const damaged = original();
    const mixed = `${damaged}\n## Añadido después: revisión ✅\n`;
    const repair = detectMojibakeLines(mixed);
    assert.equal(repair?.encoding, 'Mac Roman');
    assert.ok(repair?.lines.every((l) => !l.damaged.includes('Añadido')));
    assert.equal(repairMojibake(mixed), `${sampleText()}\n## Añadido después: revisión ✅\n`);
    const fix = repairEncodingFix(mixed, translator('en'));
    assert.ok(
      fix &&
        fix.edits.length === repair?.lines.length &&
        fix.edits.every((e) => e.range.start.line === e.range.end.line),
    );
    const findings = new ChecklistAnalyzer().analyze(mixed).findings.filter((f) => f.code === 'mojibake');
    assert.equal(findings.length, 1);
  });

  test('correct documents are left alone', () => {
    for (const file of [
      'workspace/ENTREGABLES.md',
      'documents/DELIVERABLES.en.md',
      'documents/ENTREGABLES.filled.md',
      'documents/ENTREGABLES.escenarios.md',
    ]) {
      const text = readFileSync(join(fixtures, file), 'utf8');
      assert.equal(detectMojibakeLines(text), undefined, file);
    }
  });

  test('a few damaged lines in a correct file', () => {
    const text = `# Revisión\n\nEstado: ✅ Listo\n${macRoman('Producción: sí, revisado — “OK”')}\nÚltima línea correcta\n`;
    assert.equal(
      repairMojibake(text),
      '# Revisión\n\nEstado: ✅ Listo\nProducción: sí, revisado — “OK”\nÚltima línea correcta\n',
    );
  });

  test('repair(mojibake(text)) === text over varied text', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom(...[...'abcXYZ 019\n-:.#*[]áéíóúñÑüÜ¿¡çÇàè€“”‘’—–…✅❌⏳🔴🟡📦🎯→«»ßøå']) }),
        (text) => {
          assert.equal(repairMojibake(macRoman(text)), text);
          assert.equal(repairMojibake(windows1252(text)), text);
        },
      ),
      { numRuns: 300 },
    );
  });
});

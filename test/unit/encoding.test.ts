import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { ChecklistAnalyzer } from '../../server/src/core/analyzer';
import { detectMojibake } from '../../server/src/core/encoding';
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
    assert.deepEqual(detectMojibake(new TextDecoder('windows-1252').decode(bytes)), { encoding: 'Windows-1252', repaired: text });
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

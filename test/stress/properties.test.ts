import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { ChecklistAnalyzer } from '../../server/src/core/analyzer';
import { detectMojibake } from '../../server/src/core/encoding';
import { placeholderFixes, syncSummaryFix } from '../../server/src/core/features/fixes';
import { LineIndex } from '../../server/src/core/markdown/lines';
import { translator } from '../../server/src/core/messages';
import { applyTextEdits } from '../../server/src/core/smoke/evidence';
import type { TextEdit } from '../../server/src/core/types';
import { sampleText } from '../support/paths';
import { leakedIn, PLANTED } from '../support/plantedSecrets';

// Property-based tests over the core, with a fixed seed (printed by fast-check on failure with the
// path to replay) and 1,000 cases each.
const SEED = 20251208;
const settings = { seed: SEED, numRuns: 1000, endOnFailure: true };
const t = translator('en');
const now = { date: '2025-12-08', time: '10:00' };

const word = fc.constantFrom(
  'Deploy',
  'PR',
  'Redis',
  'Estado',
  'owner',
  'añadir',
  'producción',
  '✅',
  '❌',
  '🔴',
  'x',
  '`docs/a.md`',
  '**',
  '>',
  '- ',
  '#',
  '|',
  '<!--',
  '-->',
);
const blank = fc.constantFrom(
  '[X]',
  '[PEGAR ENLACE AL PR]',
  '[✅ PASSED / ❌ FAILED]',
  '[YYYY-MM-DD]',
  '[host:port]',
  '[ ]',
  '[x]',
  '[',
  ']',
);
const lineBreak = fc.constantFrom('\n', '\r\n', '\r');
const line = fc
  .array(fc.oneof(word, blank, fc.string({ maxLength: 6 })), { maxLength: 8 })
  .map((parts) => parts.join(' '));
const structural = fc.oneof(
  line,
  fc.nat(30).map((n) => `### ${n}. Item ${n}`),
  fc.constantFrom(
    '## 🔴 BLOQUERS (2 items)',
    '## Resumen',
    '**Estado**: ⏳ Pendiente',
    '**Estado**: ✅ Completado',
    '**Responsable**: @ana',
    '**Deadline**: Hoy',
    '- [ ] 1. Item',
    '- [x] 2. Item',
    '```bash',
    '```',
    '$ curl http://staging-host/health',
    '',
  ),
);
/** A generated checklist: lines joined by any of the three line breaks. */
const checklist = fc
  .tuple(fc.array(structural, { maxLength: 40 }), fc.array(lineBreak, { minLength: 40, maxLength: 40 }))
  .map(([lines, breaks]) => lines.map((l, i) => l + (breaks[i] ?? '\n')).join(''));
/** The sample with a few of its characters changed, deleted or repeated. */
const sample = sampleText();
const mutated = fc
  .array(fc.tuple(fc.nat(sample.length - 1), fc.constantFrom('delete', 'duplicate', '\r', '[', ']', '>', '`', '\n#')), {
    minLength: 1,
    maxLength: 6,
  })
  .map((mutations) => {
    let text = sample;
    for (const [at, kind] of mutations.sort((a, b) => b[0] - a[0])) {
      if (kind === 'delete') text = text.slice(0, at) + text.slice(at + 1);
      else if (kind === 'duplicate') text = text.slice(0, at) + text.slice(at, at + 40) + text.slice(at);
      else text = text.slice(0, at) + kind + text.slice(at);
    }
    return text;
  });

function assertRangesInside(
  text: string,
  ranges: readonly { start: { line: number; character: number }; end: { line: number; character: number } }[],
) {
  const lines = new LineIndex(text);
  for (const r of ranges) {
    for (const p of [r.start, r.end]) {
      assert.ok(p.line >= 0 && p.line < lines.lineCount, `line ${p.line}`);
      assert.ok(
        p.character >= 0 && p.character <= lines.lineText(p.line).length,
        `character ${p.character} on line ${p.line}`,
      );
    }
  }
}

/** The text outside the edits' ranges is unchanged: what is before the first and after the last edit stays. */
function assertOnlyInside(before: string, after: string, edits: readonly TextEdit[]) {
  const lines = new LineIndex(before);
  const from = Math.min(...edits.map((e) => lines.offsetAt(e.range.start)));
  const to = Math.max(...edits.map((e) => lines.offsetAt(e.range.end)));
  assert.equal(after.slice(0, from), before.slice(0, from));
  assert.equal(after.slice(after.length - (before.length - to)), before.slice(to));
}

describe('properties of the core (fast-check)', () => {
  test('generated and mutated checklists never throw, and every range lies inside its line', () => {
    fc.assert(
      fc.property(fc.oneof({ weight: 19, arbitrary: checklist }, { weight: 1, arbitrary: mutated }), (text) => {
        const analysis = new ChecklistAnalyzer().analyze(text, { today: '2025-12-08' });
        assertRangesInside(
          text,
          analysis.findings.map((f) => f.range),
        );
        assertRangesInside(
          text,
          analysis.checklist.items.flatMap((i) => [
            i.range,
            i.headingRange,
            ...i.placeholders.map((p) => p.range),
            ...i.checkboxes.map((c) => c.boxRange),
          ]),
        );
      }),
      settings,
    );
  });

  test('quick fixes touch only their range, leave the document analysable, and a second application changes nothing', () => {
    fc.assert(
      fc.property(
        fc.oneof({ weight: 19, arbitrary: checklist }, { weight: 1, arbitrary: mutated }),
        fc.nat(),
        (text, pick) => {
          const analysis = new ChecklistAnalyzer().analyze(text, { today: '2025-12-08' });
          const placeholders = analysis.checklist.items.flatMap((i) => i.placeholders);
          const fixes = [
            ...placeholders.flatMap((p) => placeholderFixes(p, now, t)),
            syncSummaryFix(analysis.checklist, t, 'quickfix'),
          ].filter((f) => f !== undefined);
          if (fixes.length === 0) return;
          const fix = fixes[pick % fixes.length];
          if (!fix) return;
          const after = applyTextEdits(text, fix.edits);
          assertOnlyInside(text, after, fix.edits);
          const again = new ChecklistAnalyzer().analyze(after, { today: '2025-12-08' });
          assertRangesInside(
            after,
            again.findings.map((f) => f.range),
          );
          // Applied, the fix is done: the new analysis does not offer it again.
          const offered = [
            ...again.checklist.items.flatMap((i) => i.placeholders).flatMap((p) => placeholderFixes(p, now, t)),
            syncSummaryFix(again.checklist, t, 'quickfix'),
          ];
          assert.ok(
            !offered.some((f) => f?.title === fix.title && JSON.stringify(f.edits) === JSON.stringify(fix.edits)),
          );
        },
      ),
      settings,
    );
  });

  test('repair(mojibake(text)) === text', () => {
    const spanish = fc.array(
      fc.constantFrom(
        'Producción',
        'Entregables',
        'añadir',
        'Categoría',
        '✅ Completado',
        '⏳ Pendiente',
        'señal',
        '¿Listo?',
        'año',
        ' ',
        '\n',
        '**Estado**: ',
      ),
      { minLength: 3, maxLength: 40 },
    );
    fc.assert(
      fc.property(spanish, fc.constantFrom('windows-1252', 'macintosh'), (parts, encoding) => {
        const text = `# Producción\n${parts.join(' ')}`;
        const mojibake = new TextDecoder(encoding).decode(new TextEncoder().encode(text));
        const repair = detectMojibake(mojibake);
        assert.ok(repair, 'detected');
        assert.equal(repair.repaired, text);
      }),
      settings,
    );
  });

  test('planted secret values never appear in a message or in the model strings', () => {
    // The values whose format names them (a generic 40-character AWS secret needs its context to be one).
    const values = Object.values(PLANTED).filter((v) => /^(?:ghp_|xoxb-|sk_live_|eyJ)/.test(v));
    fc.assert(
      fc.property(
        fc.array(structural, { minLength: 1, maxLength: 20 }),
        fc.nat(values.length - 1),
        fc.constantFrom(
          '### 1. Deploy {}',
          '## 🔴 {}',
          '**Responsable**: {}',
          '**Deadline**: {}',
          '- Token: [{}]',
          '- Estado: [✅ PASSED / {} / ❌ FAILED]',
          '- `docs/{}/a.md`',
          '- [ ] {}',
        ),
        fc.nat(),
        (lines, which, shape, at) => {
          const planted = shape.replace('{}', values[which] ?? '');
          const all = [...lines];
          all.splice(at % (all.length + 1), 0, planted);
          const analysis = new ChecklistAnalyzer().analyze(
            ['## A', '### 1. Item', '**Estado**: ⏳ Pendiente', ...all].join('\n'),
            { today: '2025-12-08' },
          );
          const items = analysis.checklist.items.map((i) => ({ ...i, fences: [] }));
          assert.deepEqual(
            leakedIn(JSON.stringify([analysis.findings, items, analysis.checklist.groups, analysis.checklist.summary])),
            [],
          );
        },
      ),
      settings,
    );
  });
});

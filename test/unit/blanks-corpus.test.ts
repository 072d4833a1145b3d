import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { scanLine } from '../../server/src/core/placeholders';
// The secret detector plugs itself into the scan as it loads: secrets typed in brackets are not blanks.
import '../../server/src/core/secrets';
import { blankCorpus, heldOutBlankCorpus, type BlankCase } from '../support/blankCorpus';

interface Score {
  tp: number;
  fp: number;
  fn: number;
  misses: string[];
}

function score(kind: 'blanks' | 'values', corpus: readonly BlankCase[] = blankCorpus): Score {
  const s: Score = { tp: 0, fp: 0, fn: 0, misses: [] };
  for (const entry of corpus) {
    const result = scanLine(entry.line);
    const found = (kind === 'blanks' ? result.blanks : result.values).map((m) => entry.line.slice(m.start, m.end));
    const expected = [...(kind === 'blanks' ? entry.blanks : (entry.values ?? []))];
    for (const f of found) {
      const i = expected.indexOf(f);
      if (i >= 0) {
        s.tp++;
        expected.splice(i, 1);
      } else {
        s.fp++;
        s.misses.push(`false ${kind}: ${f}   in   ${entry.line}`);
      }
    }
    s.fn += expected.length;
    for (const e of expected) s.misses.push(`missed ${kind}: ${e}   in   ${entry.line}`);
  }
  return s;
}

const ratio = (a: number, b: number): number => (b === 0 ? 1 : a / b);

describe('blank detection on a labelled corpus of checklist lines', () => {
  test('has at least 150 lines in both languages', () => {
    assert.ok(blankCorpus.length >= 150, String(blankCorpus.length));
  });

  test('finds the blanks with precision and recall of at least 0.95', () => {
    const s = score('blanks');
    const precision = ratio(s.tp, s.tp + s.fp);
    const recall = ratio(s.tp, s.tp + s.fn);
    console.log(
      `blanks: ${blankCorpus.length} lines, ${s.tp + s.fn} blanks, precision ${precision.toFixed(3)}, recall ${recall.toFixed(3)}`,
    );
    for (const m of s.misses) console.log(`  ${m}`);
    assert.ok(precision >= 0.95 && recall >= 0.95, s.misses.join('\n'));
  });

  test('tells values typed inside brackets from blanks', () => {
    const s = score('values');
    const precision = ratio(s.tp, s.tp + s.fp);
    const recall = ratio(s.tp, s.tp + s.fn);
    console.log(
      `bracketed values: ${s.tp + s.fn} values, precision ${precision.toFixed(3)}, recall ${recall.toFixed(3)}`,
    );
    for (const m of s.misses) console.log(`  ${m}`);
    assert.ok(precision >= 0.9 && recall >= 0.9, s.misses.join('\n'));
  });

  test('marks the optional blanks', () => {
    for (const entry of blankCorpus) {
      const optional = scanLine(entry.line)
        .blanks.filter((b) => b.optional)
        .map((b) => entry.line.slice(b.start, b.end));
      assert.deepEqual(optional, [...(entry.optional ?? [])], entry.line);
    }
  });
});

describe('blank detection on held-out lines (written after tuning)', () => {
  test('keeps precision and recall of at least 0.9', () => {
    const blanks = score('blanks', heldOutBlankCorpus);
    const values = score('values', heldOutBlankCorpus);
    const precision = ratio(blanks.tp, blanks.tp + blanks.fp);
    const recall = ratio(blanks.tp, blanks.tp + blanks.fn);
    console.log(
      `held out: ${heldOutBlankCorpus.length} lines, ${blanks.tp + blanks.fn} blanks, precision ${precision.toFixed(3)}, recall ${recall.toFixed(3)}; values ${values.tp}/${values.tp + values.fn} found, ${values.fp} false`,
    );
    for (const m of [...blanks.misses, ...values.misses]) console.log(`  ${m}`);
    assert.ok(precision >= 0.9 && recall >= 0.9, blanks.misses.join('\n'));
  });
});

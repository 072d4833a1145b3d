import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { ChecklistAnalyzer, type Analysis } from '../../server/src/core/analyzer';
import { splitBlocks } from '../../server/src/core/markdown/blocks';
import { LineIndex } from '../../server/src/core/markdown/lines';
import { applyTextEdits } from '../../server/src/core/smoke/evidence';
import type { Range } from '../../server/src/core/types';
import { cliBundle, sampleText } from '../support/paths';

// Line breaks as LSP counts them: `\r\n`, `\n` and a lone `\r`.
const STYLES = { lf: '\n', crlf: '\r\n', cr: '\r' } as const;

const sampleLines = sampleText().split(/\r\n|\r|\n/);
const withBreaks = (breaks: (i: number) => string) =>
  sampleLines.map((line, i) => (i < sampleLines.length - 1 ? line + breaks(i) : line)).join('');
const analyse = (text: string) => new ChecklistAnalyzer().analyze(text, { today: '2025-12-08' });

/** What an analysis says, by 0-based line and character only: equal across line-break styles. */
function summary(analysis: Analysis) {
  return {
    items: analysis.checklist.items.map((i) => [
      i.id,
      i.title,
      i.owner,
      i.state,
      i.placeholders.length,
      i.checkboxes.length,
      i.range,
    ]),
    findings: analysis.findings.map((f) => [f.code, f.message, f.range]),
  };
}

/** Every range lies inside the document's lines as an LSP client sees them. */
function assertRangesInside(text: string, ranges: readonly Range[]) {
  const lines = new LineIndex(text);
  for (const r of ranges) {
    for (const p of [r.start, r.end]) {
      assert.ok(p.line < lines.lineCount, `line ${p.line} of ${lines.lineCount}`);
      assert.ok(
        p.character <= lines.lineText(p.line).length,
        `character ${p.character} past line ${p.line} (${lines.lineText(p.line).length})`,
      );
    }
  }
}

describe('line breaks as LSP counts them', () => {
  const reference = summary(analyse(withBreaks(() => '\n')));

  for (const [name, eol] of Object.entries(STYLES)) {
    test(`the sample with ${name} line ends gives the same items and findings at the same positions`, () => {
      const text = withBreaks(() => eol);
      const analysis = analyse(text);
      assert.equal(analysis.checklist.items.length, 21);
      assert.deepEqual(summary(analysis), reference);
      assertRangesInside(
        text,
        analysis.findings.map((f) => f.range),
      );
    });
  }

  test('mixed line ends (a stray \\r among \\n and \\r\\n) keep every range inside its line', () => {
    const mixes = [
      (i: number) => ['\n', '\r\n', '\r'][i % 3] ?? '\n',
      (i: number) => (i === 40 ? '\r' : '\n'),
      (i: number) => (i % 7 === 0 ? '\r' : '\r\n'),
    ];
    for (const breaks of mixes) {
      const text = withBreaks(breaks);
      const analysis = analyse(text);
      // A lone \r before an empty line ending in \n is one \r\n break: compare with the same lines as LSP splits them.
      assert.deepEqual(summary(analysis), summary(analyse(text.split(/\r\n|\r|\n/).join('\n'))));
      assert.equal(analysis.checklist.items.length, 21);
      assertRangesInside(text, [
        ...analysis.findings.map((f) => f.range),
        ...analysis.checklist.items.flatMap((i) => [i.range, i.headingRange, ...i.placeholders.map((p) => p.range)]),
      ]);
    }
  });

  test('LineIndex counts \\r\\n, \\n and a lone \\r, and never puts a position inside a \\r\\n', () => {
    const lines = new LineIndex('a\rb\r\nc\nd');
    assert.equal(lines.lineCount, 4);
    assert.deepEqual(
      [0, 1, 2, 3].map((l) => lines.lineText(l)),
      ['a', 'b', 'c', 'd'],
    );
    assert.deepEqual(lines.positionAt(2), { line: 1, character: 0 });
    assert.deepEqual(lines.positionAt(4), { line: 1, character: 1 });
    assert.deepEqual(lines.positionAt(5), { line: 2, character: 0 });
    assert.equal(lines.offsetAt({ line: 1, character: 9 }), 3);
    assert.equal(new LineIndex('x\r').lineCount, 2);
  });

  test('blocks split at headings after any line break', () => {
    assert.deepEqual(
      splitBlocks('# T\rtext\r## A\r\n### 1. x\rbody\r').map((b) => b.startLine),
      [0, 2, 3],
    );
  });

  test('edits land on the lines the editor shows', () => {
    const text = 'one\rtwo\r\nthree\nfour';
    const edit = (line: number, from: number, to: number, newText: string) => ({
      range: { start: { line, character: from }, end: { line, character: to } },
      newText,
    });
    assert.equal(
      applyTextEdits(text, [edit(1, 0, 3, 'TWO'), edit(3, 0, 4, 'FOUR'), edit(0, 3, 3, '!')]),
      'one!\rTWO\r\nthree\nFOUR',
    );
  });

  test('the CLI finds the items of a file with bare \\r line ends', () => {
    const folder = mkdtempSync(join(tmpdir(), 'readiness-cr-'));
    const file = join(folder, 'ENTREGABLES.md');
    writeFileSync(
      file,
      withBreaks(() => '\r'),
    );
    const result = spawnSync(
      process.execPath,
      [cliBundle, 'check', file, '--format', 'json', '--today', '2025-12-08'],
      { encoding: 'utf8', env: { ...process.env, LANG: 'C' } },
    );
    assert.equal(result.status, 1, result.stderr);
    const report = JSON.parse(result.stdout) as { files: { items: unknown[]; diagnostics: { range: Range }[] }[] };
    assert.equal(report.files[0]?.items.length, 21);
    assertRangesInside(
      withBreaks(() => '\r'),
      report.files[0]?.diagnostics.map((d) => d.range) ?? [],
    );
  });
});

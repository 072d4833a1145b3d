import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { splitBlocks } from '../../server/src/core/markdown/blocks';
import { extractAllFacts, extractFacts } from '../../server/src/core/model/facts';
import { readFixture, sampleText } from '../support/texts';

const starts = (text: string) => splitBlocks(text).map((b) => b.startLine);

describe('splitBlocks', () => {
  test('splits at each top-level ATX heading', () => {
    assert.deepEqual(starts('# T\ntext\n## A\n### 1. x\nbody\n'), [0, 2, 3]);
  });

  test('does not split at "#" lines inside fenced code', () => {
    assert.deepEqual(starts('## A\n```bash\n# SMOKE TEST 1\n```\n## B\n'), [0, 4]);
    assert.deepEqual(starts('## A\n~~~\n# x\n```\n# y\n~~~\n# z\n'), [0, 6]);
  });

  test('an unclosed fence runs to the end', () => {
    assert.deepEqual(starts('## A\n```\n# x\n## y\n'), [0]);
  });

  test('does not split inside an HTML comment or at indented "#"', () => {
    assert.deepEqual(starts('## A\n<!--\n# hidden\n-->\n    # code\n## B'), [0, 5]);
  });

  test('blocks cover the text exactly', () => {
    const text = sampleText();
    const blocks = splitBlocks(text);
    assert.equal(blocks.map((b) => b.text).join(''), text);
    for (const b of blocks) assert.equal(text.slice(b.startOffset, b.startOffset + b.text.length), b.text);
    assert.ok(blocks.length > 40);
  });
});

describe('facts of a block', () => {
  const documents = {
    sample: sampleText(),
    english: readFixture('documents', 'DELIVERABLES.en.md'),
    spanish: readFixture('documents', 'ENTREGABLES.escenarios.md'),
    original: readFixture('documents', 'ENTREGABLES.original.md'),
  };
  for (const [name, text] of Object.entries(documents)) {
    test(`${name}: one parse of the whole text gives each block the facts of its own parse`, () => {
      const blocks = splitBlocks(text);
      assert.deepEqual(
        extractAllFacts(text, blocks),
        blocks.map((b) => extractFacts(b.text)),
      );
    });
  }
});

describe('splitBlocks after an edit', () => {
  // Lines that open and close fences and comments, headings, and text, joined by any line break.
  const line = fc.constantFrom(
    '# T',
    '## A',
    '### 1. Item',
    '#not a heading',
    '```bash',
    '```',
    '~~~',
    '<!--',
    '-->',
    '<!-- one line -->',
    'text',
    '- [ ] box',
    '',
  );
  const document = fc
    .array(fc.tuple(line, fc.constantFrom('\n', '\r\n', '\r')), { maxLength: 30 })
    .map((lines) => lines.map(([l, b]) => l + b).join(''));
  const edit = fc.tuple(
    fc.nat(),
    fc.nat(12),
    fc.constantFrom('', 'x', '\n', '\r', '\r\n', '#', '## B\n', '```', '\n```\n', '<!--', '-->', ' '),
  );

  test('reading from the edit and meeting the earlier blocks gives the blocks of a fresh split (fast-check)', () => {
    fc.assert(
      fc.property(document, fc.array(edit, { minLength: 1, maxLength: 4 }), (text, edits) => {
        let before = { text, blocks: splitBlocks(text) };
        for (const [at, length, inserted] of edits) {
          const where = at % (before.text.length + 1);
          const after = before.text.slice(0, where) + inserted + before.text.slice(where + length);
          const blocks = splitBlocks(after, before);
          assert.deepEqual(blocks, splitBlocks(after));
          before = { text: after, blocks };
        }
      }),
      { seed: 20251217, numRuns: 2000, endOnFailure: true },
    );
  });

  test('an edit inside one block of a long document keeps the other blocks, moved', () => {
    const text = sampleText();
    const previous = { text, blocks: splitBlocks(text) };
    const at = text.indexOf('[PEGAR ENLACE AL PR]');
    const edited = `${text.slice(0, at)}línea\nnueva ${text.slice(at)}`;
    const blocks = splitBlocks(edited, previous);
    assert.deepEqual(blocks, splitBlocks(edited));
    // The blocks after the edit are the earlier ones one line down, with the very same text.
    const last = previous.blocks.at(-1);
    assert.equal(blocks.at(-1)?.text, last?.text);
    assert.equal(blocks.at(-1)?.startLine, (last?.startLine ?? 0) + 1);
  });
});

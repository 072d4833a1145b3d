import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
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

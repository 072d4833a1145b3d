// The incremental cache on the corpus read from disk (moved out of test/unit/model.test.ts, which
// keeps the model's in-memory tests).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ChecklistAnalyzer, type Analysis } from '../../server/src/core/analyzer';
import { isChecklist } from '../../server/src/core/detect';
import { splitBlocks } from '../../server/src/core/markdown/blocks';
import { extractAllFacts, extractFacts } from '../../server/src/core/model/facts';
import { corpusDocuments } from '../support/corpus';

/** An analysis as data: its redaction function is a new closure each run. */
const withoutSafeText = ({ safeText: _, ...data }: Analysis) => data;

describe('the corpus through the incremental cache', () => {
  for (const doc of corpusDocuments()) {
    test(`${doc.name}: one whole parse gives each block its own facts; an edit re-analysed equals a fresh analysis`, () => {
      const blocks = splitBlocks(doc.text);
      assert.deepEqual(
        extractAllFacts(doc.text, blocks),
        blocks.map((b) => extractFacts(b.text)),
      );
      const analyzer = new ChecklistAnalyzer();
      analyzer.analyze(doc.text);
      const lines = doc.text.split('\n');
      const middle = Math.floor(lines.length / 2);
      const edited = [...lines.slice(0, middle), 'An added line.', '', ...lines.slice(middle)].join('\n');
      assert.deepEqual(
        withoutSafeText(analyzer.analyze(edited)),
        withoutSafeText(new ChecklistAnalyzer().analyze(edited)),
      );
    });
  }

  test('recognition needs no file name, and a glob still forces it', () => {
    const readme = corpusDocuments().find((d) => d.name === 'en-readme-roadmap.md');
    assert.equal(isChecklist('doc.md', readme?.text ?? '', []), false);
    assert.equal(isChecklist('release-checklist.md', readme?.text ?? '', ['**/*checklist*.md']), true);
  });
});

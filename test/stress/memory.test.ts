// A long editing session of a big checklist keeps one document's worth of text, not one per keystroke: V8
// keeps a string cut from a longer one as a view of it, so a block's text (and every string read from it)
// would otherwise hold the whole document of the keystroke that last changed that block.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { ChecklistAnalyzer } from '../../server/src/core/analyzer';
import { sampleText } from '../support/paths';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

describe('memory over an editing session', () => {
  test('keystrokes in many different blocks do not keep the documents they were typed in', () => {
    let text = Array.from({ length: 20 }, () => sampleText()).join('\n');
    const analyzer = new ChecklistAnalyzer();
    analyzer.analyze(text, { today: '2025-12-08' });
    const spots: number[] = [];
    for (let k = 0; k < 30; k++) spots.push(text.indexOf('\n**Estado**', Math.floor((text.length * k) / 30)) + 1);
    gc();
    const before = process.memoryUsage().heapUsed;
    spots.forEach((spot, k) => {
      // Each insertion moves the later spots by one.
      text = `${text.slice(0, spot + k)}x${text.slice(spot + k)}`;
      analyzer.analyze(text, { today: '2025-12-08' });
    });
    gc();
    const grown = process.memoryUsage().heapUsed - before;
    // A document is `text.length` UTF-16 code units (two bytes each with its emoji); one per keystroke would be 30.
    const documents = grown / (2 * text.length);
    assert.ok(documents < 4, `the heap grew by ${(grown / 1e6).toFixed(1)} MB, ${documents.toFixed(1)} documents`);
  });
});

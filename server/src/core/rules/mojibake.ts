// mojibake: lines of UTF-8 that were read as a legacy encoding. One finding for
// the document, on the first damaged word; the fix repairs the damaged lines only.
import {
  bestTally,
  detectMojibakeLines,
  mojibakeTallies,
  type LegacyEncoding,
  type LineRepair,
  type MojibakeTally,
} from '../encoding';
import type { Translate } from '../messages';
import { range, type Finding } from '../types';
import type { RuleContext } from './rule';

/** The rule with its own memory of the last analysis's blocks: a keystroke reads only the blocks it changed. */
export function mojibakeRule(): (ctx: RuleContext) => Finding[] {
  let previous = new Map<string, readonly MojibakeTally[]>();
  return ({ blocks, t }) => {
    const current = new Map<string, readonly MojibakeTally[]>();
    const pieces = blocks.map((block) => {
      const tallies = current.get(block.text) ?? previous.get(block.text) ?? mojibakeTallies(block.text);
      current.set(block.text, tallies);
      return tallies.map((tally) =>
        tally.first ? { ...tally, first: { ...tally.first, line: tally.first.line + block.startLine } } : tally,
      );
    });
    previous = current;
    const best = bestTally(pieces);
    return best?.first ? [finding(best.encoding, best.first, best.count, t)] : [];
  };
}

export function mojibake({ text, t }: RuleContext): Finding[] {
  const repair = detectMojibakeLines(text);
  const first = repair?.lines[0];
  return repair && first ? [finding(repair.encoding, first, repair.lines.length, t)] : [];
}

function finding(encoding: LegacyEncoding, first: LineRepair, lines: number, t: Translate): Finding {
  const run = /[\u0080-\uFFFF]+/.exec(first.damaged);
  const start = run?.index ?? 0;
  const example = /\S*[\u0080-\uFFFF]+\S*/.exec(first.damaged)?.[0] ?? '';
  return {
    code: 'mojibake',
    severity: 'warning',
    message: t('mojibake', encoding, example.slice(0, 40)),
    range: range(first.line, start, first.line, start + (run?.[0].length ?? 0)),
    data: { encoding, lines },
  };
}

// mojibake: lines of UTF-8 that were read as a legacy encoding. One finding for
// the document, on the first damaged word; the fix repairs the damaged lines only.
import { detectMojibakeLines } from '../encoding';
import { range, type Finding } from '../types';
import type { RuleContext } from './rule';

export function mojibake({ text, t }: RuleContext): Finding[] {
  const repair = detectMojibakeLines(text);
  const first = repair?.lines[0];
  if (!repair || !first) return [];
  const run = /[\u0080-\uFFFF]+/.exec(first.damaged);
  const start = run?.index ?? 0;
  const example = /\S*[\u0080-\uFFFF]+\S*/.exec(first.damaged)?.[0] ?? '';
  return [
    {
      code: 'mojibake',
      severity: 'warning',
      message: t('mojibake', repair.encoding, example.slice(0, 40)),
      range: range(first.line, start, first.line, start + (run?.[0].length ?? 0)),
      data: { encoding: repair.encoding, lines: repair.lines.length },
    },
  ];
}

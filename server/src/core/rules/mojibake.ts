// mojibake: lines of UTF-8 that were read as a legacy encoding. One finding for
// the document, on the first damaged word; the fix repairs the damaged lines only.
import { detectMojibakeLines, type LineRepairs } from '../encoding';
import { range, type Finding } from '../types';
import type { RuleContext } from './rule';

/** The rule with its own memory of line repairs: the last analysis's lines, so a keystroke repairs only new lines. */
export function mojibakeRule(): (ctx: RuleContext) => Finding[] {
  let previous = new Map<string, readonly (string | undefined)[]>();
  return (ctx) => {
    const current = new Map<string, readonly (string | undefined)[]>();
    const known: LineRepairs = {
      get: (line) => {
        const repairs = current.get(line) ?? previous.get(line);
        if (repairs) current.set(line, repairs);
        return repairs;
      },
      set: (line, repairs) => void current.set(line, repairs),
    };
    const findings = mojibake(ctx, known);
    previous = current;
    return findings;
  };
}

export function mojibake({ text, t }: RuleContext, known?: LineRepairs): Finding[] {
  const repair = detectMojibakeLines(text, known);
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

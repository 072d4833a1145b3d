// mojibake: the whole file is UTF-8 that was read as a legacy encoding. One
// finding for the document, on the first damaged word; the fix repairs it all.
import { detectMojibake } from '../encoding';
import { LineIndex } from '../markdown/lines';
import type { Finding } from '../types';
import type { RuleContext } from './rule';

export function mojibake({ text, t }: RuleContext): Finding[] {
  const repair = detectMojibake(text);
  if (!repair) return [];
  const first = /[\u0080-\uFFFF]+/.exec(text);
  const start = first?.index ?? 0;
  const end = start + (first?.[0].length ?? 0);
  const lines = new LineIndex(text);
  const example = /\S*[\u0080-\uFFFF]+\S*/.exec(text)?.[0] ?? '';
  return [
    {
      code: 'mojibake',
      severity: 'warning',
      message: t('mojibake', repair.encoding, example.slice(0, 40)),
      range: { start: lines.positionAt(start), end: lines.positionAt(end) },
      data: { encoding: repair.encoding },
    },
  ];
}

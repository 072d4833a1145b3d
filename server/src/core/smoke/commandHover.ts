// The hover over a command in a checklist's shell block that Readiness does not run: which
// commands are smoke tests, or, for a check whose host or port is still a blank, what to fill in.
import type { Checklist } from '../model/checklist';
import type { Translate } from '../messages';
import type { Position, Range } from '../types';
import { classifyLine } from './layout';
import { isTemplateCheck, SHELL_LANGS } from './recognize';

export function commandHoverAt(
  checklist: Checklist,
  position: Position,
  t: Translate,
): { markdown: string; range: Range } | undefined {
  for (const item of checklist.items) {
    for (const fence of item.fences) {
      if (
        !SHELL_LANGS.has(fence.lang.toLowerCase()) ||
        position.line < fence.range.start.line ||
        position.line > fence.range.end.line
      )
        continue;
      const line = fence.lines.find((l) => l.line === position.line);
      if (!line) return undefined;
      const kind = classifyLine(line.text);
      if (kind.kind !== 'command') return undefined;
      const range = { start: { line: line.line, character: 0 }, end: { line: line.line, character: line.text.length } };
      if (!kind.curl)
        return { markdown: t('smoke.hover.notRunnable', /^(?:time\s+)?(\S*)/.exec(kind.text)?.[1] ?? ''), range };
      if (isTemplateCheck(kind.text)) return { markdown: t('smoke.hover.blankTarget'), range };
      return undefined;
    }
  }
  return undefined;
}

// bracketed-value: the owner typed the answer inside the template's brackets
// ("**Responsable**: [María González]", "Fecha: [2025-12-09]"). Filled, so not
// an unfilled-placeholder, but a hint whose fix removes the brackets. The
// message never repeats the value (it could be a credential).
import { scanLine } from '../placeholders';
import { range, type Finding } from '../types';
import type { RuleContext } from './rule';

const FENCE = /^\s*(`{3,}|~{3,})\s*([\w+-]*)/;
const SHELL_LANGS = /^(?:bash|sh|shell|zsh|console|shellsession|powershell|ps1|cmd|fish)$/i;

type Values = readonly { readonly start: number; readonly end: number }[];

/** The rule with its own memory of the last analysis's lines: a keystroke scans only new lines. */
export function bracketedValueRule(): (ctx: RuleContext) => Finding[] {
  let previous = new Map<string, Values>();
  return (ctx) => {
    const current = new Map<string, Values>();
    const findings = bracketedValues(ctx, (line, shell) => {
      const key = `${shell ? 1 : 0}${line}`;
      let values = current.get(key) ?? previous.get(key);
      if (!values) values = valuesIn(line, shell);
      current.set(key, values);
      return values;
    });
    previous = current;
    return findings;
  };
}

function valuesIn(text: string, shell: boolean): Values {
  return scanLine(
    text.replace(/<!--.*?-->/g, (c) => ' '.repeat(c.length)),
    { shell },
  ).values.map(({ start, end }) => ({ start, end }));
}

export function bracketedValues(
  ctx: RuleContext,
  scan: (line: string, shell: boolean) => Values = valuesIn,
): Finding[] {
  const { checklist, t } = ctx;
  if (checklist.items.length === 0 || !ctx.text.includes('[')) return [];
  const lines = ctx.text.split('\n');
  const findings: Finding[] = [];
  for (const item of checklist.items) {
    let fence: { mark: string; shell: boolean } | undefined;
    const last = Math.min(item.range.end.line, lines.length - 1);
    for (let line = item.headingRange.end.line + 1; line <= last; line++) {
      const text = lines[line] ?? '';
      const mark = FENCE.exec(text);
      if (mark) {
        const marker = mark[1] ?? '';
        if (!fence) fence = { mark: marker.slice(0, 3), shell: SHELL_LANGS.test(mark[2] ?? '') };
        else if (marker.startsWith(fence.mark) && (mark[2] ?? '') === '') fence = undefined;
        continue;
      }
      if (!text.includes('[')) continue;
      for (const value of scan(text, fence?.shell === true)) {
        findings.push({
          code: 'bracketed-value',
          severity: 'hint',
          message: t('bracketedValue', item.id, item.shortTitle),
          range: range(line, value.start, line, value.end),
          data: { item: item.id },
        });
      }
    }
  }
  return findings;
}

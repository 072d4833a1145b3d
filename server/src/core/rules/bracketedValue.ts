// bracketed-value: the owner typed the answer inside the template's brackets
// ("**Responsable**: [María González]", "Fecha: [2025-12-09]"). Filled, so not
// an unfilled-placeholder, but a hint whose fix removes the brackets. The
// message never repeats the value (it could be a credential).
import { scanLine } from '../placeholders';
import type { Block } from '../markdown/blocks';
import type { Translate } from '../messages';
import type { Item } from '../model/checklist';
import { range, type Finding } from '../types';
import type { RuleContext } from './rule';

const FENCE = /^\s*(`{3,}|~{3,})\s*([\w+-]*)/;
const SHELL_LANGS = /^(?:bash|sh|shell|zsh|console|shellsession|powershell|ps1|cmd|fish)$/i;

type Values = readonly { readonly start: number; readonly end: number }[];

interface Memo {
  /** Each item's findings, with the blocks its lines were read from and the wording they were made in. */
  readonly items: WeakMap<
    Item,
    { readonly blocks: readonly Block[]; readonly t: Translate; readonly findings: Finding[] }
  >;
  readonly scan: (line: string, shell: boolean) => Values;
}

/**
 * The rule with its own memory of the last analysis: an item that is the same object (its parts unchanged) over
 * blocks of the same text at the same lines keeps its findings, and lines read before are not scanned again.
 */
export function bracketedValueRule(): (ctx: RuleContext) => Finding[] {
  let previous = new Map<string, Values>();
  const items: Memo['items'] = new WeakMap();
  return (ctx) => {
    const current = new Map<string, Values>();
    const findings = bracketedValues(ctx, {
      items,
      scan: (line, shell) => {
        const key = `${shell ? 1 : 0}${line}`;
        const values = current.get(key) ?? previous.get(key) ?? valuesIn(line, shell);
        current.set(key, values);
        return values;
      },
    });
    // Lines of items read again this time; the others are not needed while their items are kept.
    for (const [key, values] of current) previous.set(key, values);
    if (previous.size > 4 * current.size + 10_000) previous = current;
    return findings;
  };
}

function valuesIn(text: string, shell: boolean): Values {
  return scanLine(
    text.replace(/<!--.*?-->/g, (c) => ' '.repeat(c.length)),
    { shell },
  ).values.map(({ start, end }) => ({ start, end }));
}

export function bracketedValues(ctx: RuleContext, memo?: Memo): Finding[] {
  const { checklist, t } = ctx;
  if (checklist.items.length === 0 || !ctx.text.includes('[')) return [];
  let lines: string[] | undefined;
  const findings: Finding[] = [];
  for (const item of checklist.items) {
    const over = memo && blocksOver(ctx.blocks, item.headingRange.end.line + 1, item.range.end.line);
    const known = memo?.items.get(item);
    if (known && over && known.t === t && sameBlocks(known.blocks, over)) {
      for (const finding of known.findings) findings.push(finding);
      continue;
    }
    lines ??= ctx.text.split('\n');
    const own = itemFindings(item, lines, t, memo?.scan ?? valuesIn);
    if (memo && over) memo.items.set(item, { blocks: over, t, findings: own });
    for (const finding of own) findings.push(finding);
  }
  return findings;
}

function itemFindings(item: Item, lines: readonly string[], t: Translate, scan: Memo['scan']): Finding[] {
  const findings: Finding[] = [];
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
  return findings;
}

/** The blocks holding lines `from` to `to` (the last block reaches the end of the document). */
function blocksOver(blocks: readonly Block[], from: number, to: number): Block[] {
  let low = 0;
  let high = blocks.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if ((blocks[mid]?.startLine ?? 0) <= from) low = mid;
    else high = mid - 1;
  }
  const over: Block[] = [];
  for (let i = low; i < blocks.length; i++) {
    const block = blocks[i];
    if (!block || (block.startLine > to && over.length > 0)) break;
    over.push(block);
  }
  return over;
}

function sameBlocks(a: readonly Block[], b: readonly Block[]): boolean {
  return a.length === b.length && a.every((x, i) => x.startLine === b[i]?.startLine && x.text === b[i]?.text);
}

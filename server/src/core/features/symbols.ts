// The document outline: groups with their items, states in the detail.
import type { Translate } from '../messages';
import type { Checklist } from '../model/checklist';
import { range, type Range } from '../types';

export interface OutlineSymbol {
  readonly name: string;
  readonly detail: string;
  readonly kind: 'group' | 'item' | 'summary';
  readonly range: Range;
  readonly selectionRange: Range;
  readonly children: readonly OutlineSymbol[];
}

export function outline(checklist: Checklist, t: Translate): OutlineSymbol[] {
  const byId = new Map(checklist.items.map((item) => [item.id, item]));
  const symbols: OutlineSymbol[] = checklist.groups.map((group) => {
    const items = group.itemIds.map((id) => byId.get(id)).filter((item) => item !== undefined);
    const children = items.map((item) => ({
      name: `${item.id}. ${item.title}`,
      detail: [t(`state.${item.state}`), item.owner].filter(Boolean).join(' · '),
      kind: 'item' as const,
      range: item.range,
      selectionRange: item.headingRange,
      children: [],
    }));
    const done = items.filter((item) => item.state === 'done').length;
    const last = children.at(-1)?.range.end ?? group.range.end;
    return {
      name: group.title,
      detail: `${done}/${items.length}`,
      kind: 'group' as const,
      range: range(group.range.start.line, group.range.start.character, last.line, last.character),
      selectionRange: group.range,
      children,
    };
  });
  if (checklist.summary) {
    symbols.push({
      name: checklist.summary.title,
      detail: '',
      kind: 'summary',
      range: checklist.summary.range,
      selectionRange: checklist.summary.range,
      children: [],
    });
  }
  return symbols;
}

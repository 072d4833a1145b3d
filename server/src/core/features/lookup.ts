// Finds what stands at a position of an analysed checklist.
import type { Checklist, Item, Placeholder } from '../model/checklist';
import { contains, type Position } from '../types';

export function itemAt(checklist: Checklist, position: Position): Item | undefined {
  return checklist.items.find((item) => position.line >= item.range.start.line && position.line <= item.range.end.line);
}

export function placeholderAt(
  checklist: Checklist,
  position: Position,
): { item: Item; placeholder: Placeholder } | undefined {
  const item = itemAt(checklist, position);
  const placeholder = item?.placeholders.find((p) => contains(p.range, position));
  return item && placeholder ? { item, placeholder } : undefined;
}

/** The item whose heading or Estado line holds the position. */
export function itemHeadingOrStateAt(checklist: Checklist, position: Position): Item | undefined {
  return checklist.items.find(
    (item) => item.headingRange.start.line === position.line || item.stateField?.range.start.line === position.line,
  );
}

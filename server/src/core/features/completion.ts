// Completions: Estado values on an item's state line, and the options of a
// choice placeholder where one stands.
import type { Checklist } from '../model/checklist';
import { contains, range, type Position, type TextEdit } from '../types';
import { placeholderAt } from './lookup';
import { SETTABLE_STATES, stateText } from './stateText';

export interface Completion {
  readonly label: string;
  readonly kind: 'state' | 'option';
  readonly edit: TextEdit;
  readonly sortText: string;
}

export function completionsAt(checklist: Checklist, position: Position): Completion[] {
  const found = placeholderAt(checklist, position);
  if (found?.placeholder.kind === 'choice') {
    return found.placeholder.options.map((option, i) => ({
      label: option,
      kind: 'option' as const,
      edit: { range: found.placeholder.range, newText: option },
      sortText: String(i).padStart(3, '0'),
    }));
  }
  const item = checklist.items.find((i) => i.stateField && i.stateField.range.start.line === position.line);
  const field = item?.stateField;
  if (!field || position.character < field.valueRange.start.character - 1) return [];
  const valueRange = contains(field.valueRange, position)
    ? field.valueRange
    : range(
        field.valueRange.start.line,
        field.valueRange.start.character,
        position.line,
        Math.max(position.character, field.valueRange.end.character),
      );
  // Every state the vocabulary knows, so an unknown state is one completion away from a known one.
  return [...SETTABLE_STATES, 'at-risk' as const, 'not-applicable' as const].map((state, i) => {
    const text = stateText(state, checklist.language);
    return {
      label: text,
      kind: 'state' as const,
      edit: { range: valueRange, newText: text },
      sortText: String(i).padStart(3, '0'),
    };
  });
}

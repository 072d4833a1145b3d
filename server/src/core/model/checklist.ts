// The checklist model: plain, serialisable data that the server sends to the
// client as is and the CLI prints as JSON. Positions are document positions.
import type { PlaceholderKind, PlaceholderPurpose } from '../placeholders';
import type { Range } from '../types';

export type ItemState = 'pending' | 'in-progress' | 'done' | 'blocked' | 'unknown';

export interface Field {
  readonly key: string;
  readonly value: string;
  readonly range: Range;
  readonly valueRange: Range;
}

export interface Checkbox {
  readonly checked: boolean;
  readonly label: string;
  readonly range: Range;
  readonly boxRange: Range;
  readonly inFence: boolean;
}

export interface Placeholder {
  readonly text: string;
  readonly range: Range;
  readonly inFence: boolean;
  /** The words before it on its line ("Tiempo de respuesta:"). */
  readonly label: string;
  readonly kind: PlaceholderKind;
  readonly purpose: PlaceholderPurpose;
  readonly options: readonly string[];
}

export interface Fence {
  readonly lang: string;
  readonly range: Range;
  readonly lines: readonly { readonly line: number; readonly text: string }[];
}

export interface Item {
  /** The item's number as written ("3"). */
  readonly id: string;
  readonly title: string;
  readonly group: string;
  readonly blocker: boolean;
  readonly headingRange: Range;
  /** From the heading to the start of the item's last line (the blank line or rule before the next heading). */
  readonly range: Range;
  readonly fields: readonly Field[];
  readonly owner: string | undefined;
  readonly deadline: string | undefined;
  readonly state: ItemState;
  readonly stateField: Field | undefined;
  readonly checkboxes: readonly Checkbox[];
  readonly fences: readonly Fence[];
  readonly placeholders: readonly Placeholder[];
}

export interface Group {
  readonly title: string;
  readonly blocker: boolean;
  readonly range: Range;
  readonly itemIds: readonly string[];
}

export interface Checklist {
  readonly title: string | undefined;
  /** Fields written before the first section (`**Fecha de Creación**: 2025-12-07`). */
  readonly fields: readonly Field[];
  readonly groups: readonly Group[];
  readonly items: readonly Item[];
}

export interface Progress {
  readonly blockers: { readonly done: number; readonly total: number };
  readonly items: { readonly done: number; readonly total: number };
}

export function progressOf(checklist: Checklist): Progress {
  const done = (items: readonly Item[]) => items.filter((item) => item.state === 'done').length;
  const blockers = checklist.items.filter((item) => item.blocker);
  return {
    blockers: { done: done(blockers), total: blockers.length },
    items: { done: done(checklist.items), total: checklist.items.length },
  };
}

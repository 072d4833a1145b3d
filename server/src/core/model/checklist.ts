// The checklist model: plain, serialisable data that the server sends to the
// client as is and the CLI prints as JSON. Positions are document positions.
import type { BlankShape, PlaceholderKind, PlaceholderPurpose } from '../placeholders';
import type { FileReference } from '../references/types';
import type { Range } from '../types';

export type ItemState = 'pending' | 'in-progress' | 'done' | 'blocked' | 'unknown';

/** The language the checklist is written in, for text Readiness writes into it. */
export type DocumentLanguage = 'es' | 'en';

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
  /** How it is written: `[...]`, `____`, `<...>`, a `TBD` value, `☐` choices. */
  readonly shape: BlankShape;
  /** Marked optional ("[OPCIONAL]", "(si aplica)"): it never blocks done. */
  readonly optional: boolean;
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
  /** The summary's name for the item when the summary confirms it ("Smoke Tests"), else the title. */
  readonly shortTitle: string;
  readonly group: string;
  readonly blocker: boolean;
  readonly headingRange: Range;
  /** From the heading to the start of the item's last line (the blank line or rule before the next heading). */
  readonly range: Range;
  readonly fields: readonly Field[];
  readonly owner: string | undefined;
  readonly deadline: string | undefined;
  readonly deadlineField: Field | undefined;
  /** The due date (`YYYY-MM-DD`) the deadline resolves to against the creation date. */
  readonly due: string | undefined;
  readonly state: ItemState;
  readonly stateField: Field | undefined;
  readonly checkboxes: readonly Checkbox[];
  readonly fences: readonly Fence[];
  readonly placeholders: readonly Placeholder[];
  /** Files and folders the item points at (`docs/runbook.md`, `docs/playbooks/disk-full.md`), in document order. */
  readonly references: readonly FileReference[];
}

export interface Group {
  readonly title: string;
  readonly blocker: boolean;
  readonly range: Range;
  readonly itemIds: readonly string[];
}

/** A number the summary states ("(4 items)", "**Total**: 21 entregables"), with where it is written. */
export interface StatedCount {
  readonly value: number;
  readonly range: Range;
}

export interface SummaryEntry {
  readonly label: string;
  readonly checked: boolean;
  readonly range: Range;
  readonly boxRange: Range;
  /** The item this line stands for, matched by order and confirmed by name. */
  readonly itemId: string | undefined;
  readonly nameMatches: boolean;
}

export interface SummaryGroup {
  readonly title: string;
  readonly range: Range;
  readonly stated: StatedCount | undefined;
  readonly entries: readonly SummaryEntry[];
}

export interface Summary {
  readonly title: string;
  readonly range: Range;
  readonly groups: readonly SummaryGroup[];
  readonly total: StatedCount | undefined;
}

export interface Checklist {
  readonly title: string | undefined;
  readonly language: DocumentLanguage;
  /** Fields written before the first section (`**Fecha de Creación**: 2025-12-07`). */
  readonly fields: readonly Field[];
  /** The creation date (`YYYY-MM-DD`) relative deadlines count from. */
  readonly created: string | undefined;
  readonly groups: readonly Group[];
  readonly items: readonly Item[];
  readonly summary: Summary | undefined;
  /** Lines silenced by `<!-- readiness-ignore-next-line [codes] -->`, with the codes (empty: all). */
  readonly ignores: readonly { readonly line: number; readonly codes: readonly string[] }[];
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

export const emptyChecklist: Checklist = {
  title: undefined,
  language: 'en',
  fields: [],
  created: undefined,
  groups: [],
  items: [],
  summary: undefined,
  ignores: [],
};

// The checklist model: plain, serialisable data that the server sends to the
// client as is and the CLI prints as JSON. Positions are document positions.
import type { Language } from '../messages';
import type { BlankShape, PlaceholderKind, PlaceholderPurpose } from '../placeholders';
import type { FileReference } from './references/types';
import type { Range } from '../types';

export type ItemState = 'pending' | 'in-progress' | 'done' | 'blocked' | 'at-risk' | 'not-applicable' | 'unknown';

/**
 * How an item is written: a heading with item content, a section whose checks it holds, a
 * top-level task or numbered entry with its own content, or a table row.
 */
export type ItemKind = 'heading' | 'section' | 'task' | 'step' | 'row';

/** A unit an owner ticks: a task box (at any depth, also in fenced blocks), a table row with a status, checkbox, decision or owner column, a numbered procedure step. */
export interface Check {
  readonly kind: 'box' | 'row' | 'step';
  readonly label: string;
  readonly state: ItemState;
  /** The line of the box, row or step. */
  readonly range: Range;
  /** The box (`[ ]`) or the status cell, when there is one. */
  readonly markRange: Range | undefined;
  readonly blocker: boolean;
}

/** One option of a status written as a choice of boxes (`[ ] Complete | [x] At Risk`). */
export interface StateChoice {
  readonly label: string;
  readonly ticked: boolean;
  readonly range: Range;
}

/** The language the checklist is written in, for text Readiness writes into it. */
export type DocumentLanguage = Language;

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
  readonly kind: ItemKind;
  readonly checks: readonly Check[];
  /** The options when the state is written as a choice of boxes; none ticked leaves the state unknown. */
  readonly stateChoice: readonly StateChoice[] | undefined;
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
  /** A task line (`- [x] Redis`) or a table row (`| Redis | ✅ |`), whose state cell is `boxRange`. */
  readonly kind?: 'box' | 'row';
  /** The summary's own group for a nested list ("- Bloqueantes" over its tasks). */
  readonly section?: string | undefined;
  readonly range: Range;
  readonly boxRange: Range;
  /** The item this line stands for, matched by name first, order second. */
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
  /** Blanks outside every item: header fields (`**Reviewer**: <name>`), a decision or signature line under a table. */
  readonly blanks?: readonly Placeholder[];
  /** Counts the document states outside the summary's groups ("6 items, 2 completed", "Total de elementos críticos: 4"). */
  readonly claims?: readonly CountClaim[];
  /** What the document says of itself as a whole ("Estado: Listo", "READY FOR LAUNCH"). */
  readonly overall?: readonly OverallState[];
  /** Lines that look like items but are not read as ones (a numbered bold paragraph), for the structure finding. */
  readonly nearMisses?: readonly { readonly line: number; readonly text: string }[];
}

/** A number the document states about itself, and what it counts. */
export interface CountClaim {
  readonly value: number;
  readonly counts: 'items' | 'done' | 'blockers';
  /** The group the count is written in (its heading), or undefined for the whole document. */
  readonly group: string | undefined;
  readonly range: Range;
}

export interface OverallState {
  readonly text: string;
  readonly state: ItemState;
  readonly range: Range;
}

export interface Progress {
  readonly blockers: { readonly done: number; readonly total: number };
  readonly items: { readonly done: number; readonly total: number };
  /** Checks (boxes, rows, steps); always set by progressOf, optional for progress written before there were checks. */
  readonly checks?: { readonly done: number; readonly total: number };
}

/** Done over total; what is not applicable counts for neither. */
export function progressOf(checklist: Checklist): Progress {
  const count = (units: readonly { readonly state: ItemState }[]) => {
    const applicable = units.filter((unit) => unit.state !== 'not-applicable');
    return { done: applicable.filter((unit) => unit.state === 'done').length, total: applicable.length };
  };
  return {
    blockers: count(checklist.items.filter((item) => item.blocker)),
    items: count(checklist.items),
    checks: count(checklist.items.flatMap((item) => item.checks)),
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

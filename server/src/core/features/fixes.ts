// Quick fixes and source actions, as plain edits. The server turns them into
// LSP code actions; nothing here knows about the protocol.
import type { Now } from '../dates';
import { detectMojibakeLines } from '../encoding';
import type { Translate } from '../messages';
import type { Checklist, DocumentLanguage, Item, Placeholder } from '../model/checklist';
import { range, type Range, type TextEdit } from '../types';
import { SETTABLE_STATES, stateText, type SettableState } from './stateText';

/** LSP code action kinds; source actions are named under `source.readiness.`. */
export type FixKind = 'quickfix' | 'refactor.rewrite' | `source.readiness.${string}`;

export const SYNC_SUMMARY_KIND = 'source.readiness.syncSummary';
export const REDACT_SECRETS_KIND = 'source.readiness.redactSecrets';

export interface Fix {
  readonly title: string;
  readonly kind: FixKind;
  readonly edits: readonly TextEdit[];
  readonly isPreferred?: boolean;
}

/** What an optional blank left out says, in the checklist's language. */
export const NOT_APPLICABLE: Record<DocumentLanguage, string> = { es: 'No aplica', en: 'N/A' };

/** One fix per option of a choice placeholder; today's date for a date placeholder; "not applicable" for an optional one. */
export function placeholderFixes(
  placeholder: Placeholder,
  now: Now,
  t: Translate,
  language: DocumentLanguage = 'en',
): Fix[] {
  const fixes = valueFixes(placeholder, now, t);
  // An empty cell may simply not apply to this row (a state cell offers "N/A" among its options).
  const cell = placeholder.shape === 'empty' && placeholder.kind !== 'choice';
  if (!placeholder.optional && !cell) return fixes;
  const na = NOT_APPLICABLE[language];
  return [
    ...fixes,
    {
      title: t('fix.blankNotApplicable', na),
      kind: 'quickfix',
      edits: [{ range: placeholder.range, newText: written(placeholder, na) }],
    },
  ];
}

/** The text a fix writes into the blank: a value written into an empty cell keeps a space on each side. */
function written(placeholder: Placeholder, value: string): string {
  return placeholder.shape === 'empty' && placeholder.text === '' ? ` ${value} ` : value;
}

/** "Remove the brackets" around a value typed inside them (a `bracketed-value` finding's range). */
export function removeBracketsFix(text: string, at: Range, t: Translate): Fix | undefined {
  const line = text.split('\n', at.start.line + 1)[at.start.line] ?? '';
  const written = line.slice(at.start.character, at.end.character);
  if (at.start.line !== at.end.line || !written.startsWith('[') || !written.endsWith(']')) return undefined;
  return {
    title: t('fix.removeBrackets'),
    kind: 'quickfix',
    isPreferred: true,
    edits: [{ range: at, newText: written.slice(1, -1).trim() }],
  };
}

function valueFixes(placeholder: Placeholder, now: Now, t: Translate): Fix[] {
  // Options written as task boxes under an empty field are answered by ticking one box, not by writing text.
  if (placeholder.kind === 'choice' && placeholder.shape === 'choice-boxes' && placeholder.text === '') return [];
  if (placeholder.kind === 'choice') {
    return placeholder.options.map((option) => ({
      title: t('fix.choose', option),
      kind: 'quickfix' as const,
      edits: [{ range: placeholder.range, newText: written(placeholder, option) }],
    }));
  }
  if (placeholder.kind === 'date') {
    const value = /HH|hora|time/i.test(placeholder.text) ? `${now.date} ${now.time}` : now.date;
    return [
      {
        title: t('fix.insertDate', value),
        kind: 'quickfix',
        edits: [{ range: placeholder.range, newText: written(placeholder, value) }],
        isPreferred: true,
      },
    ];
  }
  return [];
}

/** Edits that set an item's Estado and keep its summary checkbox in step. */
export function setStateEdits(checklist: Checklist, item: Item, state: SettableState): TextEdit[] {
  const edits: TextEdit[] = [];
  if (item.stateField) edits.push({ range: item.stateField.valueRange, newText: stateText(state, checklist.language) });
  const entry = checklist.summary?.groups.flatMap((g) => g.entries).find((e) => e.itemId === item.id);
  if (entry && entry.checked !== (state === 'done'))
    edits.push({ range: entry.boxRange, newText: state === 'done' ? '[x]' : '[ ]' });
  return edits;
}

export function stateFixes(checklist: Checklist, item: Item, t: Translate): Fix[] {
  if (!item.stateField) return [];
  return SETTABLE_STATES.filter((state) => state !== item.state).map((state) => ({
    title: t('fix.setState', item.id, stateText(state, checklist.language)),
    kind: 'refactor.rewrite' as const,
    edits: setStateEdits(checklist, item, state),
  }));
}

/** "Mark item N as not applicable": its state, written in the document's language; progress and the verdict then leave it out. */
export function notApplicableFix(checklist: Checklist, item: Item, t: Translate): Fix | undefined {
  if (!item.stateField || item.state === 'not-applicable') return undefined;
  return {
    title: t('fix.notApplicable', item.id),
    kind: 'quickfix',
    edits: setStateEdits(checklist, item, 'not-applicable'),
  };
}

/** Ticks or unticks every summary line whose item's state says otherwise. */
export function syncSummaryEdits(checklist: Checklist): TextEdit[] {
  const states = new Map(checklist.items.map((item) => [item.id, item.state]));
  const edits: TextEdit[] = [];
  for (const entry of checklist.summary?.groups.flatMap((g) => g.entries) ?? []) {
    if (entry.itemId === undefined) continue;
    const done = states.get(entry.itemId) === 'done';
    if (entry.checked !== done) edits.push({ range: entry.boxRange, newText: done ? '[x]' : '[ ]' });
  }
  return edits;
}

export function syncSummaryFix(checklist: Checklist, t: Translate, kind: FixKind): Fix | undefined {
  const edits = syncSummaryEdits(checklist);
  return edits.length === 0 ? undefined : { title: t('fix.syncSummary'), kind, edits };
}

/** Repairs just the mis-encoded lines, each in place. */
export function repairEncodingFix(text: string, t: Translate): Fix | undefined {
  const repair = detectMojibakeLines(text);
  if (!repair) return undefined;
  return {
    title: t('fix.repairEncoding', repair.encoding),
    kind: 'quickfix',
    isPreferred: true,
    edits: repair.lines.map((l) => ({ range: range(l.line, 0, l.line, l.damaged.length), newText: l.repaired })),
  };
}

export { SETTABLE_STATES, type SettableState };

// Sign-offs: lines such as `- Firma: [Nombre] - [Fecha]`, `Aprobado por: Ana Gómez — 2026-12-03`,
// `Sign-off: [Name], [Date]` or `Approved by: ...`, each with a name and a date,
// filled or still blank. A sign-off covers the item it is written in when that item
// has smoke tests, otherwise the whole checklist; one dated before the newest
// stamped evidence it covers is `stale-signoff`: the evidence changed after the
// signer looked at it (a re-run after the sign-off does that too).
import { LineIndex } from '../markdown/lines';
import type { Translate } from '../messages';
import type { Checklist, Item } from '../model/checklist';
import { classifyPlaceholder, findPlaceholders } from '../placeholders';
import type { Block } from '../markdown/blocks';
import { range, shiftRange, type Finding, type Range } from '../types';
import type { TestEvidenceRecord } from './evidenceState';

export interface SignOff {
  readonly line: number;
  /** The label as written: "Firma", "Approved by". */
  readonly label: string;
  /** The signer's name, or undefined while it is a blank. */
  readonly name: string | undefined;
  readonly nameRange: Range;
  /** `YYYY-MM-DD`, or undefined while it is a blank. */
  readonly date: string | undefined;
  /** `HH:MM` when the sign-off states a time. */
  readonly time: string | undefined;
  readonly dateRange: Range;
  /** The date blank asks for a time too (`[YYYY-MM-DD HH:MM]`), or the written date has one. */
  readonly wantsTime: boolean;
  /** The item the line is in, if any. */
  readonly itemId: string | undefined;
  /** The items whose evidence it vouches for. */
  readonly covers: readonly string[];
  /** The newest stamped evidence among them, when there is some. */
  readonly newestEvidence: { readonly test: string; readonly date: string; readonly time: string } | undefined;
}

const LABEL =
  /^([ \t>]*(?:[-*+][ \t]+)?(?:\*\*|__)?)(firma(?:do por)?|aprobado por|aprobaci[oó]n|visto bueno|sign[- ]?off(?: by)?|signed(?: off)?(?: by)?|signature|approved by|approval)((?:\*\*|__)?[ \t]*:(?:\*\*|__)?[ \t]*)(.*)$/i;
/** Where a sign-off line may start: one pass over the text instead of a regular expression per line. */
const CANDIDATE = /^[ \t>]*(?:[-*+][ \t]+)?(?:\*\*|__)?(?:firma|aprob|visto|sign|approv)/gim;
const WRITTEN_DATE = /\b(\d{4}-\d{2}-\d{2})(?:[ T](\d{2}:\d{2}))?\b/;
const SEPARATOR_END = /[ \t]*(?:[-–—|,/·][ \t]*)?$/;
const SEPARATOR_START = /^[ \t]*(?:[-–—|,/·][ \t]*)?/;

/**
 * Finds sign-off lines block by block, keeping each block's lines by its text, so after an edit
 * only the changed blocks are read again (as the analyzer does for facts and secrets).
 */
export class SignOffScanner {
  private cache = new Map<string, readonly ParsedLine[]>();

  find(
    blocks: readonly Pick<Block, 'startLine' | 'text'>[],
    checklist: Checklist,
    evidence: readonly TestEvidenceRecord[],
  ): SignOff[] {
    const next = new Map<string, readonly ParsedLine[]>();
    const out: SignOff[] = [];
    let everything: readonly string[] | undefined;
    for (const block of blocks) {
      const lines = next.get(block.text) ?? this.cache.get(block.text) ?? parseBlock(block.text);
      next.set(block.text, lines);
      for (const parsed of lines) {
        const line = parsed.line + block.startLine;
        const placed: ParsedLine = {
          ...parsed,
          line,
          nameRange: shiftRange(parsed.nameRange, block.startLine),
          dateRange: shiftRange(parsed.dateRange, block.startLine),
        };
        const item = itemAt(checklist.items, line);
        const covers = item && hasSmokeTests(item) ? [item.id] : (everything ??= checklist.items.map((i) => i.id));
        const newestEvidence =
          evidence.length === 0 ? undefined : newest(evidence.filter((r) => covers.includes(r.itemId)));
        out.push({ ...placed, itemId: item?.id, covers, newestEvidence });
      }
    }
    this.cache = next;
    return out;
  }
}

/** The item whose range holds the line (items are in document order and do not overlap). */
function itemAt(items: readonly Item[], line: number): Item | undefined {
  let low = 0;
  let high = items.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const item = items[mid];
    if (!item) return undefined;
    if (line < item.range.start.line) high = mid - 1;
    else if (line > item.range.end.line) low = mid + 1;
    else return item;
  }
  return undefined;
}

/** The sign-off lines of a whole document, with what each covers. */
export function findSignOffs(text: string, checklist: Checklist, evidence: readonly TestEvidenceRecord[]): SignOff[] {
  return new SignOffScanner().find([{ startLine: 0, text }], checklist, evidence);
}

function parseBlock(text: string): ParsedLine[] {
  const starts = [...text.matchAll(CANDIDATE)].map((m) => m.index);
  if (starts.length === 0) return [];
  const lines = new LineIndex(text);
  const out: ParsedLine[] = [];
  for (const line of new Set(starts.map((offset) => lines.positionAt(offset).line))) {
    const parsed = parseLine(lines.lineText(line), line);
    if (parsed) out.push(parsed);
  }
  return out;
}

/** An item with a `$ curl` command in one of its blocks (the smoke tests a sign-off in it vouches for). */
function hasSmokeTests(item: Item): boolean {
  return item.fences.some((fence) => fence.lines.some((line) => /^\$?\s*(?:time\s+)?curl\s/.test(line.text)));
}

type ParsedLine = Omit<SignOff, 'itemId' | 'covers' | 'newestEvidence'>;

function parseLine(text: string, line: number): ParsedLine | undefined {
  const match = LABEL.exec(text);
  if (!match) return undefined;
  const label = match[2] ?? '';
  const valueStart = (match[1] ?? '').length + label.length + (match[3] ?? '').length;
  const value = match[4] ?? '';
  const at = (start: number, end: number) => range(line, valueStart + start, line, valueStart + end);

  // The date: written, or a date blank.
  let date: string | undefined;
  let time: string | undefined;
  let dateSpan: [number, number] | undefined;
  let wantsTime = false;
  const written = WRITTEN_DATE.exec(value);
  if (written) {
    date = written[1];
    time = written[2];
    wantsTime = time !== undefined;
    dateSpan = [written.index, written.index + written[0].length];
  } else {
    const blank = findPlaceholders(value).find((p) => classifyPlaceholder(p.text).kind === 'date');
    if (!blank) return undefined;
    wantsTime = /HH|hora|time/i.test(blank.text);
    dateSpan = [blank.start, blank.end];
  }

  // The name: what is left on one side of the date, without the separator.
  const before = value.slice(0, dateSpan[0]).replace(SEPARATOR_END, '');
  const beforeStart = before.length - before.trimStart().length;
  let nameSpan: [number, number] | undefined = before.trim() === '' ? undefined : [beforeStart, before.length];
  if (!nameSpan) {
    const rest = value.slice(dateSpan[1]);
    const lead = SEPARATOR_START.exec(rest)?.[0].length ?? 0;
    const name = rest.slice(lead).trimEnd();
    if (name !== '') nameSpan = [dateSpan[1] + lead, dateSpan[1] + lead + name.length];
  }
  if (!nameSpan) return undefined;
  const nameText = value.slice(nameSpan[0], nameSpan[1]);
  const nameBlank = findPlaceholders(nameText).some((p) => p.start === 0 && p.end === nameText.length);
  // A name that is a whole sentence is not a signature ("Approved by: the security team after review on ...").
  if (!nameBlank && nameText.split(/\s+/).length > 6) return undefined;
  return {
    line,
    label,
    name: nameBlank ? undefined : nameText,
    nameRange: at(nameSpan[0], nameSpan[1]),
    date,
    time,
    dateRange: at(dateSpan[0], dateSpan[1]),
    wantsTime,
  };
}

function newest(records: readonly TestEvidenceRecord[]): SignOff['newestEvidence'] {
  let best: SignOff['newestEvidence'];
  for (const record of records) {
    const ran = record.stamp?.ran;
    if (!ran) continue;
    const candidate = { test: record.number, date: ran.slice(0, 10), time: ran.slice(11, 16) };
    if (!best || `${candidate.date} ${candidate.time}` > `${best.date} ${best.time}`) best = candidate;
  }
  return best;
}

/** A filled sign-off whose date (and time, when it has one) is before the newest evidence it covers. */
export function isStale(signOff: SignOff): boolean {
  const evidence = signOff.newestEvidence;
  if (!evidence || signOff.date === undefined || signOff.name === undefined) return false;
  if (signOff.date !== evidence.date) return signOff.date < evidence.date;
  return signOff.time !== undefined && signOff.time < evidence.time;
}

export function signOffFindings(signOffs: readonly SignOff[], t: Translate): Finding[] {
  return signOffs.filter(isStale).map((s) => ({
    code: 'stale-signoff',
    severity: 'warning',
    message: t(
      'signoff.stale',
      s.name ?? '',
      `${s.date ?? ''}${s.time ? ` ${s.time}` : ''}`,
      s.newestEvidence?.test ?? '',
      `${s.newestEvidence?.date ?? ''} ${s.newestEvidence?.time ?? ''}`,
    ),
    range: range(
      s.line,
      Math.min(s.nameRange.start.character, s.dateRange.start.character),
      s.line,
      Math.max(s.nameRange.end.character, s.dateRange.end.character),
    ),
    data: { line: s.line },
  }));
}

// status-mismatch, the header's part: what the document says about itself
// against what it is.
// - an overall status line ("Estado General: ⏳ PENDIENTE", a closing "Estado: ...")
//   that contradicts the verdict (PENDIENTE while every blocker is done, or
//   LISTO / GO while the verdict is NO-GO);
// - a stated count of blockers or items, anywhere outside the fences ("Los **6**
//   BLOQUERS", "21 entregables"), that is not what the checklist has;
// - a "Última Actualización" / "Last updated" older than the newest date the
//   evidence records (a smoke run, a backup, a signature).
// These follow the verdict and never decide it (see `verdict.ts`). The same lines
// give `lastUpdatedEdits`, which Readiness's own edits use to bump the date.
import { translator, type Translate } from '../messages';
import type { Block } from '../markdown/blocks';
import type { Checklist, Fence } from '../model/checklist';
import { withoutPlaceholders } from '../report/smokeEvidence';
import { intersects, range, type Finding, type Range, type TextEdit } from '../types';
import { quickDecision } from '../verdict';

export interface HeaderContext {
  readonly text: string;
  readonly checklist: Checklist;
  /** The findings of every other rule: the verdict depends on them. */
  readonly findings: readonly Finding[];
  readonly t: Translate;
  readonly today: string | undefined;
  /** The lines the checks read (a {@link HeaderScanner}'s); by default every line outside the fences. */
  readonly lines?: readonly { line: number; text: string }[];
}

interface ValueAt {
  readonly line: number;
  readonly key: string;
  readonly value: string;
  readonly range: Range;
  /** `**` when the value is written (partly) in bold. */
  readonly emphasis: string;
}

const FIELD_LINE = /^(\s*(?:[-*+]\s+)?(?:\*\*|__)?([^*_:\n]{2,40}?)(?:\*\*|__)?\s*:\s*(?:\*\*|__)?\s*)(.*?)\s*$/u;
const OVERALL_KEY =
  /^(?:estado general|estado global|estado del documento|overall status|overall state|global status|document status)$/iu;
const STATE_KEY = /^(?:estado|status|state)$/iu;
const LAST_UPDATED_KEY = /^(?:[úu]ltima actualizaci[óo]n|last updated?|updated|actualizado)$/iu;
const DATE = /\b(\d{4})-(\d{2})-(\d{2})\b/g;
const FENCE = /^\s{0,3}(?:`{3,}|~{3,})/;

const CLAIMS_GO =
  /✅|🟢|(?<![\p{L}-]|NO[- ])\bGO\b|\b(?:LISTO|LISTA|READY|APROBADO|APPROVED|COMPLETAD[OA]S?|COMPLETE[D]?|DONE|FINALIZADO|TERMINADO)\b/iu;
const CLAIMS_PENDING =
  /⏳|🔄|🚧|❌|⛔|🔴|\bNO[- ]GO\b|\b(?:PENDIENTES?|PENDING|EN PROGRESO|EN CURSO|IN PROGRESS|BLOQUEAD[OA]|BLOCKED|INCOMPLET[OA]|NOT READY)\b/iu;

const BLOCKER_COUNT =
  /(?<![\p{L}\p{N}.,])(\*\*|__)?(\d{1,4})\1\s+(?:\*\*|__)?(?:BLOQUERS?|BLOQUEANTES?|BLOCKERS?|[íi]tems? bloqueantes|blocking items?)(?![\p{L}])/giu;
const ITEM_COUNT =
  /(?<![\p{L}\p{N}.,])(\*\*|__)?(\d{1,4})\1\s+(?:\*\*|__)?(?:entregables|deliverables|[íi]tems)(?![\p{L}])/giu;

export function headerFindings(ctx: HeaderContext): Finding[] {
  const { checklist } = ctx;
  if (checklist.items.length === 0) return [];
  const lines = ctx.lines ?? outsideFences(ctx.text);
  return [...statusFindings(ctx, lines), ...countFindings(ctx, lines), ...updatedFindings(ctx, lines)];
}

interface BlockLines {
  /** The block's lines outside fences that a check can read, with their block-relative numbers. */
  readonly lines: readonly { readonly line: number; readonly text: string }[];
  readonly inFenceAfter: boolean;
}

const ANY_BLOCKER_COUNT = new RegExp(BLOCKER_COUNT.source, 'iu');
const ANY_ITEM_COUNT = new RegExp(ITEM_COUNT.source, 'iu');

/**
 * The lines the header checks read, found block by block and kept per block text (and the fence state the
 * block starts in), so that after an edit only changed blocks are read again. A line is kept when a check
 * could use it: a status, overall-status or last-updated field with a value, or a count of blockers or items.
 */
export class HeaderScanner {
  /** By block text, for a block that starts outside a fence and for one that starts inside. */
  private known = { outside: new Map<string, BlockLines>(), inside: new Map<string, BlockLines>() };

  lines(blocks: readonly Block[]): { line: number; text: string }[] {
    const next = { outside: new Map<string, BlockLines>(), inside: new Map<string, BlockLines>() };
    const out: { line: number; text: string }[] = [];
    let inFence = false;
    for (const block of blocks) {
      const state: 'inside' | 'outside' = inFence ? 'inside' : 'outside';
      const read: BlockLines =
        next[state].get(block.text) ?? this.known[state].get(block.text) ?? readBlock(block.text, inFence);
      next[state].set(block.text, read);
      for (const l of read.lines) out.push({ line: block.startLine + l.line, text: l.text });
      inFence = read.inFenceAfter;
    }
    this.known = next;
    return out;
  }
}

function readBlock(text: string, inFence: boolean): BlockLines {
  const lines: { line: number; text: string }[] = [];
  for (const { line: at, text: lineText } of outsideFences(text, inFence)) {
    const field = fieldAt(at, lineText);
    const read =
      (field !== undefined &&
        ((field.value !== '' && (OVERALL_KEY.test(field.key) || STATE_KEY.test(field.key))) ||
          LAST_UPDATED_KEY.test(field.key))) ||
      (/\d/.test(lineText) && (ANY_BLOCKER_COUNT.test(lineText) || ANY_ITEM_COUNT.test(lineText)));
    if (read) lines.push({ line: at, text: lineText });
  }
  return { lines, inFenceAfter: fenceStateAfter(text, inFence) };
}

/** Edits that set every "Última Actualización" older than `today` to `today`, for Readiness's own edits. */
export function lastUpdatedEdits(text: string, checklist: Checklist, today: string): TextEdit[] {
  return lastUpdatedLines(outsideFences(text), checklist)
    .filter((v) => v.date < today)
    .map((v) => ({ range: v.range, newText: today }));
}

/** Readiness's own edits with the last-updated dates bumped to `today` (where the edits do not touch them). */
export function withLastUpdatedBump(
  edits: readonly TextEdit[],
  text: string,
  checklist: Checklist,
  today: string,
): TextEdit[] {
  if (edits.length === 0) return [];
  const bumps = lastUpdatedEdits(text, checklist, today).filter(
    (bump) => !edits.some((edit) => intersects(edit.range, bump.range)),
  );
  return [...edits, ...bumps];
}

/** The lines outside fenced blocks, with their numbers. */
function outsideFences(text: string, startInFence = false): { line: number; text: string }[] {
  const out: { line: number; text: string }[] = [];
  let inFence = startInFence;
  let line = 0;
  for (const raw of text.split('\n')) {
    const lineText = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (FENCE.test(lineText)) inFence = !inFence;
    else if (!inFence) out.push({ line, text: lineText });
    line++;
  }
  return out;
}

function fenceStateAfter(text: string, startInFence: boolean): boolean {
  let inFence = startInFence;
  for (const raw of text.split('\n')) if (FENCE.test(raw.endsWith('\r') ? raw.slice(0, -1) : raw)) inFence = !inFence;
  return inFence;
}

const itemLines = new WeakMap<Checklist, Uint8Array>();

/** Whether the line lies in an item's range: one table of the lines per model, not a search of the items per line. */
function inItem(checklist: Checklist, line: number): boolean {
  let lines = itemLines.get(checklist);
  if (!lines) {
    lines = new Uint8Array(checklist.items.reduce((last, item) => Math.max(last, item.range.end.line + 1), 0));
    for (const item of checklist.items) lines.fill(1, item.range.start.line, item.range.end.line + 1);
    itemLines.set(checklist, lines);
  }
  return lines[line] === 1;
}

function fieldAt(line: number, text: string): ValueAt | undefined {
  if (!text.includes(':')) return undefined;
  const match = FIELD_LINE.exec(text);
  if (!match) return undefined;
  const prefix = match[1] ?? '';
  const value = match[3] ?? '';
  const emphasis = value.includes('**') ? '**' : '';
  return {
    line,
    key: (match[2] ?? '').trim(),
    value,
    range: range(line, prefix.length, line, prefix.length + value.length),
    emphasis,
  };
}

function statusLines(lines: readonly { line: number; text: string }[], checklist: Checklist): ValueAt[] {
  const out: ValueAt[] = [];
  for (const { line, text } of lines) {
    const field = fieldAt(line, text);
    if (!field || field.value === '') continue;
    // "Estado General" anywhere; a plain "Estado" only outside the items (the document's closing lines).
    if (
      OVERALL_KEY.test(field.key) ||
      (STATE_KEY.test(field.key) && !inItem(checklist, line) && line > (checklist.groups[0]?.range.start.line ?? 0))
    )
      out.push(field);
  }
  return out;
}

function statusFindings(ctx: HeaderContext, lines: readonly { line: number; text: string }[]): Finding[] {
  const statuses = statusLines(lines, ctx.checklist);
  if (statuses.length === 0) return [];
  const decision = quickDecision(ctx.checklist, ctx.findings, ctx.text);
  const findings: Finding[] = [];
  for (const status of statuses) {
    const text = withoutPlaceholders(status.value);
    const go = CLAIMS_GO.test(text) && !/\bNO[- ]GO\b/iu.test(text);
    const pending = CLAIMS_PENDING.test(text);
    const contradicts = decision === 'go' ? pending && !go : go && !pending;
    if (!contradicts) continue;
    const wanted = overallText(decision, ctx.checklist);
    const newText = status.emphasis
      ? `${wanted.emoji} ${status.emphasis}${wanted.words}${status.emphasis}`
      : `${wanted.emoji} ${wanted.words}`;
    findings.push({
      code: 'status-mismatch',
      severity: 'warning',
      message: ctx.t(
        'header.statusContradicts',
        status.key,
        status.value.replace(/\*\*|__/g, ''),
        decision === 'go' ? 'GO' : 'NO-GO',
      ),
      range: status.range,
      data: { kind: 'header-status', newText, title: ctx.t('fix.headerStatus', newText.replace(/\*\*/g, '')) },
    });
  }
  return findings;
}

function overallText(decision: 'go' | 'no-go', checklist: Checklist): { emoji: string; words: string } {
  // In the document's language, not the display language: the fix writes it into the document.
  const t = translator(checklist.language);
  if (decision === 'go') return { emoji: '✅', words: t('header.overallGo') };
  return { emoji: '⏳', words: t('header.overallNoGo') };
}

function countFindings(ctx: HeaderContext, lines: readonly { line: number; text: string }[]): Finding[] {
  const { checklist, t } = ctx;
  const blockers = checklist.items.filter((i) => i.blocker).length;
  const items = checklist.items.length;
  // The summary's own counts ("(6 items)" per group, "Total: 21") belong to the summary rule.
  const summaryLines = new Set([
    ...(checklist.summary?.groups.map((g) => g.range.start.line) ?? []),
    ...(checklist.summary?.total ? [checklist.summary.total.range.start.line] : []),
  ]);
  const findings: Finding[] = [];
  const check = (
    line: number,
    text: string,
    pattern: RegExp,
    actual: number,
    key: 'header.blockerCount' | 'header.itemCount',
  ) => {
    for (const match of text.matchAll(pattern)) {
      const stated = Number(match[2]);
      if (stated === actual) continue;
      const start = match.index + (match[1]?.length ?? 0);
      findings.push({
        code: 'status-mismatch',
        severity: 'warning',
        message: t(key, stated, actual),
        range: range(line, start, line, start + (match[2]?.length ?? 0)),
        data: { kind: 'count', value: actual, header: true },
      });
    }
  };
  for (const { line, text } of lines) {
    if (summaryLines.has(line) || !/\d/.test(text)) continue;
    if (blockers > 0) check(line, text, BLOCKER_COUNT, blockers, 'header.blockerCount');
    if (!inItem(checklist, line)) check(line, text, ITEM_COUNT, items, 'header.itemCount');
  }
  return findings;
}

function lastUpdatedLines(
  lines: readonly { line: number; text: string }[],
  checklist: Checklist,
): (ValueAt & { date: string; range: Range })[] {
  const out: (ValueAt & { date: string; range: Range })[] = [];
  for (const { line, text } of lines) {
    const field = fieldAt(line, text);
    if (!field || !LAST_UPDATED_KEY.test(field.key) || inItem(checklist, line)) continue;
    DATE.lastIndex = 0;
    const match = DATE.exec(field.value);
    if (!match) continue;
    const start = field.range.start.character + match.index;
    out.push({ ...field, date: match[0], range: range(line, start, line, start + match[0].length) });
  }
  return out;
}

function updatedFindings(ctx: HeaderContext, lines: readonly { line: number; text: string }[]): Finding[] {
  const stamps = lastUpdatedLines(lines, ctx.checklist);
  if (stamps.length === 0) return [];
  const newest = newestEvidenceDate(ctx.checklist, ctx.today);
  if (newest === undefined) return [];
  return stamps
    .filter((s) => s.date < newest)
    .map((s) => {
      const newText = ctx.today ?? newest;
      return {
        code: 'status-mismatch' as const,
        severity: 'warning' as const,
        message: ctx.t('header.staleUpdated', s.key, s.date, newest),
        range: s.range,
        data: { kind: 'header-updated', newText, title: ctx.t('fix.headerUpdated', newText) },
      };
    });
}

/** The newest valid date written in the items' fenced evidence (not in a blank, not after today). */
function newestEvidenceDate(checklist: Checklist, today: string | undefined): string | undefined {
  let newest: string | undefined;
  for (const item of checklist.items) {
    for (const fence of item.fences) {
      const dates = fenceDates(fence);
      // The newest not after today: dates are sorted.
      let i = dates.length - 1;
      if (today !== undefined) while (i >= 0 && (dates[i] ?? '') > today) i--;
      const date = dates[i];
      if (date !== undefined && (newest === undefined || date > newest)) newest = date;
    }
  }
  return newest;
}

const datesOfFences = new WeakMap<Fence, readonly string[]>();

/** The valid dates a fence's lines hold outside blanks, sorted; kept with the fence, which an unchanged block keeps. */
function fenceDates(fence: Fence): readonly string[] {
  let dates = datesOfFences.get(fence);
  if (dates) return dates;
  const found: string[] = [];
  for (const { text } of fence.lines) {
    if (!/\d{4}-/.test(text)) continue;
    for (const match of withoutPlaceholders(text).matchAll(DATE)) {
      const [, , month, day] = match;
      if (Number(month) < 1 || Number(month) > 12 || Number(day) < 1 || Number(day) > 31) continue;
      found.push(match[0]);
    }
  }
  datesOfFences.set(fence, (dates = found.sort()));
  return dates;
}

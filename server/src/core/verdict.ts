// The supervisor's decision, computed once in the core: GO when every blocker
// item is done (or not applicable, with a reason) and none has open blanks,
// failing smoke evidence, a pasted secret or a status mismatch; otherwise NO-GO
// with the reasons, each pointing at an item and a line. Gaps outside the
// blockers are "conditions" that come with a GO. The sidebar, the status bar,
// `readiness gate` and the report all show this one verdict.
//
// Every text taken from the document goes through the masker, so no reason
// carries a secret. A checklist that marks no item as a blocker has every item
// treated as one: the gate never passes a checklist it cannot read as a release.
import type { Analysis } from './analyzer';
import { translator, type Translate } from './messages';
import type { Checklist, Item, Progress } from './model/checklist';
import { isReasonKey, stateText } from './model/fieldNames';
import type { SafeText } from './safeText';
import { failingEvidence, lineReader, readSmokeEvidence, type SmokeEvidence } from './report/smokeEvidence';
import { findSmokeTests, type SmokeSuite } from './smoke/recognize';
import type { Finding, Range } from './types';

export type Decision = 'go' | 'no-go';

export type ProblemKind =
  | 'state'
  | 'not-applicable-without-reason'
  | 'open-blanks'
  | 'failing-smoke'
  | 'failing-evidence'
  | 'secret'
  | 'status-mismatch'
  | 'overdue'
  | 'missing-file'
  | 'encoding'
  | 'not-checked';

export interface VerdictProblem {
  readonly kind: ProblemKind;
  /** 0-based line. */
  readonly line: number;
  readonly message: string;
  /** The smoke test's number, for `failing-smoke`. */
  readonly smokeTest?: string;
}

/** One reason for a NO-GO, or one condition of a GO: an item (or the document) and what is wrong with it. */
export interface VerdictEntry {
  readonly itemId: string | undefined;
  /** "Item 3 · Smoke Tests", or "Document" for what lies outside the items; masked. */
  readonly title: string;
  readonly blocker: boolean;
  /** 0-based line of the first problem. */
  readonly line: number;
  readonly problems: readonly VerdictProblem[];
  /** The title and every problem in one sentence. */
  readonly message: string;
}

export interface Verdict {
  readonly decision: Decision;
  /** "NO-GO: 6 of 6 blockers pending" / "GO: all blockers done". A blocker is pending until it is done with clean evidence. */
  readonly summary: string;
  readonly blockers: {
    /** Done (or not applicable with a reason) and without problems. */
    readonly ready: number;
    readonly total: number;
    /** False when no item is marked as a blocker, and every item was treated as one. */
    readonly declared: boolean;
  };
  readonly reasons: readonly VerdictEntry[];
  readonly conditions: readonly VerdictEntry[];
}

export interface VerdictContext {
  /** The document's text, for its smoke-test evidence and for masking. */
  readonly text: string;
  readonly t: Translate;
  /** The document's smoke tests, when the caller has them already. */
  readonly suite?: SmokeSuite | undefined;
  readonly mask?: SafeText | undefined;
  /** The evidence of the suite's tests, when the caller has read it already. */
  readonly evidence?: readonly SmokeEvidence[] | undefined;
}

const PROBLEM_ORDER: readonly ProblemKind[] = [
  'not-checked',
  'secret',
  'failing-smoke',
  'failing-evidence',
  'status-mismatch',
  'state',
  'not-applicable-without-reason',
  'open-blanks',
  'overdue',
  'missing-file',
  'encoding',
];

const NOT_APPLICABLE =
  /(?<![\p{L}\p{N}])(?:N\/A|n\.a\.|no aplica|not applicable|no corresponde|no procede)(?![\p{L}\p{N}])/iu;

/** Whether an item is marked not applicable, and whether it says why. */
export function notApplicable(item: Item): { readonly marked: boolean; readonly reasoned: boolean } {
  const value = item.stateField?.value ?? '';
  const marked = item.state === 'not-applicable' || NOT_APPLICABLE.test(value);
  if (!marked) return { marked, reasoned: false };
  const reasonField = item.fields.some(
    (f) => isReasonKey(f.key) && /\p{L}{2}/u.test(f.value) && !/^\s*\[.*\]\s*$/.test(f.value),
  );
  const rest = value
    .replace(NOT_APPLICABLE, ' ')
    .replace(/\[[^\]]*\]/g, ' ')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length > 1);
  return { marked, reasoned: reasonField || rest.length >= 2 };
}

/**
 * The decision alone, for the rules that compare the document's header with it. A blocker that is
 * not done (or has blanks, a secret or a mismatch) decides NO-GO without reading any evidence.
 */
export function quickDecision(checklist: Checklist, findings: readonly Finding[], text: string): Decision {
  const declared = checklist.items.some((item) => item.blocker);
  const blockers = checklist.items.filter((item) => !declared || item.blocker);
  if (blockers.length === 0) return 'no-go';
  if (findings.some((f) => f.code === 'secret' || f.code === 'skipped-large-file')) return 'no-go';
  const unready = blockers.some((item) => {
    const na = notApplicable(item);
    return na.marked ? !na.reasoned : item.state !== 'done' || item.placeholders.length > 0;
  });
  if (unready) return 'no-go';
  const analysis: Analysis = {
    checklist,
    findings,
    progress: { blockers: { done: 0, total: 0 }, items: { done: 0, total: 0 } },
    safeText: (value) => value,
    evidence: [],
    signOffs: [],
  };
  return verdictOf(analysis, { text, t: translator('en'), mask: (value) => value }).decision;
}

export function verdictOf(analysis: Analysis, context: VerdictContext): Verdict {
  const { t } = context;
  const { checklist, findings } = analysis;
  const mask = context.mask ?? analysis.safeText;
  const evidence =
    context.evidence ??
    readSmokeEvidence(context.suite ?? findSmokeTests(checklist, context.text), lineReader(context.text), t, mask);
  const declared = checklist.items.some((item) => item.blocker);
  const isBlocker = (item: Item) => !declared || item.blocker;

  const entries = new Map<string, { item: Item | undefined; problems: VerdictProblem[]; reason: boolean }>();
  const entryOf = (item: Item | undefined) => {
    const key = item?.id ?? '';
    let entry = entries.get(key);
    if (!entry) entries.set(key, (entry = { item, problems: [], reason: false }));
    return entry;
  };
  const add = (item: Item | undefined, problem: VerdictProblem, reason: boolean) => {
    const entry = entryOf(item);
    // Findings word themselves "Item 5 · Backups: ...", which the entry's title already says.
    const prefix = item ? t('item.prefix', item.id, item.shortTitle, '') : undefined;
    if (prefix && problem.message.startsWith(prefix))
      problem = { ...problem, message: problem.message.slice(prefix.length) };
    if (entry.problems.some((p) => p.kind === problem.kind && p.message === problem.message)) return;
    entry.problems.push(problem);
    if (reason) entry.reason = true;
  };

  for (const item of checklist.items) {
    const blocker = isBlocker(item);
    const na = notApplicable(item);
    const stateLine = item.stateField?.range.start.line ?? item.headingRange.start.line;
    if (na.marked) {
      if (!na.reasoned)
        add(
          item,
          { kind: 'not-applicable-without-reason', line: stateLine, message: t('verdict.notApplicableWithoutReason') },
          blocker,
        );
    } else if (item.state !== 'done') {
      add(item, { kind: 'state', line: stateLine, message: stateText(item.state, t) }, blocker);
      const blanks = item.placeholders.length;
      if (blanks > 0)
        add(
          item,
          {
            kind: 'open-blanks',
            line: item.placeholders[0]?.range.start.line ?? stateLine,
            message: t('verdict.openBlanks', blanks),
          },
          blocker,
        );
    }
    if (na.marked) continue;
    for (const test of evidence.filter((e) => e.itemId === item.id && e.outcome === 'failed')) {
      const message = t('verdict.smokeFailed', test.number, test.path, test.failures.join('; '));
      add(item, { kind: 'failing-smoke', line: test.failureLine, message, smokeTest: test.number }, blocker);
    }
    for (const line of failingLines(item, evidence)) {
      add(
        item,
        {
          kind: 'failing-evidence',
          line: line.line,
          message: t('verdict.failingEvidence', line.line + 1, mask(line.text.trim())),
        },
        blocker,
      );
    }
  }

  // Blanks outside every item (a header field, the decision line of a sign-off form) are a condition of the document.
  const documentBlanks = (checklist.blanks ?? []).filter((p) => !p.optional);
  if (documentBlanks.length > 0)
    add(
      undefined,
      {
        kind: 'open-blanks',
        line: documentBlanks[0]?.range.start.line ?? 0,
        message: t('verdict.openBlanks', documentBlanks.length),
      },
      false,
    );

  for (const finding of findings) {
    const item = itemOf(finding, checklist);
    const blocker = item !== undefined && isBlocker(item);
    const line = finding.range.start.line;
    switch (finding.code) {
      case 'secret':
        add(item, { kind: 'secret', line, message: finding.message }, true);
        break;
      case 'status-mismatch':
        // A ticked summary line stands for "dealt with", which an item not applicable (with a reason) is.
        if (item && finding.data?.['kind'] === 'summary-box' && notApplicable(item).reasoned) break;
        if (isHeaderFinding(finding))
          add(undefined, { kind: 'status-mismatch', line, message: finding.message }, false);
        else add(item, { kind: 'status-mismatch', line, message: finding.message }, blocker);
        break;
      case 'overdue':
        if (item && entries.has(item.id))
          add(item, { kind: 'overdue', line, message: t('verdict.overdue', item.due ?? '') }, false);
        break;
      case 'missing-file':
        add(item, { kind: 'missing-file', line, message: finding.message }, false);
        break;
      case 'mojibake':
        add(undefined, { kind: 'encoding', line, message: finding.message }, false);
        break;
      case 'skipped-large-file':
        add(undefined, { kind: 'not-checked', line, message: finding.message }, true);
        break;
      default:
        break;
    }
  }

  const reasons: VerdictEntry[] = [];
  const conditions: VerdictEntry[] = [];
  for (const entry of entries.values()) {
    const done = toEntry(entry.item, entry.problems, entry.item ? isBlocker(entry.item) : false, t, mask);
    (entry.reason ? reasons : conditions).push(done);
  }
  const order = (e: VerdictEntry) =>
    e.itemId === undefined ? -1 : checklist.items.findIndex((i) => i.id === e.itemId);
  reasons.sort((a, b) => order(a) - order(b) || a.line - b.line);
  conditions.sort((a, b) => order(a) - order(b) || a.line - b.line);

  const blockers = checklist.items.filter(isBlocker);
  const ready = blockers.filter((item) => entries.get(item.id)?.reason !== true).length;
  const decision: Decision = reasons.length === 0 && checklist.items.length > 0 ? 'go' : 'no-go';
  return {
    decision,
    summary: summaryOf(decision, ready, blockers.length, reasons.length, conditions.length, declared, t),
    blockers: { ready, total: blockers.length, declared },
    reasons,
    conditions,
  };
}

function summaryOf(
  decision: Decision,
  ready: number,
  total: number,
  reasons: number,
  conditions: number,
  declared: boolean,
  t: Translate,
): string {
  // Without a blocker mark every item gates the release, and the words say items.
  if (decision === 'go') {
    if (conditions > 0) return t(declared ? 'verdict.goWithConditions' : 'verdict.goItemsWithConditions', conditions);
    return t(declared ? 'verdict.go' : 'verdict.goItems');
  }
  if (total === 0) return t('verdict.noGoEmpty');
  if (ready < total) return t(declared ? 'verdict.noGo' : 'verdict.noGoItems', total - ready, total);
  return t('verdict.noGoOther', reasons);
}

function toEntry(
  item: Item | undefined,
  problems: VerdictProblem[],
  blocker: boolean,
  t: Translate,
  mask: SafeText,
): VerdictEntry {
  const sorted = [...problems].sort(
    (a, b) => PROBLEM_ORDER.indexOf(a.kind) - PROBLEM_ORDER.indexOf(b.kind) || a.line - b.line,
  );
  const title = item ? t('verdict.item', item.id, mask(item.shortTitle)) : t('verdict.document');
  return {
    itemId: item?.id,
    title,
    blocker,
    line: sorted[0]?.line ?? item?.headingRange.start.line ?? 0,
    problems: sorted,
    message: `${title}: ${sorted.map((p) => p.message).join('; ')}`,
  };
}

/** Header findings (overall status, stated counts, last updated) follow the verdict, so they never decide it. */
function isHeaderFinding(finding: Finding): boolean {
  const kind = finding.data?.['kind'];
  return typeof kind === 'string' && kind.startsWith('header-');
}

function itemOf(finding: Finding, checklist: Checklist): Item | undefined {
  const id = finding.data?.['item'];
  if (typeof id === 'string') {
    const byId = checklist.items.find((item) => item.id === id);
    if (byId) return byId;
  }
  return checklist.items.find((item) => within(finding.range, item.range));
}

function within(inner: Range, outer: Range): boolean {
  return inner.start.line >= outer.start.line && inner.start.line <= outer.end.line;
}

/** Lines of an item's fences, outside its smoke tests, that record a failure ("Resultado: ❌ FALLO"). */
function failingLines(item: Item, evidence: readonly SmokeEvidence[]): { line: number; text: string }[] {
  const out: { line: number; text: string }[] = [];
  const tests = evidence.filter((e) => e.itemId === item.id);
  for (const fence of item.fences) {
    for (const line of fence.lines) {
      if (tests.some((test) => test.line <= line.line && line.line <= test.lastLine)) continue;
      if (failingEvidence(line.text)) out.push(line);
    }
  }
  return out;
}

export type BlockerVerdictKind = 'go' | 'no-go' | 'no-blockers';

/** The blocker count over several checklists shown together (a badge): NO-GO while a blocker is not done. */
export interface BlockerVerdict {
  readonly kind: BlockerVerdictKind;
  /** Blocker items not done (pending, in progress, blocked or unknown): the view's badge. */
  readonly pending: number;
  readonly total: number;
}

/** The blocker count over one checklist's progress or, summed, over several; "no blockers" rather than GO without any. */
export function blockerVerdict(progress: readonly Progress[]): BlockerVerdict {
  const total = progress.reduce((sum, p) => sum + p.blockers.total, 0);
  const pending = total - progress.reduce((sum, p) => sum + p.blockers.done, 0);
  if (total === 0) return { kind: 'no-blockers', pending, total };
  if (pending > 0) return { kind: 'no-go', pending, total };
  return { kind: 'go', pending, total };
}

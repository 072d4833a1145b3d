// The view model of one checklist (`readiness/checklist`): what the sidebar, the status bar and the
// report display, decided here so that no front end decides it again. Each item carries its display
// state (overdue by the same test as the `overdue` diagnostic), every text a secret finding touches
// is masked (null) or left out, and the smoke tests carry their last results. Nothing else of the
// model goes out: no fences, no file references, no command text, no date to compare against.
import type {
  ChecklistResult,
  ChecklistSmokeTest,
  ChecklistView,
  FieldView,
  GroupView,
  ItemView,
  LastSmokeResultView,
  Masked,
  SecretMarkView,
  SmokeTestEvidence,
} from '../../protocol/checklistView';
import type { Analysis } from '../analyzer';
import { evidenceWords } from '../features/evidenceHover';
import type { TestEvidenceRecord } from '../rules/evidenceState';
import type { Item } from '../model/checklist';
import { isOverdue } from '../rules/overdue';
import type { SmokeSuite, SmokeTest } from '../smoke';
import { intersects, type Range } from '../types';
import { translator, type Translate } from '../messages';
import { verdictOf } from '../verdict';
import { ownerNames, ownersOf } from './owners';

/** The view's part of `ChecklistResult`: everything but the document's URI and version. */
export type ChecklistViewResult = Omit<ChecklistResult, 'uri' | 'version'>;

export interface ChecklistViewInput {
  readonly analysis: Analysis;
  /** The document's text, for the verdict's smoke-test evidence and masking. */
  readonly text: string;
  /** The display language of the verdict's sentences (English unless given). */
  readonly t?: Translate | undefined;
  readonly suite: SmokeSuite;
  /** The date (`YYYY-MM-DD`) items are overdue against, the one the diagnostics used; undefined marks none overdue. */
  readonly today: string | undefined;
  /** The last result of each smoke test run in this session, by test key. */
  readonly lastResults?: ReadonlyMap<string, LastSmokeResultView>;
  /**
   * Every test's evidence record (`allEvidence`), worded in the display language against the wall
   * clock `nowMs`; absent, the tests carry no evidence state.
   */
  readonly evidence?:
    { readonly records: readonly TestEvidenceRecord[]; readonly nowMs: number; readonly t: Translate } | undefined;
}

const NONE_RUN: ReadonlyMap<string, LastSmokeResultView> = new Map();

export function checklistView({
  analysis,
  text,
  t = translator('en'),
  suite,
  today,
  lastResults = NONE_RUN,
  evidence,
}: ChecklistViewInput): ChecklistViewResult {
  const { checklist, progress } = analysis;
  const secrets: SecretMarkView[] = analysis.findings
    .filter((f) => f.code === 'secret')
    .map((f) => ({ message: f.message, range: f.range }));
  const mask = (text: string, at: Range): Masked => (touchesAny(at, secrets) ? null : text);
  const records = new Map((evidence?.records ?? []).map((r) => [r.testKey, r]));
  const wordsOf = (key: string): SmokeTestEvidence | undefined => {
    const record = records.get(key);
    return record && evidence ? evidenceWords(record, evidence.nowMs, evidence.t) : undefined;
  };
  const smokeTests = suite.tests.map((test) =>
    smokeTestView(test, secrets, lastResults.get(test.key), wordsOf(test.key)),
  );
  const items = checklist.items.map((item) => itemView(item, secrets, suite.tests, today));
  const groups = checklist.groups.map((group): GroupView => ({
    title: mask(group.title, group.range),
    shortTitle: mask(shortGroupTitle(group.title), group.range),
    blocker: group.blocker,
    itemIds: group.itemIds,
  }));
  const view: ChecklistView = {
    title: checklist.title,
    groups,
    items,
    looseSecrets: secrets.filter((secret) => !checklist.items.some((item) => intersects(secret.range, item.range))),
    owners: ownersOf(items.map((item) => item.owner)),
  };
  return {
    isChecklist: true,
    checklist: view,
    progress,
    // The core's verdict (blockers, evidence, secrets, mismatches): the sidebar, status bar and report show it.
    verdict: verdictOf(analysis, { text, t, suite, mask: analysis.safeText }),
    smokeTests,
    ...(suite.stagingHost === undefined ? {} : { smokeStagingHost: suite.stagingHost }),
  };
}

/** The answer for a file that is not a checklist, or cannot be read as one: nothing, not an error. */
export const notAChecklistView: ChecklistViewResult = {
  isChecklist: false,
  checklist: undefined,
  progress: undefined,
  verdict: undefined,
  smokeTests: [],
};

/**
 * A group heading without its trailing explanation, which the tooltip keeps:
 * "🔴 BLOQUERS - ENTREGABLES OBLIGATORIOS (PRIORIDAD ABSOLUTA)" → "🔴 BLOQUERS".
 */
export function shortGroupTitle(title: string): string {
  const cut = title.search(/\s[-–—:]\s|\s\(/);
  return cut > 0 ? title.slice(0, cut).trim() : title;
}

function touchesAny(range: Range, secrets: readonly SecretMarkView[]): boolean {
  return secrets.some((secret) => intersects(range, secret.range));
}

function itemView(
  item: Item,
  allSecrets: readonly SecretMarkView[],
  tests: readonly SmokeTest[],
  today: string | undefined,
): ItemView {
  const secrets = allSecrets.filter((secret) => intersects(secret.range, item.range));
  const mask = (text: string, at: Range): Masked => (touchesAny(at, secrets) ? null : text);
  // The Owner value is not shown anywhere when a secret lies in that field (someone pasted a token there).
  const owner =
    item.owner !== undefined &&
    !item.fields.some((field) => field.value.includes(item.owner ?? '') && touchesAny(field.valueRange, secrets))
      ? item.owner
      : undefined;
  const deadlineHidden = item.deadlineField !== undefined && touchesAny(item.deadlineField.valueRange, secrets);
  const deadline = deadlineHidden ? undefined : (item.due ?? item.deadline);
  const overdue = isOverdue(item, today);
  const fields = item.fields
    .filter((field) => field.value.trim().length > 0)
    .map((field): FieldView => {
      const value =
        field === item.deadlineField && item.due && item.due !== field.value
          ? `${field.value} (${item.due})`
          : field.value;
      return { key: field.key, value: mask(value, field.valueRange) };
    });
  return {
    id: item.id,
    title: mask(item.title, item.headingRange),
    shortTitle: mask(item.shortTitle, item.headingRange),
    blocker: item.blocker,
    state: item.state,
    displayState: overdue ? 'overdue' : item.state,
    ...(owner === undefined ? {} : { owner }),
    owners: ownerNames(owner),
    ...(deadline === undefined ? {} : { deadline }),
    ...(overdue && item.due !== undefined && !deadlineHidden ? { overdueSince: item.due } : {}),
    fields,
    placeholders: item.placeholders.map((p) => ({
      text: p.text,
      label: p.label,
      kind: p.kind,
      options: p.options,
      range: p.range,
    })),
    checks: checksOf(item),
    uncheckedBoxes: item.checkboxes
      .filter((box) => !box.checked)
      .map((box) => ({ label: mask(box.label, box.range), range: box.range })),
    secrets,
    // The tests whose command lies in the item.
    smokeTestKeys: tests
      .filter(
        (test) =>
          item.range.start.line <= test.commandRange.start.line && test.commandRange.start.line <= item.range.end.line,
      )
      .map((test) => test.key),
    headingRange: item.headingRange,
    range: item.range,
  };
}

function smokeTestView(
  test: SmokeTest,
  secrets: readonly SecretMarkView[],
  last: LastSmokeResultView | undefined,
  evidence: SmokeTestEvidence | undefined,
): ChecklistSmokeTest {
  // The banner and the command, as written: a secret there hides the path too.
  const written: Range = { start: test.range.start, end: test.commandRange.end };
  return {
    key: test.key,
    number: test.number,
    itemId: test.itemId,
    method: test.method,
    path: touchesAny(written, secrets) ? null : test.path,
    commandRange: test.commandRange,
    range: test.range,
    ...(last === undefined ? {} : { last }),
    ...(evidence === undefined ? {} : { evidence }),
  };
}

/** An item's checks, done over total; what is not applicable counts for neither. */
function checksOf(item: Item): { done: number; total: number } {
  const applicable = item.checks.filter((check) => check.state !== 'not-applicable');
  return { done: applicable.filter((check) => check.state === 'done').length, total: applicable.length };
}

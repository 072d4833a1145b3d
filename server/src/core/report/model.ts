// The report model: everything a supervisor reads about one checklist, as plain
// data the HTML, markdown and JSON renderers share. Built from an analysis (pure:
// no I/O, no clock), with every text from the document masked for secrets.
import type { Analysis } from '../analyzer';
import type { Translate } from '../messages';
import type { Item, ItemState } from '../model/checklist';
import { stateText } from '../model/fieldNames';
import { findSmokeTests, type SmokeSuite } from '../smoke/recognize';
import { notApplicable, verdictOf, type Verdict } from '../verdict';
import type { SafeText } from '../safeText';
import { lineReader, readSmokeEvidence, withoutPlaceholders, type SmokeEvidence } from './smokeEvidence';

export const REPORT_SCHEMA = 'readiness-report/1';

export interface ReportContext {
  readonly text: string;
  readonly t: Translate;
  /** The checklist's path as the reader knows it (relative to the workspace or the working folder). */
  readonly path: string;
  /** Today's date (`YYYY-MM-DD`), for overdue items; the analysis should have been checked against it. */
  readonly today: string;
  /** When the report was generated (`YYYY-MM-DD HH:MM`); defaults to today. */
  readonly generated?: string | undefined;
  /** Whether the analysis holds the file-reference checks (missing files), so a reference without one was found. */
  readonly referencesChecked?: boolean | undefined;
  readonly suite?: SmokeSuite | undefined;
}

export interface ReportBlank {
  readonly label: string;
  readonly text: string;
  readonly line: number;
}

export interface ReportItem {
  readonly id: string;
  readonly title: string;
  readonly group: string;
  readonly blocker: boolean;
  readonly owner: string | undefined;
  readonly deadline: string | undefined;
  readonly due: string | undefined;
  readonly overdue: boolean;
  readonly state: ItemState;
  /** The state in words ("pending"), in the report's language. */
  readonly stateText: string;
  /** 0-based line of the heading. */
  readonly line: number;
  readonly openBlanks: readonly ReportBlank[];
  readonly uncheckedBoxes: number;
}

export interface ReportGroup {
  readonly title: string;
  readonly blocker: boolean;
  readonly done: number;
  readonly total: number;
  readonly itemIds: readonly string[];
}

export interface OwnerWork {
  readonly owner: string;
  readonly blockers: number;
  readonly overdue: number;
  readonly items: readonly {
    readonly id: string;
    readonly title: string;
    readonly stateText: string;
    readonly due: string | undefined;
    readonly overdue: boolean;
    readonly blocker: boolean;
    readonly line: number;
  }[];
}

export interface ReportReference {
  readonly itemId: string;
  readonly path: string;
  readonly kind: 'file' | 'folder' | 'any';
  readonly status: 'found' | 'missing' | 'unchecked';
  readonly line: number;
}

export interface SignOff {
  readonly itemId: string;
  /** "Security Sign-Off", "SRE Approval". */
  readonly role: string;
  /** The signature as written ("Ana Torres - 2025-12-09"), undefined while it is a blank. */
  readonly signature: string | undefined;
  /** Approvals asked of the signer ("Infra readiness: APROBADO"), filled or not. */
  readonly approvals: readonly { readonly label: string; readonly value: string | undefined }[];
  readonly signed: boolean;
  readonly line: number;
}

export interface ReportModel {
  readonly schema: typeof REPORT_SCHEMA;
  readonly path: string;
  readonly title: string;
  readonly language: 'en' | 'es';
  readonly generated: string;
  readonly today: string;
  /** The header's own fields: creation date, last update, overall status, as written. */
  readonly header: {
    readonly created: string | undefined;
    readonly lastUpdated: string | undefined;
    readonly overallStatus: string | undefined;
  };
  readonly verdict: Verdict;
  readonly progress: {
    readonly blockers: { readonly done: number; readonly total: number };
    readonly items: { readonly done: number; readonly total: number };
  };
  readonly groups: readonly ReportGroup[];
  readonly items: readonly ReportItem[];
  readonly owners: readonly OwnerWork[];
  readonly smokeTests: readonly SmokeEvidence[];
  readonly references: readonly ReportReference[];
  readonly signOffs: readonly SignOff[];
}

const LAST_UPDATED_KEY = /^(?:[úu]ltima actualizaci[óo]n|last updated?|updated|actualizado)$/i;
const OVERALL_KEY = /^(?:estado general|estado global|overall status|overall state|global status)$/i;
const OWNER_SEPARATORS = /\s*(?:[/+,;&]|\s(?:y|and|e)\s)\s*/i;
const SIGN_OFF_ITEM = /sign[- ]?offs?|firmas?\b|aprobaci[oó]n|aprobaciones|approvals?|autorizaci[oó]n/i;
const SIGNATURE_KEY = /^(?:firma|firmado(?: por)?|signature|signed(?: by)?|sign-?off|aprobado por|approved by)$/i;

export function buildReport(analysis: Analysis, context: ReportContext): ReportModel {
  const { t, text, today } = context;
  const { checklist } = analysis;
  const mask = analysis.safeText;
  const lineText = lineReader(text);
  const evidence = readSmokeEvidence(context.suite ?? findSmokeTests(checklist, text), lineText, t, mask);
  const verdict = verdictOf(analysis, { text, t, mask, evidence });
  const overdueIds = new Set(analysis.findings.filter((f) => f.code === 'overdue').map((f) => f.data?.['item']));

  const items: ReportItem[] = checklist.items.map((item) => {
    const na = notApplicable(item).marked;
    const state = na ? 'not-applicable' : item.state;
    return {
      id: item.id,
      title: mask(item.title),
      group: mask(item.group),
      blocker: item.blocker,
      owner: optional(item.owner, mask),
      deadline: optional(item.deadline, mask),
      due: item.due,
      overdue: overdueIds.has(item.id),
      state,
      stateText: stateText(state, t),
      line: item.headingRange.start.line,
      openBlanks: item.placeholders.map((p) => ({
        label: mask(p.label),
        text: mask(p.text),
        line: p.range.start.line,
      })),
      uncheckedBoxes: item.checkboxes.filter((c) => !c.checked).length,
    };
  });
  const byId = new Map(items.map((i) => [i.id, i]));

  const headerValue = (key: RegExp) => {
    const field = checklist.fields.find((f) => key.test(f.key.trim()));
    return field ? mask(cleanValue(field.value)) : undefined;
  };

  return {
    schema: REPORT_SCHEMA,
    path: mask(context.path),
    title: mask(cleanValue(checklist.title ?? context.path)),
    language: checklist.language,
    generated: context.generated ?? today,
    today,
    header: {
      created: checklist.created,
      lastUpdated: headerValue(LAST_UPDATED_KEY),
      overallStatus: headerValue(OVERALL_KEY),
    },
    verdict,
    progress: analysis.progress,
    groups: checklist.groups
      .filter((g) => g.itemIds.length > 0)
      .map((g) => ({
        title: mask(cleanValue(g.title)),
        blocker: g.blocker,
        done: g.itemIds.filter((id) => byId.get(id)?.state === 'done').length,
        total: g.itemIds.length,
        itemIds: g.itemIds,
      })),
    items,
    owners: ownersOf(items),
    smokeTests: evidence,
    references: referencesOf(checklist.items, analysis, context.referencesChecked ?? true, mask),
    signOffs: signOffsOf(checklist.items, mask),
  };
}

function optional(value: string | undefined, mask: SafeText): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : mask(cleanValue(value));
}

/** A value without its markdown emphasis: `⏳ **PENDIENTE**` reads `⏳ PENDIENTE`. */
function cleanValue(value: string): string {
  return value
    .replace(/\*\*|__/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

const outstanding = (item: ReportItem) => item.state !== 'done' && item.state !== 'not-applicable';

function ownersOf(items: readonly ReportItem[]): OwnerWork[] {
  const byOwner = new Map<string, { owner: string; items: ReportItem[] }>();
  for (const item of items.filter(outstanding)) {
    const names = (item.owner ?? '')
      .split(OWNER_SEPARATORS)
      .map((n) => n.trim())
      .filter((n) => n !== '');
    for (const name of names.length > 0 ? names : ['—']) {
      const key = name.toLowerCase();
      let entry = byOwner.get(key);
      if (!entry) byOwner.set(key, (entry = { owner: name, items: [] }));
      if (!entry.items.includes(item)) entry.items.push(item);
    }
  }
  return [...byOwner.values()]
    .map(({ owner, items: owned }) => ({
      owner,
      blockers: owned.filter((i) => i.blocker).length,
      overdue: owned.filter((i) => i.overdue).length,
      items: owned.map((i) => ({
        id: i.id,
        title: i.title,
        stateText: i.stateText,
        due: i.due,
        overdue: i.overdue,
        blocker: i.blocker,
        line: i.line,
      })),
    }))
    .sort((a, b) => b.blockers - a.blockers || b.items.length - a.items.length || a.owner.localeCompare(b.owner));
}

function referencesOf(items: readonly Item[], analysis: Analysis, checked: boolean, mask: SafeText): ReportReference[] {
  const missing = analysis.findings.filter((f) => f.code === 'missing-file').map((f) => f.range);
  const out: ReportReference[] = [];
  for (const item of items) {
    const seen = new Set<string>();
    for (const ref of item.references) {
      if (seen.has(ref.path)) continue;
      seen.add(ref.path);
      const isMissing = missing.some(
        (r) =>
          r.start.line === ref.range.start.line &&
          r.start.character <= ref.range.start.character &&
          ref.range.start.character <= r.end.character,
      );
      out.push({
        itemId: item.id,
        path: mask(ref.path),
        kind: ref.kind,
        status: isMissing ? 'missing' : checked ? 'found' : 'unchecked',
        line: ref.range.start.line,
      });
    }
  }
  return out;
}

/**
 * The sign-offs of the items about approvals: in their fenced blocks, a heading line
 * ("Security Sign-Off:") opens a sign-off, its `Firma:`/`Signature:` line says who signed
 * and when, and its other `Label: value` lines are what the signer approves.
 */
function signOffsOf(items: readonly Item[], mask: SafeText): SignOff[] {
  const out: SignOff[] = [];
  for (const item of items.filter((i) => SIGN_OFF_ITEM.test(`${i.title} ${i.shortTitle} ${i.group}`))) {
    let current:
      | {
          role: string;
          line: number;
          signature: string | undefined;
          hasSignature: boolean;
          approvals: { label: string; value: string | undefined }[];
        }
      | undefined;
    const flush = () => {
      if (current && (current.hasSignature || current.approvals.length > 0)) {
        out.push({
          itemId: item.id,
          role: current.role,
          signature: current.signature,
          approvals: current.approvals,
          signed: current.signature !== undefined,
          line: current.line,
        });
      }
      current = undefined;
    };
    for (const fence of item.fences) {
      for (const { line, text } of fence.lines) {
        const heading = /^([^\s\-*#][^:]{0,80}):\s*$/.exec(text);
        if (heading) {
          flush();
          current = {
            role: mask(heading[1]?.trim() ?? ''),
            line,
            signature: undefined,
            hasSignature: false,
            approvals: [],
          };
          continue;
        }
        const field = /^\s*[-*]?\s*([^:]{1,60}):\s*(.*)$/.exec(text);
        if (!field || !current) continue;
        const label = field[1]?.trim() ?? '';
        const raw = field[2]?.trim() ?? '';
        const filled =
          withoutPlaceholders(raw).replace(/[\s\-–—]/g, '') !== '' && withoutPlaceholders(raw).length === raw.length;
        if (SIGNATURE_KEY.test(label)) {
          current.hasSignature = true;
          current.signature = filled ? mask(raw) : undefined;
        } else if (!/coment|comment|nota|note/i.test(label)) {
          current.approvals.push({ label: mask(label), value: filled ? mask(raw) : undefined });
        }
      }
      flush();
    }
  }
  return out;
}

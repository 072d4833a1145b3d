// The view model of one checklist, as `readiness/checklist` answers it: what the sidebar, the
// status bar and the report display, decided on the server. Items carry their display state
// (overdue already decided), every text that a secret finding touches is masked (null), and the
// smoke tests carry their last results. No fences, no file references, no date to compare against,
// no command text: the client maps these rows to tree items and words them, nothing more.

/** 0-based line and UTF-16 character, as in LSP. */
export interface Position {
  readonly line: number;
  readonly character: number;
}

export interface Range {
  readonly start: Position;
  readonly end: Position;
}

/** An item's Estado as written. */
export type ItemState = 'pending' | 'in-progress' | 'done' | 'blocked' | 'at-risk' | 'not-applicable' | 'unknown';

/** How an item is shown: its Estado, or overdue when the server found it pending or in progress past its due date. */
export type ItemDisplayState = ItemState | 'overdue';

export type PlaceholderKind = 'text' | 'number' | 'date' | 'choice' | 'slot';

export interface Progress {
  readonly blockers: { readonly done: number; readonly total: number };
  readonly items: { readonly done: number; readonly total: number };
  /** The units an owner ticks (task boxes, check-table rows, numbered steps); not applicable ones count for neither. */
  readonly checks?: { readonly done: number; readonly total: number };
}

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

/**
 * The release decision the server computed (core/verdict.ts): GO when every blocker is done with
 * clean evidence, else NO-GO with its reasons; gaps outside the blockers are conditions. Worded
 * in the display language, secrets masked.
 */
export interface Verdict {
  readonly decision: Decision;
  /** "NO-GO: 6 of 6 blockers pending" / "GO: all blockers done". */
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

export type VerdictKind = 'go' | 'no-go' | 'no-blockers';

/** Several checklists' verdicts shown together (the sidebar's badge and message): see `combineVerdicts`. */
export interface CombinedVerdict {
  readonly kind: VerdictKind;
  /** Blockers not ready: the view's badge. */
  readonly pending: number;
  readonly total: number;
}

/**
 * Text from the document, or null where a secret finding touches it: the text is then never sent,
 * and views say it is hidden.
 */
export type Masked = string | null;

/** A secret finding: its message (which never holds the value) and where it is. */
export interface SecretMarkView {
  readonly message: string;
  readonly range: Range;
}

export interface FieldView {
  readonly key: string;
  /** The value as shown; a deadline that resolves to a date is followed by it: "Hoy (2025-12-07)". */
  readonly value: Masked;
}

export interface PlaceholderView {
  /** The bracketed text without its brackets: `PEGAR ENLACE AL PR`. */
  readonly text: string;
  /** The words before it on its line ("Tiempo de respuesta:"), or ''. */
  readonly label: string;
  readonly kind: PlaceholderKind;
  /** The options of a choice placeholder. */
  readonly options: readonly string[];
  readonly range: Range;
}

export interface CheckboxView {
  readonly label: Masked;
  readonly range: Range;
}

export interface ItemView {
  /** The item's number as written ("3"). */
  readonly id: string;
  readonly title: Masked;
  /** The summary's name for the item, else its title. */
  readonly shortTitle: Masked;
  readonly blocker: boolean;
  /** The Estado as written, which the "set state" menu starts from. */
  readonly state: ItemState;
  readonly displayState: ItemDisplayState;
  /** The Owner value; absent when there is none or a secret touches it. */
  readonly owner?: string;
  /** The names in the Owner value ("Dev Lead / Dev + CI" → Dev Lead, Dev, CI), for the owner filter. */
  readonly owners: readonly string[];
  /** The due date when the deadline resolves to one, else the deadline as written; absent when none or masked. */
  readonly deadline?: string;
  /** The resolved due date (`YYYY-MM-DD`) of an overdue item. */
  readonly overdueSince?: string;
  /** The fields with a value, in document order. */
  readonly fields: readonly FieldView[];
  readonly placeholders: readonly PlaceholderView[];
  readonly uncheckedBoxes: readonly CheckboxView[];
  /** The item's checks (boxes, rows, steps), done over total, not applicable ones left out. */
  readonly checks: { readonly done: number; readonly total: number };
  /** The secret findings inside the item. */
  readonly secrets: readonly SecretMarkView[];
  /** The keys of the smoke tests whose command lies in the item (see `ChecklistResult.smokeTests`). */
  readonly smokeTestKeys: readonly string[];
  readonly headingRange: Range;
  /** From the heading to the item's last line: the part of the document the item stands for. */
  readonly range: Range;
}

export interface GroupView {
  /** The whole heading: "🔴 BLOQUERS - ENTREGABLES OBLIGATORIOS (PRIORIDAD ABSOLUTA)". */
  readonly title: Masked;
  /** Without its trailing explanation: "🔴 BLOQUERS". */
  readonly shortTitle: Masked;
  readonly blocker: boolean;
  readonly itemIds: readonly string[];
}

export interface ChecklistView {
  /** The H1 title. */
  readonly title: Masked | undefined;
  readonly groups: readonly GroupView[];
  readonly items: readonly ItemView[];
  /** Secret findings outside every item (in the header, say). */
  readonly looseSecrets: readonly SecretMarkView[];
  /** Every owner name of the checklist, once each, sorted. */
  readonly owners: readonly string[];
}

export type SmokeOutcome = 'passed' | 'failed' | 'not-run' | 'cancelled';

/** How a smoke test went the last time it ran: in this server's session, or in one before (`readiness/restoreSmokeResults`). */
export interface LastSmokeResultView {
  readonly outcome: SmokeOutcome;
  readonly status?: number;
  readonly elapsedMs?: number;
  /** Why it failed or did not run, in the display language, secrets masked; '' when it passed. */
  readonly reason: string;
  /** When it ran, local time: a time of day ("14:32:05") today, with its date ("2026-12-02 14:32") before. */
  readonly ranAt: string;
}

/**
 * A curl smoke test of the document. Its key is an opaque id the server made from the test's
 * banner and command (it survives the evidence a run pastes); the command itself is not sent.
 */
export interface ChecklistSmokeTest {
  /** What `RunSmokeTestsArguments.testKeys` takes and `SmokeTestRunResult.testKey` gives back. */
  readonly key: string;
  /** The banner's number (`# SMOKE TEST 2: ...`), else the test's position in the document. */
  readonly number: string;
  readonly itemId: string;
  readonly method: string;
  /** The banner's path, else the URL's path (never its query); null when a secret touches the banner or command. */
  readonly path: Masked;
  /** The `$ curl ...` command with its continuation lines. */
  readonly commandRange: Range;
  /** From the banner (or the command) to the last line of its evidence. */
  readonly range: Range;
  /** Absent until the test has run in this session. */
  readonly last?: LastSmokeResultView;
  /** What the server makes of the evidence pasted for it (absent when it was not asked to say). */
  readonly evidence?: SmokeTestEvidence;
}

/** A smoke test's pasted evidence as the server judges it from its provenance stamp. */
export interface SmokeTestEvidence {
  /** none: nothing pasted; unverified: pasted by hand (no stamp); verified; stale: command changed, too old or another host; edited after it ran. */
  readonly state: 'none' | 'unverified' | 'verified' | 'stale' | 'edited';
  /** A short mark for the row ("stale evidence", "unverified evidence"), empty when there is nothing to flag; display language. */
  readonly mark: string;
  /** The stamp in words ("ran 3 days ago (...) against staging-host, HTTP 200 in 84 ms, unchanged since"); display language. */
  readonly description: string;
}

/** The answer to `readiness/checklist`. */
export interface ChecklistResult {
  readonly uri: string;
  /** The version of the open document analysed; -1 when the file is not open and was read from disk. */
  readonly version: number;
  /** False for markdown files that are not checklists; the rest is then empty. */
  readonly isChecklist: boolean;
  readonly checklist: ChecklistView | undefined;
  readonly progress: Progress | undefined;
  readonly verdict: Verdict | undefined;
  /** The document's curl smoke tests, in document order, with their last results. */
  readonly smokeTests: readonly ChecklistSmokeTest[];
  /** The host most of them name (`staging-host`), passed on in `RunSmokeTestsArguments.stagingHost`. */
  readonly smokeStagingHost?: string;
}

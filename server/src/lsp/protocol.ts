// Every custom request and notification between the Readiness client and
// server. The client imports this module for its types only (ESLint enforces
// it), so each message is declared as a method name with its params and result.
import type { Checklist, ItemState, Progress } from '../core/model/checklist';
import type { Range } from '../core/types';
import type { Verdict } from '../core/verdict';

// The model types the client renders, so that it imports from this module only.
export type { Checklist, Field, Group, Item, ItemState, Placeholder, Progress } from '../core/model/checklist';
export type { Range } from '../core/types';
export type { Decision, ProblemKind, Verdict, VerdictEntry, VerdictProblem } from '../core/verdict';

export interface ChecklistParams {
  readonly uri: string;
}

/** One blank still to fill in, with the item it belongs to. */
export interface OpenPlaceholder {
  readonly itemId: string;
  readonly text: string;
  readonly range: Range;
  readonly kind: string;
}

/**
 * A curl smoke test of the document, for the sidebar's rows and "run" actions: the server
 * recognises the tests (the client never parses markdown), the client keeps their last results.
 */
export interface ChecklistSmokeTest {
  /** The test's identity as a string: what `RunSmokeTestsArguments.testKeys` takes and `SmokeTestRunResult.testKey` gives back. */
  readonly key: string;
  /** The banner's number (`# SMOKE TEST 2: ...`), else the test's position in the document. */
  readonly number: string;
  readonly itemId: string;
  readonly method: string;
  /** The banner's path, else the URL's path (never its query). */
  readonly path: string;
  /** The `$ curl ...` command with its continuation lines. */
  readonly commandRange: Range;
  /** From the banner (or the command) to the last line of its evidence. */
  readonly range: Range;
}

export interface ChecklistResult {
  readonly uri: string;
  /** The version of the open document analysed; -1 when the file is not open and was read from disk. */
  readonly version: number;
  /** False for markdown files that are not checklists; the rest is then empty. */
  readonly isChecklist: boolean;
  readonly checklist: Checklist | undefined;
  readonly progress: Progress | undefined;
  readonly openPlaceholders: readonly OpenPlaceholder[];
  /** The server's date (`YYYY-MM-DD`) the analysis was checked against, so views mark the same items overdue. */
  readonly today: string;
  /** The document's curl smoke tests, in document order. */
  readonly smokeTests: readonly ChecklistSmokeTest[];
  /** The host most of them name (`staging-host`), passed on in `RunSmokeTestsArguments.stagingHost`. */
  readonly smokeStagingHost?: string;
  /** The release verdict the core computes (GO / NO-GO with its reasons), which the sidebar and status bar show. */
  readonly verdict?: Verdict;
}

export interface ChecklistChangedParams {
  readonly uri: string;
  readonly version: number;
  readonly isChecklist: boolean;
  readonly progress: Progress | undefined;
}

export interface SetStateParams {
  readonly uri: string;
  readonly itemId: string;
  readonly state: Exclude<ItemState, 'unknown'>;
}

/** A checklist file found under a workspace folder. */
export interface WorkspaceChecklist {
  readonly uri: string;
  /** Its path relative to the workspace folder that holds it, with `/` separators. */
  readonly relativePath: string;
}

export interface WorkspaceChecklistsResult {
  readonly checklists: readonly WorkspaceChecklist[];
  /** False when the scan stopped at one of its bounds (files visited, depth, checklists found). */
  readonly complete: boolean;
}

/**
 * Arguments of the client command `readiness.linkExistingFile`, which the "Link an existing file..."
 * quick fix of a missing file runs: the client offers the workspace files matching `glob` in a quick
 * pick and sends the choice back with `readiness/linkExistingFile`.
 */
export interface LinkExistingFileArguments {
  readonly uri: string;
  /** The reference as written, which the rewrite replaces. */
  readonly range: Range;
  /** A glob of the files to offer, relative to the workspace folders: every `.md` file for a markdown reference. */
  readonly glob: string;
  /** The reference's text, for the quick pick's title. */
  readonly reference: string;
}

/** The command id; the client registers it (it imports only types from here, hence the type). */
export type LinkExistingFileCommand = 'readiness.linkExistingFile';
export const LINK_EXISTING_FILE_COMMAND: LinkExistingFileCommand = 'readiness.linkExistingFile';

export interface LinkExistingFileParams {
  readonly uri: string;
  readonly range: Range;
  /** The chosen file's URI. */
  readonly target: string;
}

/**
 * Arguments of the client command `readiness.runSmokeTests`, which the smoke-test code lenses and
 * the "Run smoke test N" quick fix carry; the client turns them into `readiness/runSmokeTests`.
 */
export interface RunSmokeTestsArguments {
  readonly uri: string;
  /** The keys of the tests to run (each test's identity as a string); absent: every test of the document. */
  readonly testKeys?: readonly string[];
  /** The symbolic host the document's tests name (`staging-host`), for the client's base URL prompt. */
  readonly stagingHost?: string;
}

/** The command id; the client registers it (it imports only types from here, hence the type). */
export type RunSmokeTestsCommand = 'readiness.runSmokeTests';
export const RUN_SMOKE_TESTS_COMMAND: RunSmokeTestsCommand = 'readiness.runSmokeTests';

export interface RunSmokeTestsParams extends RunSmokeTestsArguments {
  /** The URL the staging host stands for, when the user just typed it; otherwise `readiness.smoke.baseUrl`. */
  readonly baseUrl?: string;
  /** Client-initiated work-done progress; without it the server creates its own (`window/workDoneProgress/create`). */
  readonly workDoneToken?: string | number;
}

/** How one test of a run went, as data: what `RunSmokeTestsResult.lines` says of it in words. */
export interface SmokeTestRunResult {
  readonly testKey: string;
  readonly number: string;
  readonly outcome: 'passed' | 'failed' | 'not-run' | 'cancelled';
  /** The HTTP status, when a response came. */
  readonly status?: number;
  /** The time to the full response, when a request was sent. */
  readonly elapsedMs?: number;
  /** Why it failed or did not run, in the display language, secrets masked; empty when it passed. */
  readonly reason: string;
}

export interface RunSmokeTestsResult {
  /** Why nothing ran (not a checklist, a test that changed, no or a bad base URL), in the display language. */
  readonly error?: string;
  /** Nothing ran because the tests need a base URL and none is configured or given. */
  readonly needsBaseUrl?: boolean;
  readonly passed: number;
  readonly failed: number;
  readonly notRun: number;
  readonly cancelled: number;
  /** "1 passed, 0 failed, 0 not run", in the display language. */
  readonly summary: string;
  /** One line per test run (number, method, path, status, time, verdict, reason), secrets masked. */
  readonly lines: readonly string[];
  /** The same tests as `lines`, as data, for the client's last results (the sidebar shows them). */
  readonly results: readonly SmokeTestRunResult[];
  /** Whether evidence was written into the document. */
  readonly written: boolean;
  /** Evidence not written, each with why (its test changed or went away, the document closed). */
  readonly dropped: readonly string[];
}

/**
 * A secret's value sealed for the server: ECDH (P-256) between the server's one-time key and the
 * client's, HKDF-SHA-256, AES-256-GCM with the secret's name as associated data. All base64.
 */
export interface SealedSecret {
  readonly publicKey: string;
  readonly iv: string;
  readonly ciphertext: string;
  readonly tag: string;
}

export interface SecretParams {
  /** The variable's name as the document writes it: `LOG_TOKEN` of `<LOG_TOKEN>`. */
  readonly name: string;
  /** The server's one-time ECDH public key (P-256, uncompressed, base64) to seal the answer with. */
  readonly publicKey: string;
}

export interface SecretResult {
  /** Null when the user has none or declined to give it: the tests that need it are not run. */
  readonly sealed: SealedSecret | null;
}

export interface ConfirmForeignHostParams {
  readonly testNumber: string;
  readonly method: string;
  readonly host: string;
  /** The URL with secrets masked (a request that carries a secret is never proposed). */
  readonly url: string;
}

export interface ReportParams {
  readonly uri: string;
  /** `html`: one self-contained page; `md`: GitHub-flavoured markdown; `json`: the report model. */
  readonly format: 'html' | 'md' | 'json';
  /**
   * For a webview: the nonce its content security policy allows. The HTML then carries that policy
   * (no other script or style), rows with their line, and one script posting `{ type: 'reveal', line }`.
   */
  readonly nonce?: string;
}

export interface ReportResult {
  readonly uri: string;
  /** The version of the open document reported on; -1 when it is not open. */
  readonly version: number;
  readonly isChecklist: boolean;
  /** The report in the format asked for (empty when the document is not a checklist); secrets masked. */
  readonly content: string;
  readonly verdict?: Verdict;
  /** The checklist's title, for the webview's tab. */
  readonly title?: string;
}

/** Requests the client sends to the server. */
export interface ClientRequests {
  /**
   * `readiness/checklist`: the client (sidebar, status bar, tests) asks for the model of one open
   * document, so that it never has to parse markdown itself; for a file that is not open, the server
   * reads it from disk (UTF-8, within `readiness.maxFileSize`). The answer lists the document's smoke
   * tests too, which the sidebar shows under their items with the last results of the client's runs.
   */
  'readiness/checklist': { params: ChecklistParams; result: ChecklistResult };
  /**
   * `readiness/workspaceChecklists`: the sidebar asks which files of the workspace folders are checklists
   * (by `readiness.files` or three state fields, minus `readiness.ignore`), to list them before any is
   * opened; it then asks `readiness/checklist` for each, which reads a file that is not open from disk.
   */
  'readiness/workspaceChecklists': { params: Record<string, never>; result: WorkspaceChecklistsResult };
  /**
   * `readiness/setState`: the sidebar's "set state" menu asks the server to edit an item's Estado and
   * its summary checkbox; the server applies the edit with `workspace/applyEdit`. Result: whether it applied.
   */
  'readiness/setState': { params: SetStateParams; result: boolean };
  /**
   * `readiness/linkExistingFile`: after the user picked a file for a missing reference, the server
   * rewrites the reference to that file's path (relative to where the reference resolves) with
   * `workspace/applyEdit`. Result: whether it applied.
   */
  'readiness/linkExistingFile': { params: LinkExistingFileParams; result: boolean };
  /**
   * `readiness/runSmokeTests`: the client's `readiness.runSmokeTests` command (code lens, quick fix,
   * "Run All Smoke Tests") asks the server to run a document's curl smoke tests in its own process
   * and paste their evidence back with `workspace/applyEdit`; progress is work-done progress, and
   * cancelling the request stops the run (what finished is still written).
   */
  'readiness/runSmokeTests': { params: RunSmokeTestsParams; result: RunSmokeTestsResult };
  /**
   * `readiness/report`: "Readiness: Open Report" (a webview beside the checklist, asked again after each
   * `readiness/checklistChanged` of its document) and "Export Report…" ask for the supervisor's report
   * of an open checklist: the same model and renderers as `readiness report` on the command line.
   */
  'readiness/report': { params: ReportParams; result: ReportResult };
}

/** Requests the server sends to the client. */
export interface ServerRequests {
  /**
   * `readiness/secret`: during a smoke-test run the server asks for the value of a secret variable
   * (`<LOG_TOKEN>`), which lives in VS Code's SecretStorage; the answer is sealed so that a verbose
   * protocol trace in the output channel never shows the value.
   */
  'readiness/secret': { params: SecretParams; result: SecretResult };
  /**
   * `readiness/confirmForeignHost`: before a smoke test sends a request (never one carrying a secret)
   * to a host that is neither the base URL's nor in `readiness.smoke.allowedHosts`, the server asks
   * the user to confirm. Result: whether to send it.
   */
  'readiness/confirmForeignHost': { params: ConfirmForeignHostParams; result: boolean };
}

/** Notifications the server sends to the client. */
export interface ServerNotifications {
  /**
   * `readiness/checklistChanged`: the server tells the client that a document's analysis finished
   * (after each edit), so views refresh without polling.
   */
  'readiness/checklistChanged': ChecklistChangedParams;
}

export const CHECKLIST_REQUEST = 'readiness/checklist' satisfies keyof ClientRequests;
export const WORKSPACE_CHECKLISTS_REQUEST = 'readiness/workspaceChecklists' satisfies keyof ClientRequests;
export const SET_STATE_REQUEST = 'readiness/setState' satisfies keyof ClientRequests;
export const LINK_EXISTING_FILE_REQUEST = 'readiness/linkExistingFile' satisfies keyof ClientRequests;
export const CHECKLIST_CHANGED_NOTIFICATION = 'readiness/checklistChanged' satisfies keyof ServerNotifications;
export const RUN_SMOKE_TESTS_REQUEST = 'readiness/runSmokeTests' satisfies keyof ClientRequests;
export const REPORT_REQUEST = 'readiness/report' satisfies keyof ClientRequests;
export const SECRET_REQUEST = 'readiness/secret' satisfies keyof ServerRequests;
export const CONFIRM_FOREIGN_HOST_REQUEST = 'readiness/confirmForeignHost' satisfies keyof ServerRequests;

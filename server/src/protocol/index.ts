// The contract between the Readiness client and server: every custom request and notification
// (typed message objects, each with who sends it and why), the shapes they carry, and every
// command id. Both sides compile this module; it imports nothing of the core, so a change inside
// the core never changes the wire, and the client imports nothing else of the server (ESLint).
import { NotificationType, RequestType } from 'vscode-languageserver-protocol';
import type {
  ChecklistResult,
  CombinedVerdict,
  ItemState,
  LastSmokeResultView,
  Progress,
  Range,
  SmokeOutcome,
  Verdict,
} from './checklistView';

export type * from './checklistView';
export { COMMANDS, type CommandId } from './commands';

export interface ChecklistParams {
  readonly uri: string;
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

export interface LinkExistingFileParams {
  readonly uri: string;
  readonly range: Range;
  /** The chosen file's URI. */
  readonly target: string;
}

/**
 * Arguments of the client command `readiness.moveSecretToStorage`, which the "Move to secret storage
 * as NAME" quick fix carries as `[uri, range, name]`: where the pasted value is and the variable's
 * name, never the value (the client reads it from the document and puts it straight into storage).
 */
export type MoveSecretToStorageArguments = readonly [uri: string, range: Range, name: string];

/**
 * Arguments of the client command `readiness.runSmokeTests`, which the smoke-test code lenses and
 * the "Run smoke test N" quick fix carry; the client turns them into `readiness/runSmokeTests`.
 */
export interface RunSmokeTestsArguments {
  readonly uri: string;
  /** The keys of the tests to run (opaque ids, see `ChecklistSmokeTest.key`); absent: every test of the document. */
  readonly testKeys?: readonly string[];
  /** The symbolic host the document's tests name (`staging-host`), for the client's base URL prompt. */
  readonly stagingHost?: string;
}

export interface RunSmokeTestsParams extends RunSmokeTestsArguments {
  /** The URL the staging host stands for, when the user just typed it; otherwise `readiness.smoke.baseUrl`. */
  readonly baseUrl?: string;
  /** Client-initiated work-done progress; without it the server creates its own (`window/workDoneProgress/create`). */
  readonly workDoneToken?: string | number;
  /** False: run and report, but paste no evidence (the Testing view with `readiness.testing.pasteEvidence` off). Default true. */
  readonly pasteEvidence?: boolean;
  /** Run in this environment of `readiness.environments` (its base URL and allowed hosts); default `readiness.environment`. */
  readonly environment?: string;
}

/**
 * Arguments of the client command `readiness.signOff`, which the "Sign off..." quick fix carries when
 * git knows no user name: the client asks for the name and sends `readiness/signOff`.
 */
export interface SignOffArguments {
  readonly uri: string;
  /** The sign-off's line (0-based). */
  readonly line: number;
}

/** A base URL the user is typing in the client's prompt, checked against the checklist's staging host. */
export interface CheckBaseUrlParams {
  readonly baseUrl: string;
  /** The symbolic host the document's tests name, as `RunSmokeTestsArguments.stagingHost` carried it. */
  readonly stagingHost?: string;
  /** The checklist to run; without `stagingHost`, the server reads its staging host from the open document. */
  readonly uri?: string;
}

export interface CheckBaseUrlResult {
  /** What is wrong with it, in the display language; absent when the tests can run against it. */
  readonly problem?: string;
}

export interface SignOffParams extends SignOffArguments {
  /** The signer's name, as the user typed it. */
  readonly name: string;
}

/** How one test of a run went, as data: what `RunSmokeTestsResult.lines` says of it in words. */
export interface SmokeTestRunResult {
  readonly testKey: string;
  readonly number: string;
  readonly outcome: SmokeOutcome;
  /** The HTTP status, when a response came. */
  readonly status?: number;
  /** The time to the full response, when a request was sent. */
  readonly elapsedMs?: number;
  /** Why it failed or did not run, in the display language, secrets masked; empty when it passed. */
  readonly reason: string;
  /** The test's command line(s), where a failure message belongs. */
  readonly commandRange?: Range;
  /** Each way the test failed with what was expected and what came, secrets masked (empty when it passed or did not run). */
  readonly failures?: readonly SmokeFailureView[];
}

/** One failed expectation of a smoke test: the status, a time criterion, a JSON key the document names, or anything else. */
export interface SmokeFailureView {
  readonly kind: 'status' | 'criterion' | 'json-key' | 'other';
  /** The failure in words, display language. */
  readonly message: string;
  /** What the document asks for ("2xx", "201", "< 2s", "key sessionId"); absent for `other`. */
  readonly expected?: string;
  /** What came ("500 Internal Server Error", "2.4 s", "keys: id, name"); absent for `other`. */
  readonly actual?: string;
}

export interface SmokeTestTreeParams {
  /** One checklist; absent: every checklist of the workspace scan (`readiness/workspaceChecklists`) and the open ones. */
  readonly uri?: string;
}

/** A smoke test as the Testing view lists it. */
export interface SmokeTestNode {
  /** Stable across edits that keep the banner and command: the checklist's URI and the test's key. */
  readonly id: string;
  /** What `RunSmokeTestsArguments.testKeys` takes. */
  readonly key: string;
  /** "SMOKE TEST 2 · POST /api/greeting"; the path is hidden when a secret touches it. */
  readonly label: string;
  readonly number: string;
  /** The banner (or command) to the end of its evidence: where the gutter shows the run button. */
  readonly range: Range;
  readonly commandRange: Range;
  /** The last result (this server's session, or restored from an earlier one). */
  readonly last?: LastSmokeResultView;
}

export interface SmokeItemNode {
  /** `${checklist uri}#item-${item id}`. */
  readonly id: string;
  readonly itemId: string;
  /** "3 · Smoke Tests Pasados en Staging/Canary"; masked text is replaced by a mark. */
  readonly label: string;
  readonly range: Range;
  readonly tests: readonly SmokeTestNode[];
}

export interface SmokeChecklistNode {
  readonly uri: string;
  /** The checklist's title, else its path in the workspace. */
  readonly label: string;
  /** Its path relative to its workspace folder. */
  readonly relativePath: string;
  /** The host the tests name, for the base URL prompt (`RunSmokeTestsArguments.stagingHost`). */
  readonly stagingHost?: string;
  readonly items: readonly SmokeItemNode[];
  /**
   * The names of `readiness.environments` in this checklist's own settings (the `.readiness.json` found
   * from its folder upward, its workspace folder's settings), in the order written.
   */
  readonly environments: readonly string[];
  /** Its `readiness.environment`, when one is chosen: where its tests run unless a profile names another. */
  readonly environment?: string;
}

export interface SmokeTestTreeResult {
  /** Checklists with at least one smoke test, in the scan's order. */
  readonly checklists: readonly SmokeChecklistNode[];
  /** False when the workspace scan stopped at one of its bounds. */
  readonly complete: boolean;
  /** Every environment name of the listed checklists, in order of first appearance: one run profile each. */
  readonly environments: readonly string[];
}

/** A smoke test's last result as the client kept it (in workspace state) from an earlier session. */
export interface RestoredSmokeResult {
  /** The checklist's URI, as `SmokeChecklistNode.uri` gave it. */
  readonly uri: string;
  readonly testKey: string;
  readonly outcome: SmokeOutcome;
  readonly status?: number;
  readonly elapsedMs?: number;
  /** As the run worded it, secrets masked. */
  readonly reason: string;
  /** When it ran, in milliseconds since the epoch. */
  readonly ranAtMs: number;
}

export interface RestoreSmokeResultsParams {
  readonly results: readonly RestoredSmokeResult[];
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
  /** The same tests as `lines`, as data (the server also keeps them as the tests' last results). */
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
  /** The names of the headers the request would carry; never their values. */
  readonly headers: readonly string[];
  /** Whether it would carry a body. */
  readonly body: boolean;
  /** The files it would upload, as the command writes them. */
  readonly files: readonly string[];
  /** The URL (secrets masked) that redirected to this one, when the request is a redirect. */
  readonly redirectedFrom?: string;
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

// Requests the client sends to the server.

/**
 * `readiness/checklist`: the client (sidebar, status bar) asks for the view model of one document,
 * so that it never parses markdown nor decides anything itself; for a file that is not open, the
 * server reads it from disk (UTF-8, within `readiness.maxFileSize`).
 */
export const checklistRequest = new RequestType<ChecklistParams, ChecklistResult, void>('readiness/checklist');

/**
 * `readiness/workspaceChecklists`: the sidebar asks which files of the workspace folders are checklists
 * (by `readiness.files` or three state fields, minus `readiness.ignore`), to list them before any is
 * opened; it then asks `readiness/checklist` for each.
 */
export const workspaceChecklistsRequest = new RequestType<Record<string, never>, WorkspaceChecklistsResult, void>(
  'readiness/workspaceChecklists',
);

/**
 * `readiness/setState`: the sidebar's "set state" menu asks the server to edit an item's Estado and
 * its summary checkbox; the server applies the edit with `workspace/applyEdit`. Result: whether it applied.
 */
export const setStateRequest = new RequestType<SetStateParams, boolean, void>('readiness/setState');

/**
 * `readiness/linkExistingFile`: after the user picked a file for a missing reference, the client asks
 * the server to rewrite the reference to that file's path with `workspace/applyEdit`. Result: whether it applied.
 */
export const linkExistingFileRequest = new RequestType<LinkExistingFileParams, boolean, void>(
  'readiness/linkExistingFile',
);

/**
 * `readiness/runSmokeTests`: the client's `readiness.runSmokeTests` command (code lens, quick fix,
 * sidebar, "Run All Smoke Tests") asks the server to run a document's curl smoke tests in its own
 * process and paste their evidence back; progress is work-done progress, cancelling the request stops
 * the run (what finished is still written), and the results become the tests' last results.
 */
export const runSmokeTestsRequest = new RequestType<RunSmokeTestsParams, RunSmokeTestsResult, void>(
  'readiness/runSmokeTests',
);

/**
 * `readiness/smokeTestTree`: the Testing view asks for the smoke tests of one checklist or of every
 * checklist in the workspace, grouped checklist → item → test with ranges, stable ids and last results;
 * it runs them with `readiness/runSmokeTests`, the same request (and evidence) as the code lenses.
 */
export const smokeTestTreeRequest = new RequestType<SmokeTestTreeParams, SmokeTestTreeResult, void>(
  'readiness/smokeTestTree',
);

/**
 * `readiness/checkBaseUrl`: while the user types the staging server's base URL in the client's prompt
 * (before a smoke run, when `readiness.smoke.baseUrl` is not set), the client asks the server what is
 * wrong with it: not an http(s) URL, or the checklist's own placeholder host (`http://staging-host`).
 */
export const checkBaseUrlRequest = new RequestType<CheckBaseUrlParams, CheckBaseUrlResult, void>(
  'readiness/checkBaseUrl',
);

/**
 * `readiness/signOff`: after the user typed their name for the "Sign off..." quick fix, the client asks
 * the server to fill the sign-off on that line with the name and today's date (`workspace/applyEdit`).
 * Result: whether it applied.
 */
export const signOffRequest = new RequestType<SignOffParams, boolean, void>('readiness/signOff');

/**
 * `readiness/report`: "Readiness: Open Report" (a webview beside the checklist, asked again after each
 * `readiness/checklistChanged` of its document) and "Export Report…" ask for the supervisor's report
 * of an open checklist: the same model and renderers as `readiness report` on the command line.
 */
export const reportRequest = new RequestType<ReportParams, ReportResult, void>('readiness/report');

/**
 * `readiness/restoreSmokeResults`: as it starts, the client gives the server the smoke tests' last
 * results it kept from earlier sessions, so the views show them again (the sidebar's rows, the tree's
 * `last`). The server keeps those of tests that still exist with the same command (a test's key is made
 * from its banner and command, so a result of a command changed since matches no test and is never
 * shown); a test run in this session keeps its newer result. Views are told with `readiness/checklistChanged`.
 */
export const restoreSmokeResultsNotification = new NotificationType<RestoreSmokeResultsParams>(
  'readiness/restoreSmokeResults',
);

// Requests the server sends to the client.

/**
 * `readiness/secret`: during a smoke-test run the server asks for the value of a secret variable
 * (`<LOG_TOKEN>`), which lives in VS Code's SecretStorage; the answer is sealed so that a verbose
 * protocol trace in the output channel never shows the value.
 */
export const secretRequest = new RequestType<SecretParams, SecretResult, void>('readiness/secret');

/**
 * `readiness/confirmForeignHost`: before a smoke test sends a request (never one carrying a secret)
 * to a host that is neither the base URL's nor in `readiness.smoke.allowedHosts`, the server asks
 * the user to confirm. Result: whether to send it.
 */
export const confirmForeignHostRequest = new RequestType<ConfirmForeignHostParams, boolean, void>(
  'readiness/confirmForeignHost',
);

// Notifications the server sends to the client.

/**
 * `readiness/checklistChanged`: the server tells the client that a document's view model changed
 * (its analysis finished after an edit, or a smoke-test run recorded results), so views refresh
 * without polling.
 */
export const checklistChangedNotification = new NotificationType<ChecklistChangedParams>('readiness/checklistChanged');

/**
 * The verdict over several checklists shown together (the sidebar's badge and message): NO-GO when
 * one is NO-GO, GO when all are, "no blockers" when none was given; the blockers not ready are summed.
 * The server's rule, kept here so that the client combines the verdicts it was given without deciding.
 */
export function combineVerdicts(verdicts: readonly Verdict[]): CombinedVerdict {
  const pending = verdicts.reduce((sum, v) => sum + v.blockers.total - v.blockers.ready, 0);
  const total = verdicts.reduce((sum, v) => sum + v.blockers.total, 0);
  const kind = verdicts.length === 0 ? 'no-blockers' : verdicts.some((v) => v.decision === 'no-go') ? 'no-go' : 'go';
  return { kind, pending, total };
}

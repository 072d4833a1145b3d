// The Testing view's "Readiness smoke tests": a TestController fed by the server's
// `readiness/smokeTestTree` (checklist → item → test, with ranges for the gutter's run buttons),
// run through `readiness/runSmokeTests` (the code lenses' request: evidence pasted unless
// `readiness.testing.pasteEvidence` is off), one run profile per environment (each checklist runs in
// the environments of its own settings). Runs from the code lenses and the sidebar are shown here
// too. The last result of each test is kept in workspace state: after a reload the view shows it
// again and the server gets it for the sidebar. The client maps the server's nodes and results to
// TestItems and TestMessages; it decides nothing about the checklist.
import * as vscode from 'vscode';
import { State, type LanguageClient } from 'vscode-languageclient/node';
import {
  restoreSmokeResultsNotification,
  runSmokeTestsRequest,
  smokeTestTreeRequest,
  type RunSmokeTestsResult,
  type Range,
  type SmokeChecklistNode,
  type SmokeFailureView,
  type SmokeTestRunResult,
  type SmokeTestTreeResult,
} from '../../../server/src/protocol';
import { BaseUrls } from '../smoke/baseUrl';
import { explainRestrictedMode } from '../smoke/restrictedMode';
import type { FinishedRun, SmokeTestRunner } from '../smoke/runSmokeTests';
import { checklistInView, runEnvironment } from './environments';
import { LastResults, testId, type StoredResult } from './lastResults';

interface TestData {
  readonly checklist: SmokeChecklistNode;
  readonly key: string;
  /** The command's range as the tree gives it now: where a failure message goes. */
  readonly commandRange: Range;
}

/** A stored result shown again after a reload, with the messages it was shown with. */
export interface RepublishedResult {
  readonly result: StoredResult;
  readonly messages: readonly vscode.TestMessage[];
}

export class SmokeTestController implements vscode.Disposable {
  readonly controller = vscode.tests.createTestController(
    'readiness.smokeTests',
    vscode.l10n.t('Readiness smoke tests'),
  );
  private readonly tests = new WeakMap<vscode.TestItem, TestData>();
  private readonly profiles = new Map<string, vscode.TestRunProfile>();
  private readonly baseUrls: BaseUrls;
  private readonly last: LastResults;
  private readonly refreshed = new vscode.EventEmitter<SmokeTestTreeResult>();
  /** Fires after each refresh of the tree (the integration tests wait on it). */
  readonly onDidRefresh = this.refreshed.event;
  private readonly finished = new vscode.EventEmitter<readonly SmokeTestRunResult[]>();
  /** Fires with the results of each finished run. */
  readonly onDidFinishRun = this.finished.event;
  /** Tests whose result this session has shown: run here, or a stored result published again. */
  private readonly shown = new Set<string>();
  /** What was published again from workspace state in this session, by test id. */
  private readonly republished = new Map<string, RepublishedResult>();
  /** Checklists whose stored results were checked against their tests in this session. */
  private readonly checked = new Set<string>();
  private readonly subscriptions: vscode.Disposable[] = [];
  private tree: SmokeTestTreeResult | undefined;
  private refreshing: Promise<void> | undefined;

  constructor(
    private readonly client: LanguageClient,
    state: vscode.Memento,
    /** The code lenses' runner: while it counts a run, the server's questions (secrets, foreign hosts) are answered. */
    private readonly runner: Pick<SmokeTestRunner, 'during' | 'onDidRun'>,
  ) {
    this.last = new LastResults(state);
    this.baseUrls = new BaseUrls(client);
    this.controller.resolveHandler = async (item) => {
      if (!item) await this.refresh();
    };
    this.controller.refreshHandler = () => this.refresh();
    this.profile(undefined);
    this.subscriptions.push(
      runner.onDidRun((run) => this.showRun(run)),
      // Each start of the server (also after a crash): it gets the kept results, so the sidebar shows them.
      client.onDidChangeState((event) => {
        if (event.newState === State.Running)
          void client.sendNotification(restoreSmokeResultsNotification, this.last.restoreParams());
      }),
    );
  }

  /** The environments the status bar offers: those of the active editor's checklist (else the first listed). */
  environmentsFor(uri: string | undefined): { readonly names: readonly string[]; readonly current?: string } {
    const checklist = checklistInView(this.tree, uri);
    return {
      names: checklist?.environments ?? [],
      ...(checklist?.environment === undefined ? {} : { current: checklist.environment }),
    };
  }

  /** The URI of the checklist the status bar speaks for (see `environmentsFor`). */
  checklistFor(uri: string | undefined): string | undefined {
    return checklistInView(this.tree, uri)?.uri;
  }

  /** Asks the server for the tree again (after a checklist changed, a file appeared, settings changed). */
  refresh(): Promise<void> {
    this.refreshing ??= this.load().finally(() => (this.refreshing = undefined));
    return this.refreshing;
  }

  private async load(): Promise<void> {
    const tree = await this.client.sendRequest(smokeTestTreeRequest, {});
    this.tree = tree;
    const items: vscode.TestItem[] = [];
    for (const checklist of tree.checklists) {
      const uri = vscode.Uri.parse(checklist.uri);
      const file = this.controller.createTestItem(checklist.uri, checklist.label, uri);
      file.description = checklist.relativePath;
      for (const node of checklist.items) {
        const group = this.controller.createTestItem(node.id, node.label, uri);
        group.range = toRange(node.range);
        for (const test of node.tests) {
          const item = this.controller.createTestItem(test.id, test.label, uri);
          item.range = toRange(test.range);
          this.tests.set(item, { checklist, key: test.key, commandRange: test.commandRange });
          group.children.add(item);
        }
        file.children.add(group);
      }
      items.push(file);
    }
    this.controller.items.replace(items);
    for (const name of tree.environments) this.profile(name);
    for (const [name, profile] of this.profiles) {
      if (name === '' || tree.environments.includes(name)) continue;
      profile.dispose();
      this.profiles.delete(name);
    }
    this.republish(tree);
    this.refreshed.fire(tree);
  }

  /** The profile "Run" (the current environment) or "Run in NAME". */
  private profile(environment: string | undefined): void {
    const key = environment ?? '';
    if (this.profiles.has(key)) return;
    const label = environment === undefined ? vscode.l10n.t('Run') : vscode.l10n.t('Run in {0}', environment);
    const profile = this.controller.createRunProfile(
      label,
      vscode.TestRunProfileKind.Run,
      (request, token) => this.run(request, token, environment),
      environment === undefined,
    );
    this.profiles.set(key, profile);
  }

  /** Runs the tests a request names (all when none), one server request per checklist. */
  async run(
    request: vscode.TestRunRequest,
    token: vscode.CancellationToken,
    environment: string | undefined,
  ): Promise<void> {
    if (!vscode.workspace.isTrusted) {
      explainRestrictedMode();
      return;
    }
    const byChecklist = new Map<string, { checklist: SmokeChecklistNode; items: vscode.TestItem[] }>();
    const exclude = new Set(request.exclude ?? []);
    const collect = (item: vscode.TestItem) => {
      if (exclude.has(item)) return;
      const data = this.tests.get(item);
      if (data) {
        const entry = byChecklist.get(data.checklist.uri) ?? { checklist: data.checklist, items: [] };
        entry.items.push(item);
        byChecklist.set(data.checklist.uri, entry);
      }
      item.children.forEach(collect);
    };
    if (request.include) request.include.forEach(collect);
    else this.controller.items.forEach(collect);

    const run = this.controller.createTestRun(request);
    const all: SmokeTestRunResult[] = [];
    try {
      for (const { checklist, items } of byChecklist.values()) {
        if (token.isCancellationRequested) {
          for (const item of items) run.skipped(item);
          continue;
        }
        for (const item of items) run.enqueued(item);
        const result = await this.runChecklist(checklist, items, environment, run, token);
        if (result) all.push(...result.results);
      }
    } finally {
      run.end();
      this.finished.fire(all);
    }
  }

  private async runChecklist(
    checklist: SmokeChecklistNode,
    items: readonly vscode.TestItem[],
    environment: string | undefined,
    run: vscode.TestRun,
    token: vscode.CancellationToken,
  ): Promise<RunSmokeTestsResult | undefined> {
    const uri = vscode.Uri.parse(checklist.uri);
    const where = runEnvironment(checklist, environment);
    if (!where.run) {
      run.appendOutput(
        `${vscode.l10n.t('{0}: not run, its settings have no environment {1}.', checklist.relativePath, where.missing)}\r\n`,
      );
      for (const item of items) run.skipped(item);
      return undefined;
    }
    // In an environment the server knows the base URL; otherwise it is the setting or asked for once.
    const base = where.environment === undefined ? await this.baseUrls.resolve(uri, checklist.stagingHost) : {};
    if (!base) {
      for (const item of items) run.skipped(item);
      return undefined;
    }
    // The server runs the tests of open documents only (it pastes their evidence into the editor).
    await vscode.workspace.openTextDocument(uri);
    for (const item of items) run.started(item);
    const keys = new Map(items.map((item) => [this.tests.get(item)?.key ?? '', item]));
    const pasteEvidence = vscode.workspace
      .getConfiguration('readiness.testing', uri)
      .get<boolean>('pasteEvidence', true);
    let result: RunSmokeTestsResult;
    try {
      const params = {
        uri: checklist.uri,
        testKeys: [...keys.keys()],
        pasteEvidence,
        ...base,
        ...(where.environment === undefined ? {} : { environment: where.environment }),
      };
      // Cancelling the Testing view's run cancels the request: the server stops the test in flight.
      result = await this.runner.during(() => this.client.sendRequest(runSmokeTestsRequest, params, token));
    } catch (error) {
      const message = new vscode.TestMessage(error instanceof Error ? error.message : String(error));
      for (const item of items) run.errored(item, message);
      return undefined;
    }
    if (result.error !== undefined) {
      for (const item of items) run.errored(item, new vscode.TestMessage(result.error));
      return result;
    }
    for (const line of result.lines) run.appendOutput(`${line}\r\n`);
    for (const message of result.dropped) run.appendOutput(`${message}\r\n`);
    for (const stored of this.last.record(checklist.uri, result.results)) {
      const item = keys.get(stored.key);
      if (!item) continue;
      this.shown.add(item.id);
      publish(run, item, stored, this.tests.get(item)?.commandRange);
    }
    for (const test of result.results)
      if (test.outcome === 'cancelled') publish(run, keys.get(test.testKey), undefined, undefined);
    return result;
  }

  /** A run from a code lens, the sidebar or the palette: kept, and shown in a run of its own. */
  private showRun({ uri, result }: FinishedRun): void {
    const checklist = this.tree?.checklists.find((node) => node.uri === uri);
    const stored = this.last.record(checklist?.uri ?? uri, result.results);
    const shown = stored.flatMap((entry) => {
      const item = this.item(testId(entry.uri, entry.key));
      return item ? [[item, entry] as const] : [];
    });
    if (shown.length === 0) return;
    const run = this.controller.createTestRun(new vscode.TestRunRequest(shown.map(([item]) => item)));
    for (const [item, entry] of shown) {
      this.shown.add(item.id);
      publish(run, item, entry, this.tests.get(item)?.commandRange);
    }
    run.end();
  }

  /**
   * The stored results of tests listed for the first time in this session (after a reload, or a
   * checklist that appeared), in a run of their own, so the view and the gutter show them again. A
   * checklist listed for the first time first loses the results of tests it no longer has.
   */
  private republish(tree: SmokeTestTreeResult): void {
    for (const checklist of tree.checklists) {
      if (this.checked.has(checklist.uri)) continue;
      this.checked.add(checklist.uri);
      this.last.keepOnly(checklist.uri, new Set(checklist.items.flatMap((node) => node.tests.map((t) => t.key))));
    }
    const kept = this.last.snapshot();
    const stored: [vscode.TestItem, StoredResult][] = [];
    const visit = (item: vscode.TestItem) => {
      const result = this.shown.has(item.id) ? undefined : kept.get(item.id);
      if (result && this.tests.has(item)) stored.push([item, result]);
      item.children.forEach(visit);
    };
    this.controller.items.forEach(visit);
    if (stored.length === 0) return;
    const run = this.controller.createTestRun(
      new vscode.TestRunRequest(stored.map(([item]) => item)),
      vscode.l10n.t('Last results'),
      false,
    );
    for (const [item, result] of stored) {
      this.shown.add(item.id);
      const messages = publish(run, item, result, this.tests.get(item)?.commandRange);
      this.republished.set(item.id, { result, messages });
    }
    run.end();
  }

  private item(id: string): vscode.TestItem | undefined {
    let found: vscode.TestItem | undefined;
    const visit = (item: vscode.TestItem) => {
      if (item.id === id) found = item;
      else if (!found) item.children.forEach(visit);
    };
    this.controller.items.forEach(visit);
    return found;
  }

  /** The last stored result of a test, by its TestItem id (for the integration tests). */
  lastResult(id: string): StoredResult | undefined {
    return this.last.get(id);
  }

  /** The stored result this session published again for a test, and its messages (for the integration tests). */
  republishedResult(id: string): RepublishedResult | undefined {
    return this.republished.get(id);
  }

  dispose(): void {
    for (const subscription of this.subscriptions) subscription.dispose();
    for (const profile of this.profiles.values()) profile.dispose();
    this.refreshed.dispose();
    this.finished.dispose();
    this.controller.dispose();
  }
}

function toRange(range: {
  start: { line: number; character: number };
  end: { line: number; character: number };
}): vscode.Range {
  return new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character);
}

/** Publishes a result in a run; the failure messages go on the command's range (as the tree gives it now). */
function publish(
  run: vscode.TestRun,
  item: vscode.TestItem | undefined,
  result: StoredResult | undefined,
  commandRange: Range | undefined,
): vscode.TestMessage[] {
  if (!item) return [];
  switch (result?.outcome) {
    case 'passed':
      run.passed(item, result.elapsedMs);
      return [];
    case 'failed': {
      const messages = messagesOf(result, commandRange ?? result.commandRange);
      run.failed(item, messages, result.elapsedMs);
      return messages;
    }
    default:
      // Not run (no secret, a foreign host refused, not runnable) or cancelled: skipped, with why.
      if (result && result.reason !== '') run.appendOutput(`${item.label}: ${result.reason}\r\n`, undefined, item);
      run.skipped(item);
      return [];
  }
}

/** One message per failure, with expected and actual values, on the command's line. */
function messagesOf(result: StoredResult, commandRange: Range | undefined): vscode.TestMessage[] {
  const location = commandRange ? new vscode.Location(vscode.Uri.parse(result.uri), toRange(commandRange)) : undefined;
  const failures: readonly SmokeFailureView[] =
    result.failures.length > 0 ? result.failures : [{ kind: 'other', message: result.reason }];
  return failures.map((failure) => {
    const message =
      failure.expected !== undefined && failure.actual !== undefined
        ? vscode.TestMessage.diff(failure.message, failure.expected, failure.actual)
        : new vscode.TestMessage(failure.message);
    if (location) message.location = location;
    return message;
  });
}

// `readiness/runSmokeTests`: runs a document's smoke tests in the server's process
// and pastes their evidence back. Progress is LSP work-done progress; cancelling
// the request (or the server-created progress) aborts the request in flight, and
// what finished is still written. Each request, status and time goes to the
// client's output channel with secrets masked. The evidence is located again in
// the document as it is after the run, so edits made meanwhile are respected.
import type { CancellationToken, Connection, TextEdit, WorkDoneProgressReporter } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import {
  inEnvironment,
  localTimeOfDay,
  type Analysis,
  type Language,
  type WallClock,
  type Redactor,
  type SmokeResult,
  type SmokeRun,
  type SmokeSettings,
  type SmokeSuite,
  type SmokeTest,
  type Translate,
} from '../core/api';
import type { ReadinessService } from '../core/service';
import type { FetchHttpClient } from '../node/fetchHttpClient';
import { RUNNER_VERSION } from '../node/runnerVersion';
import {
  checklistChangedNotification,
  type LastSmokeResultView,
  type Range,
  type RunSmokeTestsParams,
  type RunSmokeTestsResult,
  type SmokeFailureView,
  type SmokeTestRunResult,
} from '../protocol';
import type { RestoredEntry } from './restoredResults';
import type { ResourceSettings } from './settings';
import { editorEnvironment } from './smokeEnvironment';
import { smokeSuiteOf } from './smokeEditor';

export interface SmokeRunHost {
  readonly service: ReadinessService;
  /** The service's HTTP port, warmed up before a run so the first test's time is not the connection's. */
  readonly http: FetchHttpClient;
  document(uri: string): TextDocument | undefined;
  /** The document's current analysis; undefined when it is not a checklist. */
  analysis(uri: string): Promise<Analysis | undefined>;
  settings(uri: string): Promise<ResourceSettings>;
  /** The workspace folders, as URIs. */
  folders(): readonly string[];
  /** The document's path relative to its workspace folder, for messages. */
  relativePath(uri: string): string;
  t(): Translate;
  locale(): string | undefined;
  /** When tests run, for their evidence stamps (on the server's pinned date, if any). */
  wallClock(): WallClock;
  /** Today's local date (`YYYY-MM-DD`), for the header's "Última Actualización" after evidence is written. */
  today?(): string;
}

/** A document whose text keeps changing gets this many tries at a versioned edit. */
const WRITE_ATTEMPTS = 3;

export class SmokeRuns {
  /** Documents with a run in flight: a second run of the same document would race it for the same fields. */
  private readonly running = new Set<string>();
  /** The last result of each test run in this session, by document and test key: what the sidebar shows. */
  private readonly last = new Map<string, Map<string, LastSmokeResultView>>();

  constructor(
    private readonly connection: Connection,
    private readonly host: SmokeRunHost,
  ) {}

  lastResults(uri: string): ReadonlyMap<string, LastSmokeResultView> {
    return this.last.get(uri) ?? new Map<string, LastSmokeResultView>();
  }

  /**
   * Results kept from earlier sessions: each becomes its test's last result unless the test ran in this
   * session. The documents whose results changed.
   */
  restore(entries: readonly RestoredEntry[]): string[] {
    const changed = new Set<string>();
    for (const { uri, testKey, last } of entries) {
      const byKey = this.last.get(uri) ?? new Map<string, LastSmokeResultView>();
      if (byKey.has(testKey)) continue;
      byKey.set(testKey, last);
      this.last.set(uri, byKey);
      changed.add(uri);
    }
    return [...changed];
  }

  async run(params: RunSmokeTestsParams, token: CancellationToken): Promise<RunSmokeTestsResult> {
    const t = this.host.t();
    const { uri } = params;
    if (this.running.has(uri)) return nothingRan(t('smoke.error.busy'));
    const analysis = await this.host.analysis(uri);
    const document = this.host.document(uri);
    if (!document) return nothingRan(t('smoke.error.notOpen'));
    if (!analysis) return nothingRan(t('smoke.error.notChecklist'));
    const suite = smokeSuiteOf(this.host.service, analysis, document.getText());
    if (suite.tests.length === 0) return nothingRan(t('smoke.error.noTests'));
    const wanted = params.testKeys;
    const tests = wanted ? suite.tests.filter((test) => wanted.includes(test.key)) : suite.tests;
    if (wanted && tests.length !== new Set(wanted).size) return nothingRan(t('smoke.error.changed'));

    const resource = await this.host.settings(uri);
    // An environment gives the base URL and more allowed hosts; a base URL the user just typed still wins.
    const environmentName = params.environment ?? resource.environment;
    const environment = environmentName === undefined ? undefined : inEnvironment(resource, environmentName);
    if (environmentName !== undefined && !environment)
      return nothingRan(
        t('smoke.error.unknownEnvironment', environmentName, Object.keys(resource.environments).join(', ') || '-'),
      );
    const smoke = environment ?? resource.smoke;
    const settings: SmokeSettings = { ...smoke, baseUrl: params.baseUrl ?? smoke.baseUrl };
    const baseProblem = checkBaseUrl(this.host.service, suite, tests, settings.baseUrl, t);
    if (baseProblem) return baseProblem;

    this.running.add(uri);
    const controller = new AbortController();
    const cancelled = token.onCancellationRequested(() => controller.abort());
    const progress = await this.progress(params, controller);
    try {
      return await this.runAndWrite(uri, document.getText(), suite, tests, settings, progress, controller.signal, {
        paste: params.pasteEvidence !== false,
        environmentName: environment?.environment,
      });
    } finally {
      progress.done();
      cancelled.dispose();
      this.running.delete(uri);
      // Views show the last results: tell them, whether or not evidence was written.
      const now = this.host.document(uri);
      void this.connection.sendNotification(checklistChangedNotification, {
        uri,
        version: now?.version ?? -1,
        isChecklist: true,
        progress: analysis.progress,
      });
    }
  }

  /** The client's progress when it sent a token (it shows a cancellable notification), else one the server creates. */
  private async progress(params: RunSmokeTestsParams, controller: AbortController): Promise<WorkDoneProgressReporter> {
    const t = this.host.t();
    let reporter: WorkDoneProgressReporter;
    if (params.workDoneToken !== undefined) {
      reporter = this.connection.window.attachWorkDoneProgress(params.workDoneToken);
    } else {
      const created = await this.connection.window.createWorkDoneProgress().catch(() => undefined);
      created?.token.onCancellationRequested(() => controller.abort());
      reporter = created ?? { begin: () => undefined, report: () => undefined, done: () => undefined };
    }
    reporter.begin(t('smoke.progress.title'), 0, undefined, true);
    return reporter;
  }

  private async runAndWrite(
    uri: string,
    text: string,
    suite: SmokeSuite,
    tests: readonly SmokeTest[],
    settings: SmokeSettings,
    progress: WorkDoneProgressReporter,
    signal: AbortSignal,
    { paste, environmentName }: { paste: boolean; environmentName: string | undefined },
  ): Promise<RunSmokeTestsResult> {
    const t = this.host.t();
    const { service } = this.host;
    const language = service.language(this.host.locale());
    const log = this.connection.console;
    const base = service.smoke.parseBaseUrl(settings.baseUrl);
    log.info(
      t(
        'smoke.log.start',
        tests.length,
        suite.tests.length,
        base.ok ? base.origin + base.pathPrefix : '-',
        suite.stagingHost ? `http://${suite.stagingHost}` : '-',
      ),
    );
    // Every line printed goes through the run's redactor; until the run has one, nothing with a value is printed.
    let redact: Redactor = (line) => line;
    const environment = editorEnvironment({
      connection: this.connection,
      http: this.host.http,
      documentUri: uri,
      documentText: text,
      folders: this.host.folders(),
      wallClock: this.host.wallClock(),
      observer: {
        testStarted: (test, at) => {
          redact = at.redact;
          progress.report(
            Math.round((100 * at.index) / at.total),
            redact(t('smoke.progress.test', test.number, test.method, test.path, at.index + 1, at.total)),
          );
        },
        requestSent: (test, request) =>
          log.info(redact(t('smoke.log.request', test.number, request.method, request.url))),
        testFinished: (result, at) => {
          const line = at.redact(service.smoke.resultLine(result, language));
          if (result.outcome === 'passed') log.info(line);
          else log.warn(line);
        },
      },
    });
    await this.host.http.warmUp();
    const run = await service.smoke.run(suite, settings, environment, { tests, signal });
    const commandRanges = new Map(tests.map((test) => [test.key, test.commandRange]));
    const results = run.results.map((result) =>
      runResult(service, result, run.redact, language, commandRanges.get(result.testKey)),
    );
    // Before the evidence is written, so the view model asked for after that edit has them.
    this.record(uri, results);
    const { written, dropped } = paste
      ? await this.writeEvidence(uri, run, language, settings.baseUrl, environmentName)
      : { written: false, dropped: [] };
    const summary = service.smoke.summarize(run.results);
    const summaryText = run.redact(service.smoke.summaryLine(summary, language));
    log.info(summaryText);
    for (const message of dropped) log.warn(message);
    return {
      ...summary,
      summary: summaryText,
      lines: run.results.map((result) => run.redact(service.smoke.resultLine(result, language))),
      results,
      written,
      dropped,
    };
  }

  /** Pasted evidence is an edit Readiness made: with `readiness.header.bumpLastUpdated`, "Última Actualización" follows. */
  private async withLastUpdated(uri: string, text: string, edits: TextEdit[]): Promise<TextEdit[]> {
    const today = this.host.today?.();
    if (today === undefined || !(await this.host.settings(uri)).bumpLastUpdated) return edits;
    const { service } = this.host;
    return service.header.withLastUpdatedBump(edits, text, service.analyse(text).checklist, today);
  }

  private record(uri: string, results: readonly SmokeTestRunResult[]): void {
    // A cancelled test said nothing about its endpoint: the result before it stays.
    const said = results.filter((result) => result.outcome !== 'cancelled');
    if (said.length === 0) return;
    const ranAt = localTimeOfDay(new Date());
    const byKey = this.last.get(uri) ?? new Map<string, LastSmokeResultView>();
    for (const result of said) {
      const { outcome, status, elapsedMs, reason } = result;
      byKey.set(result.testKey, {
        outcome,
        reason,
        ranAt,
        ...(status === undefined ? {} : { status }),
        ...(elapsedMs === undefined ? {} : { elapsedMs }),
      });
    }
    this.last.set(uri, byKey);
  }

  /** Locates each test again in the text as it is now and applies the evidence as one versioned edit. */
  private async writeEvidence(
    uri: string,
    run: SmokeRun,
    language: Language,
    baseUrl: string | undefined,
    environment: string | undefined,
  ): Promise<{ written: boolean; dropped: string[] }> {
    const t = this.host.t();
    if (!run.results.some((r) => r.evidence)) return { written: false, dropped: [] };
    for (let attempt = 0; attempt < WRITE_ATTEMPTS; attempt++) {
      const document = this.host.document(uri);
      if (!document) return { written: false, dropped: [t('smoke.error.closed')] };
      // Text and version are read together: the edit is refused if the document moved on since.
      const { version } = document;
      const { service } = this.host;
      const text = document.getText();
      const plan = service.evidence.stampedEdits(
        text,
        service.smoke.tests(service.analyse(text).checklist, text),
        run.results,
        { runner: RUNNER_VERSION, baseUrl, environment },
        language,
      );
      const dropped = plan.dropped.map((d) => d.message);
      if (plan.edits.length === 0) {
        this.connection.console.info(t('smoke.log.nothingWritten'));
        return { written: false, dropped };
      }
      // Evidence is redacted by the core already; masking once more costs nothing and guards the document.
      const evidence: TextEdit[] = plan.edits.map((edit) => ({ range: edit.range, newText: run.redact(edit.newText) }));
      const edits = await this.withLastUpdated(uri, document.getText(), evidence);
      const applied = await this.connection.workspace
        .applyEdit({ label: t('smoke.progress.title'), documentChanges: [{ textDocument: { uri, version }, edits }] })
        .then(
          (result) => result.applied,
          () => false,
        );
      if (applied) {
        this.connection.console.info(t('smoke.log.written', this.host.relativePath(uri)));
        return { written: true, dropped };
      }
    }
    return { written: false, dropped: [t('smoke.error.notApplied')] };
  }
}

function nothingRan(error: string, extra: { needsBaseUrl?: boolean } = {}): RunSmokeTestsResult {
  return {
    error,
    ...extra,
    passed: 0,
    failed: 0,
    notRun: 0,
    cancelled: 0,
    summary: '',
    lines: [],
    results: [],
    written: false,
    dropped: [],
  };
}

/** One test's result as data, worded and masked like its line, with each failure's expected and actual values. */
function runResult(
  service: ReadinessService,
  result: SmokeResult,
  redact: Redactor,
  language: Language,
  commandRange: Range | undefined,
): SmokeTestRunResult {
  const failures: SmokeFailureView[] =
    result.outcome === 'failed'
      ? result.reasons.map((reason) => {
          const { kind, expected, actual } = service.smoke.expectationOf(reason, language);
          return {
            kind,
            message: redact(service.smoke.describeReason(reason, language)),
            ...(expected === undefined ? {} : { expected: redact(expected) }),
            ...(actual === undefined ? {} : { actual: redact(actual) }),
          };
        })
      : [];
  return {
    testKey: result.testKey,
    number: result.number,
    outcome: result.outcome,
    ...(result.status === undefined ? {} : { status: result.status }),
    ...(result.elapsedMs === undefined ? {} : { elapsedMs: result.elapsedMs }),
    reason: redact(result.reasons.map((reason) => service.smoke.describeReason(reason, language)).join('; ')),
    ...(commandRange ? { commandRange } : {}),
    failures,
  };
}

/**
 * Tests aimed at the document's staging host need a base URL, and never the placeholder host
 * itself: `http://staging-host` names no real server, whatever a resolver might make of it.
 */
function checkBaseUrl(
  service: ReadinessService,
  suite: SmokeSuite,
  tests: readonly SmokeTest[],
  baseUrl: string | undefined,
  t: Translate,
): RunSmokeTestsResult | undefined {
  const staging = suite.stagingHost;
  // Aimed at the staging host, or at a variable for it (`$BASE_URL/health`).
  const aimed = tests.flatMap((test) =>
    test.parsed.ok && service.smoke.isStagingHost(service.smoke.writtenHost(test.parsed.command.url), staging)
      ? [test.parsed.command.url]
      : [],
  );
  const first = aimed[0];
  if (first === undefined) return undefined;
  if (baseUrl === undefined)
    return nothingRan(
      t('smoke.error.noBaseUrl', staging ? `http://${staging}` : (/^[a-z]+:\/\/([^/?#]*)/i.exec(first)?.[1] ?? first)),
      {
        needsBaseUrl: true,
      },
    );
  const base = service.smoke.parseBaseUrl(baseUrl);
  if (!base.ok) return nothingRan(t('smoke.error.badBaseUrl', baseUrl));
  if (staging !== undefined && isPlaceholderHost(staging) && hostnameOf(base.host) === hostnameOf(staging))
    return nothingRan(t('smoke.error.placeholderHost', `http://${staging}`));
  return undefined;
}

/**
 * What is wrong with a base URL the user is typing (`readiness/checkBaseUrl`): not an http(s) URL, or
 * the checklist's own placeholder host. Undefined when the tests can run against it.
 */
export function baseUrlProblem(
  service: ReadinessService,
  baseUrl: string,
  stagingHost: string | undefined,
  t: Translate,
): string | undefined {
  const base = service.smoke.parseBaseUrl(baseUrl.trim());
  if (!base.ok) return t('smoke.prompt.notHttpUrl');
  if (
    stagingHost !== undefined &&
    isPlaceholderHost(stagingHost) &&
    hostnameOf(base.host).toLowerCase() === hostnameOf(stagingHost).toLowerCase()
  ) {
    return t('smoke.prompt.placeholderHost', `http://${stagingHost}`);
  }
  return undefined;
}

/** A single-label name such as `staging-host` (not `localhost`, not an address) stands for a server. */
export function isPlaceholderHost(host: string): boolean {
  const name = hostnameOf(host);
  return name !== '' && !name.includes('.') && !name.startsWith('[') && name !== 'localhost';
}

function hostnameOf(host: string): string {
  return host.startsWith('[') ? host.slice(0, host.indexOf(']') + 1) : (host.split(':')[0] ?? '');
}

// The front door of the core: `createReadinessService(ports)` gives the language server and the CLI
// every operation they need (analyse, fixes, hover, completion, symbols, links, file references,
// smoke runs, the view model) over one set of ports, as a frozen object. Front ends call this and
// the types of core/api.ts, not the modules behind it.
import { allEvidence, ChecklistAnalyzer, type Analysis, type AnalysisOptions } from './analyzer';
import { evidenceHoverAt, evidenceWords, type EvidenceWords } from './features/evidenceHover';
import { signOffFix } from './features/signOffFixes';
import { LineIndex } from './markdown/lines';
import { DEFAULT_EVIDENCE_MAX_AGE_DAYS, type TestEvidenceRecord } from './rules/evidenceState';
import { isStale, type SignOff } from './rules/signoffs';
import { pastedEvidence, verifyResult, type PastedEvidence } from './smoke/drift';
import { isChecklist, matchesAny, mayBeChecklist } from './detect';
import { completionsAt } from './features/completion';
import {
  notApplicableFix,
  placeholderFixes,
  removeBracketsFix,
  repairEncodingFix,
  setStateEdits,
  stateFixes,
  syncSummaryFix,
  type Fix,
} from './features/fixes';
import { hoverAt, type HoverContent } from './features/hover';
import { itemHeadingOrStateAt } from './features/lookup';
import { redactAllFix, secretFixes, secretNameOf } from './features/secretFixes';
import { outline, type OutlineSymbol } from './features/symbols';
import { languageOf, translator, type Language, type Translate } from './messages';
import type { Checklist, Item, Placeholder } from './model/checklist';
import type { ReadinessPorts, SecretProvider } from './ports';
import { listedSecretNames } from './secrets';
import {
  dirnameOf,
  fileFactOf,
  gatherFileFacts,
  isInside,
  joinPath,
  relativePath,
  type FileFact,
  referenceFindings,
  referenceFixes,
  referenceHoverAt,
  referenceLinks,
  referencePaths,
  withReferenceFindings,
  type FileFacts,
  type ReferenceContext,
} from './references';
import { RULES, type RuleMetadata } from './rules/registry';
import { findConfig, parseConfigText, type FoundConfig, type ParsedConfig } from './settings';
import { commandHoverAt } from './smoke/commandHover';
import { isStagingHost, parseBaseUrl, writtenHost } from './smoke/hosts';
import {
  applyTextEdits,
  describeReason,
  evidenceEdits,
  expectationOf,
  findSmokeTests,
  resultLine,
  runSmokeTests,
  smokeTestAt,
  stampedEvidenceEdits,
  stampsOf,
  summarize,
  summaryLine,
  type FileReader,
  type RunOptions,
  type SmokeEnvironment,
  type SmokeRun,
  type SmokeSettings,
  type SmokeSuite,
} from './smoke';
import type { Finding, Position, Range } from './types';
import {
  checklistView,
  notAChecklistView,
  type ChecklistViewInput,
  type ChecklistViewResult,
} from './view/checklistView';
import {
  buildReport,
  REPORT_FORMATS,
  renderReport,
  type HtmlOptions,
  type ReportContext,
  type ReportFormat,
  type ReportModel,
} from './report';
import { lastUpdatedEdits, withLastUpdatedBump } from './rules/headerStatus';
import { blockerVerdict, verdictOf, type BlockerVerdict, type Verdict, type VerdictContext } from './verdict';
import type { Progress } from './model/checklist';
import type { Now } from './dates';

/** One document's analyses: keeps the per-block caches of its text, so an edit reparses only what changed. */
export interface DocumentAnalyser {
  analyse(text: string, options?: AnalysisOptions): Analysis;
  /** The same analysis in steps of bounded work: a server that yields between steps keeps answering while a large document is analysed. */
  analyseInSteps(text: string, options?: AnalysisOptions): Generator<void, Analysis, void>;
}

/** What a smoke run needs besides the service's ports: the files it may upload, and the run's own hooks. */
export type SmokeRunEnvironment = Omit<SmokeEnvironment, 'http' | 'clock' | 'secrets'> & {
  readonly files: FileReader;
  /** This run's secrets, when they depend on the document (the CLI reads only the names it declares); else the service's port. */
  readonly secrets?: SecretProvider | undefined;
};

export interface ReadinessService {
  /** The display language's sentences (the service's locale unless one is given). */
  messages(locale?: string): Translate;
  language(locale?: string): Language;
  /** Every rule with its metadata. */
  readonly rules: readonly RuleMetadata[];
  /** Is this markdown file a checklist? (`readiness.files` globs or three state fields.) */
  isChecklist(path: string, text: string, globs: readonly string[]): boolean;
  /** The cheap pre-check: false only for a file `isChecklist` would reject too. */
  mayBeChecklist(path: string, text: string, globs: readonly string[]): boolean;
  matchesAny(path: string, globs: readonly string[]): boolean;
  /** A one-off analysis, checked against the service's date unless the options give one. */
  analyse(text: string, options?: AnalysisOptions): Analysis;
  /** An analyser for one document, the one cache owner of its blocks. */
  openDocument(): DocumentAnalyser;
  hover(checklist: Checklist, position: Position, t?: Translate): HoverContent | undefined;
  completion(checklist: Checklist, position: Position): ReturnType<typeof completionsAt>;
  symbols(checklist: Checklist, t?: Translate): OutlineSymbol[];
  readonly fixes: {
    /** A placeholder's fixes; an optional one also gets "Mark as not applicable" in the checklist's language. */
    placeholder(placeholder: Placeholder, now: Now, t?: Translate, language?: Language): Fix[];
    /** "Remove the brackets" around a value typed inside them (a `bracketed-value` finding's range). */
    removeBrackets(text: string, at: Range, t?: Translate): Fix | undefined;
    itemAt(checklist: Checklist, position: Position): Item | undefined;
    state(checklist: Checklist, item: Item, t?: Translate): Fix[];
    /** "Mark item N as not applicable", when the item has a state to set. */
    notApplicable(checklist: Checklist, item: Item, t?: Translate): Fix | undefined;
    setState: typeof setStateEdits;
    syncSummary(checklist: Checklist, kind: Fix['kind'], t?: Translate): Fix | undefined;
    repairEncoding(text: string, t?: Translate): Fix | undefined;
    secret(finding: Finding, t?: Translate): Fix[];
    secretName: typeof secretNameOf;
    redactAll(findings: readonly Finding[], t?: Translate): Fix | undefined;
  };
  readonly references: {
    paths: typeof referencePaths;
    /** Facts about these paths, through the `files` port. */
    /** Facts about these paths, through the `files` port; nothing outside `fence` (the workspace folder) is looked at. */
    gather(paths: readonly string[], fence?: string): Promise<FileFacts>;
    /** Facts about one path, through the `files` port, inside `fence`. */
    fact(path: string, fence?: string): Promise<FileFact>;
    /** Path arithmetic on the core's `/`-separated paths. */
    readonly path: {
      readonly dirname: typeof dirnameOf;
      readonly isInside: typeof isInside;
      readonly join: typeof joinPath;
      readonly relative: typeof relativePath;
    };
    findings(context: Omit<ReferenceContext, 't'>, t?: Translate): Finding[];
    withFindings: typeof withReferenceFindings;
    fixes: typeof referenceFixes;
    hover: typeof referenceHoverAt;
    links: typeof referenceLinks;
  };
  readonly smoke: {
    /** The curl smoke tests of a checklist. */
    tests(checklist: Checklist, text: string): SmokeSuite;
    /** Runs smoke tests through the `http`, `clock` and `secrets` ports. */
    run(
      suite: SmokeSuite,
      settings: SmokeSettings,
      environment: SmokeRunEnvironment,
      options?: RunOptions,
    ): Promise<SmokeRun>;
    evidenceEdits: typeof evidenceEdits;
    applyTextEdits: typeof applyTextEdits;
    resultLine: typeof resultLine;
    summarize: typeof summarize;
    summaryLine: typeof summaryLine;
    describeReason: typeof describeReason;
    /** A failure's expected and actual values (status, time criterion, JSON key), for the Testing view. */
    expectationOf: typeof expectationOf;
    /** The hover over a shell command Readiness does not run, saying why. */
    commandHover(
      checklist: Checklist,
      position: Position,
      t?: Translate,
    ): { markdown: string; range: Range } | undefined;
    parseBaseUrl: typeof parseBaseUrl;
    writtenHost: typeof writtenHost;
    isStagingHost: typeof isStagingHost;
    testAt: typeof smokeTestAt;
    /** The secret names the checklist's secrets list declares: all the CLI may read from the environment. */
    declaredSecrets: typeof listedSecretNames;
  };
  readonly evidence: {
    /** Every smoke test's evidence record, unverified and untouched ones included (hovers, the view model, reports). */
    all: typeof allEvidence;
    /** The hover over a test's pasted evidence or stamp: when, where and how it ran. */
    hover(
      records: readonly TestEvidenceRecord[],
      position: Position,
      nowMs: number,
      t?: Translate,
    ): { markdown: string; range: Range } | undefined;
    /** A test's evidence in words (state, mark, summary), against the wall clock `nowMs`. */
    words(record: TestEvidenceRecord, nowMs: number, t?: Translate): EvidenceWords;
    /** The edits that paste a run's evidence with its provenance stamps. */
    stampedEdits: typeof stampedEvidenceEdits;
    /** What `readiness verify` compares against: each test's pasted evidence (by test key), read with its stamp. */
    pasted(
      suite: SmokeSuite,
      text: string,
    ): Map<string, { readonly stamped: boolean; readonly evidence: PastedEvidence | undefined }>;
    /** A re-run's result against the pasted evidence: unchanged, drift (what changed), error or skipped. */
    verify: typeof verifyResult;
    /** `readiness.evidence.maxAgeDays` unless configured. */
    readonly defaultMaxAgeDays: number;
  };
  readonly signOffs: {
    /** Dated before the newest evidence it approves. */
    isStale(signOff: SignOff): boolean;
    /** "Sign off as NAME": the name and today's date in the sign-off line. */
    fix(signOff: SignOff, name: string, now: Now, t?: Translate): Fix | undefined;
  };
  readonly config: {
    /** Parses the text of a `.readiness.json` (`readiness`) or a package.json's `readiness` key (`package`): settings and problems with their place. */
    parse(text: string, kind: 'readiness' | 'package', t?: Translate): ParsedConfig;
    /** The configuration file that applies to a folder, read through the `configFiles` port, searched no higher than `stopAt`. */
    find(folder: string, stopAt?: string, t?: Translate): Promise<FoundConfig | undefined>;
  };
  /** What `readiness/checklist` shows (and the report will): the view model of an analysis. */
  view(input: Omit<ChecklistViewInput, 'today'> & { readonly today?: string | undefined }): ChecklistViewResult;
  readonly notAChecklist: ChecklistViewResult;
  readonly report: {
    /** The supervisor's report of one checklist: the verdict, items, owners, smoke tests, references, sign-offs; secrets masked. */
    build(analysis: Analysis, context: Omit<ReportContext, 't'> & { readonly t?: Translate | undefined }): ReportModel;
    /** HTML (self-contained), GitHub-flavoured markdown or JSON. */
    render(model: ReportModel, format: ReportFormat, t?: Translate, html?: HtmlOptions): string;
    readonly formats: readonly ReportFormat[];
  };
  readonly header: {
    /** Readiness's own edits with the header's "Última Actualización" bumped to `today`. */
    withLastUpdatedBump: typeof withLastUpdatedBump;
    lastUpdatedEdits: typeof lastUpdatedEdits;
  };
  /** THE verdict of one checklist: GO / NO-GO with its reasons and conditions. */
  verdict(analysis: Analysis, context: Omit<VerdictContext, 't'> & { readonly t?: Translate | undefined }): Verdict;
  /** The blocker count over several checklists' progress (GO / NO-GO / no blockers). */
  blockerVerdict(progress: readonly Progress[]): BlockerVerdict;
}

export function createReadinessService(ports: ReadinessPorts): ReadinessService {
  const { settings } = ports;
  const messages = (locale?: string): Translate => translator(locale ?? settings.locale());
  const withDefaults = (options: AnalysisOptions = {}): AnalysisOptions => ({
    locale: settings.locale(),
    today: settings.today(),
    ...options,
  });
  const service: ReadinessService = {
    messages,
    language: (locale) => languageOf(locale ?? settings.locale()),
    rules: RULES,
    isChecklist,
    mayBeChecklist,
    matchesAny,
    analyse: (text, options) => new ChecklistAnalyzer().analyze(text, withDefaults(options)),
    openDocument: () => {
      const analyzer = new ChecklistAnalyzer();
      return Object.freeze({
        analyse: (text: string, options?: AnalysisOptions) => analyzer.analyze(text, withDefaults(options)),
        analyseInSteps: (text: string, options?: AnalysisOptions) =>
          analyzer.analyzeInSteps(text, withDefaults(options)),
      });
    },
    hover: (checklist, position, t) => hoverAt(checklist, position, t ?? messages()),
    completion: (checklist, position) => completionsAt(checklist, position),
    symbols: (checklist, t) => outline(checklist, t ?? messages()),
    fixes: Object.freeze({
      placeholder: (placeholder: Placeholder, now: Now, t?: Translate, language?: Language) =>
        placeholderFixes(placeholder, now, t ?? messages(), language),
      removeBrackets: (text: string, at: Range, t?: Translate) => removeBracketsFix(text, at, t ?? messages()),
      itemAt: itemHeadingOrStateAt,
      state: (checklist: Checklist, item: Item, t?: Translate) => stateFixes(checklist, item, t ?? messages()),
      notApplicable: (checklist: Checklist, item: Item, t?: Translate) =>
        notApplicableFix(checklist, item, t ?? messages()),
      setState: setStateEdits,
      syncSummary: (checklist: Checklist, kind: Fix['kind'], t?: Translate) =>
        syncSummaryFix(checklist, t ?? messages(), kind),
      repairEncoding: (text: string, t?: Translate) => repairEncodingFix(text, t ?? messages()),
      secret: (finding: Finding, t?: Translate) => secretFixes(finding, t ?? messages()),
      secretName: secretNameOf,
      redactAll: (findings: readonly Finding[], t?: Translate) => redactAllFix(findings, t ?? messages()),
    }),
    references: Object.freeze({
      paths: referencePaths,
      gather: (paths: readonly string[], fence?: string) => gatherFileFacts(paths, ports.files, fence),
      fact: (path: string, fence?: string) => fileFactOf(path, ports.files, fence),
      path: Object.freeze({ dirname: dirnameOf, isInside, join: joinPath, relative: relativePath }),
      findings: (context: Omit<ReferenceContext, 't'>, t?: Translate) =>
        referenceFindings({ ...context, t: t ?? messages() }),
      withFindings: withReferenceFindings,
      fixes: referenceFixes,
      hover: referenceHoverAt,
      links: referenceLinks,
    }),
    smoke: Object.freeze({
      tests: findSmokeTests,
      run: (suite: SmokeSuite, smokeSettings: SmokeSettings, environment: SmokeRunEnvironment, options?: RunOptions) =>
        runSmokeTests(
          suite,
          smokeSettings,
          {
            ...environment,
            http: ports.http,
            tcp: ports.tcp,
            clock: ports.clock,
            secrets: environment.secrets ?? ports.secrets,
          },
          options,
        ),
      evidenceEdits,
      applyTextEdits,
      resultLine,
      summarize,
      summaryLine,
      describeReason,
      expectationOf,
      commandHover: (checklist: Checklist, position: Position, t?: Translate) =>
        commandHoverAt(checklist, position, t ?? messages()),
      parseBaseUrl,
      writtenHost,
      isStagingHost,
      testAt: smokeTestAt,
      declaredSecrets: listedSecretNames,
    }),
    evidence: Object.freeze({
      all: allEvidence,
      hover: (records: readonly TestEvidenceRecord[], position: Position, nowMs: number, t?: Translate) =>
        evidenceHoverAt(records, position, nowMs, t ?? messages()),
      words: (record: TestEvidenceRecord, nowMs: number, t?: Translate) =>
        evidenceWords(record, nowMs, t ?? messages()),
      stampedEdits: stampedEvidenceEdits,
      pasted: (suite: SmokeSuite, text: string) => {
        const lines = new LineIndex(text);
        const stamps = stampsOf(suite, lines);
        return new Map(
          suite.tests.map((test) => {
            const placed = stamps.get(test.key);
            const stamp = placed?.parsed.ok ? placed.parsed.stamp : undefined;
            return [test.key, { stamped: stamp !== undefined, evidence: pastedEvidence(test, lines, stamp) }] as const;
          }),
        );
      },
      verify: verifyResult,
      defaultMaxAgeDays: DEFAULT_EVIDENCE_MAX_AGE_DAYS,
    }),
    signOffs: Object.freeze({
      isStale,
      fix: (signOff: SignOff, name: string, now: Now, t?: Translate) => signOffFix(signOff, name, now, t ?? messages()),
    }),
    config: Object.freeze({
      parse: (text: string, kind: 'readiness' | 'package', t?: Translate) =>
        parseConfigText(text, kind, t ?? messages()),
      find: (folder: string, stopAt?: string, t?: Translate) =>
        ports.configFiles ? findConfig(folder, ports.configFiles, stopAt, t ?? messages()) : Promise.resolve(undefined),
    }),
    view: (input) => checklistView({ ...input, t: input.t ?? messages(), today: input.today ?? settings.today() }),
    notAChecklist: notAChecklistView,
    verdict: (analysis, context) => verdictOf(analysis, { ...context, t: context.t ?? messages() }),
    blockerVerdict,
    report: Object.freeze({
      build: (analysis: Analysis, context: Omit<ReportContext, 't'> & { readonly t?: Translate | undefined }) =>
        buildReport(analysis, { ...context, t: context.t ?? messages() }),
      render: (model: ReportModel, format: ReportFormat, t?: Translate, html?: HtmlOptions) =>
        renderReport(model, format, t ?? messages(), html),
      formats: REPORT_FORMATS,
    }),
    header: Object.freeze({ withLastUpdatedBump, lastUpdatedEdits }),
  };
  return Object.freeze(service);
}

// The front door of the core: `createReadinessService(ports)` gives the language server and the CLI
// every operation they need (analyse, fixes, hover, completion, symbols, links, file references,
// smoke runs, the view model) over one set of ports, as a frozen object. Front ends call this and
// the types of core/api.ts, not the modules behind it.
import { ChecklistAnalyzer, type Analysis, type AnalysisOptions } from './analyzer';
import { isChecklist, matchesAny, mayBeChecklist } from './detect';
import { completionsAt } from './features/completion';
import { notApplicableFix, placeholderFixes, repairEncodingFix, setStateEdits, stateFixes, syncSummaryFix, type Fix } from './features/fixes';
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
import { parseBaseUrl, writtenHost } from './smoke/hosts';
import {
  applyTextEdits,
  describeReason,
  evidenceEdits,
  findSmokeTests,
  resultLine,
  runSmokeTests,
  smokeTestAt,
  summarize,
  summaryLine,
  type FileReader,
  type RunOptions,
  type SmokeEnvironment,
  type SmokeRun,
  type SmokeSettings,
  type SmokeSuite,
} from './smoke';
import type { Finding, Position } from './types';
import { checklistView, notAChecklistView, type ChecklistViewInput, type ChecklistViewResult } from './view/checklistView';
import { verdictOf, type Verdict } from './verdict';
import type { Progress } from './model/checklist';
import type { Now } from './dates';

/** One document's analyses: keeps the per-block caches of its text, so an edit reparses only what changed. */
export interface DocumentAnalyser {
  analyse(text: string, options?: AnalysisOptions): Analysis;
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
    placeholder(placeholder: Placeholder, now: Now, t?: Translate): Fix[];
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
    readonly path: { readonly dirname: typeof dirnameOf; readonly isInside: typeof isInside; readonly join: typeof joinPath; readonly relative: typeof relativePath };
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
    run(suite: SmokeSuite, settings: SmokeSettings, environment: SmokeRunEnvironment, options?: RunOptions): Promise<SmokeRun>;
    evidenceEdits: typeof evidenceEdits;
    applyTextEdits: typeof applyTextEdits;
    resultLine: typeof resultLine;
    summarize: typeof summarize;
    summaryLine: typeof summaryLine;
    describeReason: typeof describeReason;
    parseBaseUrl: typeof parseBaseUrl;
    writtenHost: typeof writtenHost;
    testAt: typeof smokeTestAt;
    /** The secret names the checklist's secrets list declares: all the CLI may read from the environment. */
    declaredSecrets: typeof listedSecretNames;
  };
  /** What `readiness/checklist` shows (and the report will): the view model of an analysis. */
  view(input: Omit<ChecklistViewInput, 'today'> & { readonly today?: string | undefined }): ChecklistViewResult;
  readonly notAChecklist: ChecklistViewResult;
  verdict(progress: readonly Progress[]): Verdict;
}

export function createReadinessService(ports: ReadinessPorts): ReadinessService {
  const { settings } = ports;
  const messages = (locale?: string): Translate => translator(locale ?? settings.locale());
  const withDefaults = (options: AnalysisOptions = {}): AnalysisOptions => ({ locale: settings.locale(), today: settings.today(), ...options });
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
      return Object.freeze({ analyse: (text: string, options?: AnalysisOptions) => analyzer.analyze(text, withDefaults(options)) });
    },
    hover: (checklist, position, t) => hoverAt(checklist, position, t ?? messages()),
    completion: (checklist, position) => completionsAt(checklist, position),
    symbols: (checklist, t) => outline(checklist, t ?? messages()),
    fixes: Object.freeze({
      placeholder: (placeholder: Placeholder, now: Now, t?: Translate) => placeholderFixes(placeholder, now, t ?? messages()),
      itemAt: itemHeadingOrStateAt,
      state: (checklist: Checklist, item: Item, t?: Translate) => stateFixes(checklist, item, t ?? messages()),
      notApplicable: (checklist: Checklist, item: Item, t?: Translate) => notApplicableFix(checklist, item, t ?? messages()),
      setState: setStateEdits,
      syncSummary: (checklist: Checklist, kind: Fix['kind'], t?: Translate) => syncSummaryFix(checklist, t ?? messages(), kind),
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
      findings: (context: Omit<ReferenceContext, 't'>, t?: Translate) => referenceFindings({ ...context, t: t ?? messages() }),
      withFindings: withReferenceFindings,
      fixes: referenceFixes,
      hover: referenceHoverAt,
      links: referenceLinks,
    }),
    smoke: Object.freeze({
      tests: findSmokeTests,
      run: (suite: SmokeSuite, smokeSettings: SmokeSettings, environment: SmokeRunEnvironment, options?: RunOptions) =>
        runSmokeTests(suite, smokeSettings, { ...environment, http: ports.http, clock: ports.clock, secrets: environment.secrets ?? ports.secrets }, options),
      evidenceEdits,
      applyTextEdits,
      resultLine,
      summarize,
      summaryLine,
      describeReason,
      parseBaseUrl,
      writtenHost,
      testAt: smokeTestAt,
      declaredSecrets: listedSecretNames,
    }),
    view: (input) => checklistView({ ...input, today: input.today ?? settings.today() }),
    notAChecklist: notAChecklistView,
    verdict: verdictOf,
  };
  return Object.freeze(service);
}

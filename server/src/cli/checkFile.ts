// One file of `readiness check`, from its text to what is printed for it: the same
// steps in the CLI's own thread and in a worker of the pool (`pool.ts`), so the
// output is the same byte for byte however many threads ran.
import type { EvidenceSettings, Finding, ResourceSettings } from '../core/api';
import type { ReadinessService } from '../core/service';
import type { MarkdownFile } from './files';
import { withReferenceChecks, type FileFactsOfRun } from './references';
import { jsonEntry, textLines, worstRank, type FileReport } from './report';

export type CheckFormat = 'text' | 'json' | 'sarif';

/** What every file is checked with; sent once to each worker. */
export interface FileCheckSettings {
  readonly locale: string | undefined;
  readonly today: string;
  /** `--base-url`/`--max-age-days`: win over the configuration's evidence settings. */
  readonly evidence?: EvidenceSettings | undefined;
  /** The folder file references resolve against first (`--root`); default: each checklist's folder. */
  readonly root: string | undefined;
  readonly format: CheckFormat;
}

/** What is kept of a checked file: its rendering, not its model. */
export interface FileOutcome {
  readonly path: string;
  /** Text lines (text format) or the file's JSON entry (json format); empty for SARIF. */
  readonly rendered: string;
  /** The rank of the most severe finding, -1 when there is none. */
  readonly worst: number;
  /** The findings, for SARIF, which lists the rules of the whole run before any result. */
  readonly findings: readonly Finding[];
}

/**
 * @param service the CLI's front door (`cliService`), made with the settings' locale and date
 * @param config the settings of the configuration file that applies to this file (`CliConfig.forFile`, read in the CLI's own thread)
 * @param facts the file facts this thread has gathered so far in the run
 */
export async function checkFile(
  service: ReadinessService,
  file: MarkdownFile,
  text: string,
  settings: FileCheckSettings,
  config: ResourceSettings,
  facts?: FileFactsOfRun,
): Promise<FileReport> {
  const checklist =
    !service.matchesAny(file.matchPath, config.ignore) && service.isChecklist(file.matchPath, text, config.files);
  // --max-age-days and --base-url win over the configuration's evidence settings.
  const analysisSettings = { ...config.analysis, evidence: settings.evidence ?? config.analysis.evidence };
  const analyzed = checklist
    ? service.analyse(text, { maxSize: config.maxFileSize, settings: analysisSettings })
    : undefined;
  // The JSON report lists every smoke test's evidence, not only the ones the diagnostics looked at;
  // text and SARIF show findings only.
  const withEvidence = analyzed && {
    ...analyzed,
    ...(settings.format === 'json'
      ? { evidence: service.evidence.all(text, analyzed, { settings: analysisSettings, today: settings.today }) }
      : {}),
  };
  const checked =
    withEvidence && (await withReferenceChecks(service, withEvidence, file.absolutePath, settings.root, facts));
  // Missing-file messages are added after the core's analysis: they too go through its redaction point.
  const analysis = checked && {
    ...checked,
    findings: checked.findings.map((f) => ({ ...f, message: checked.safeText(f.message) })),
  };
  return { path: file.displayPath, isChecklist: checklist, analysis, ...(checklist ? { text } : {}) };
}

/** The cheap pre-check: false only for a file `checkFile` would find no checklist. */
export function mayBeChecklist(
  service: ReadinessService,
  file: MarkdownFile,
  text: string,
  config: ResourceSettings,
): boolean {
  return (
    !service.matchesAny(file.matchPath, config.ignore) && service.mayBeChecklist(file.matchPath, text, config.files)
  );
}

export function outcomeOf(report: FileReport, format: CheckFormat): FileOutcome {
  const rendered = format === 'text' ? textLines(report).join('\n') : format === 'json' ? jsonEntry(report) : '';
  return {
    path: report.path,
    rendered,
    worst: worstRank(report),
    findings: format === 'sarif' ? (report.analysis?.findings ?? []) : [],
  };
}

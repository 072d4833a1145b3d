// One file of `readiness check`, from its text to what is printed for it: the same
// steps in the CLI's own thread and in a worker of the pool (`pool.ts`), so the
// output is the same byte for byte however many threads ran.
import type { Finding } from '../core/api';
import type { ReadinessService } from '../core/service';
import type { MarkdownFile } from './files';
import { withReferenceChecks } from './references';
import { jsonEntry, textLines, worstRank, type FileReport } from './report';

export type CheckFormat = 'text' | 'json' | 'sarif';

/** What every file is checked with; sent once to each worker. */
export interface FileCheckSettings {
  readonly globs: readonly string[];
  readonly locale: string | undefined;
  readonly maxSize: number;
  readonly today: string;
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

/** @param service the CLI's front door (`cliService`), made with the settings' locale and date */
export async function checkFile(service: ReadinessService, file: MarkdownFile, text: string, settings: FileCheckSettings): Promise<FileReport> {
  const checklist = service.isChecklist(file.matchPath, text, settings.globs);
  const analyzed = checklist ? service.analyse(text, { locale: settings.locale, maxSize: settings.maxSize, today: settings.today }) : undefined;
  const analysis = analyzed && (await withReferenceChecks(service, analyzed, file.absolutePath, settings.root));
  return { path: file.displayPath, isChecklist: checklist, analysis };
}

export function outcomeOf(report: FileReport, format: CheckFormat): FileOutcome {
  const rendered = format === 'text' ? textLines(report).join('\n') : format === 'json' ? jsonEntry(report) : '';
  return { path: report.path, rendered, worst: worstRank(report), findings: format === 'sarif' ? (report.analysis?.findings ?? []) : [] };
}

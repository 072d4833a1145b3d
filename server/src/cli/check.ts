// `readiness check`: the same analysis the editor runs, over files on disk.
import { ChecklistAnalyzer } from '../core/analyzer';
import { isChecklist } from '../core/detect';
import { collectMarkdownFiles, InputError, readText } from './files';
import { withReferenceChecks } from './references';
import type { FileReport } from './report';

export interface CheckOptions {
  readonly paths: readonly string[];
  readonly cwd: string;
  readonly globs: readonly string[];
  readonly locale: string | undefined;
  readonly maxSize: number;
  readonly today: string;
  /** The folder file references resolve against first (`--root`); default: each checklist's folder. */
  readonly root?: string | undefined;
}

export interface CheckResult {
  readonly reports: FileReport[];
  /** One line per file that could not be checked. */
  readonly errors: string[];
}

export async function check(options: CheckOptions): Promise<CheckResult> {
  const reports: FileReport[] = [];
  const errors: string[] = [];
  for (const path of options.paths) {
    let files;
    try {
      files = await collectMarkdownFiles([path], options.cwd);
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      errors.push(error.message);
      continue;
    }
    for (const file of files) {
      let text: string;
      try {
        text = await readText(file);
      } catch (error) {
        if (!(error instanceof InputError)) throw error;
        errors.push(error.message);
        continue;
      }
      const checklist = isChecklist(file.matchPath, text, options.globs);
      const analyzed = checklist ? new ChecklistAnalyzer().analyze(text, { locale: options.locale, maxSize: options.maxSize, today: options.today }) : undefined;
      const analysis = analyzed && (await withReferenceChecks(analyzed, file.absolutePath, options.root, options.locale));
      reports.push({ path: file.displayPath, isChecklist: checklist, analysis, ...(checklist ? { text } : {}) });
    }
  }
  return { reports, errors };
}

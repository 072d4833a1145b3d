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
      const checked = analyzed && (await withReferenceChecks(analyzed, file.absolutePath, options.root, options.locale));
      // Missing-file messages are added after the core's analysis: they too go through its redaction point.
      const analysis = checked && { ...checked, findings: checked.findings.map((f) => ({ ...f, message: checked.safeText(f.message) })) };
      reports.push({ path: file.displayPath, isChecklist: checklist, analysis });
    }
  }
  return { reports, errors };
}

// `readiness check`: the same analysis the editor runs, over files on disk.
import { ChecklistAnalyzer } from '../core/analyzer';
import { isChecklist, matchesAny } from '../core/detect';
import { CliConfig } from './config';
import { collectMarkdownFiles, InputError, readText } from './files';
import { withReferenceChecks } from './references';
import type { FileReport } from './report';

export interface CheckOptions {
  readonly paths: readonly string[];
  readonly cwd: string;
  readonly locale: string | undefined;
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
  const config = new CliConfig(options.root, options.locale);
  const reported = new Set<string>();
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
      // Settings from the configuration file that applies (`.readiness.json` upward); its problems are errors, its valid parts still apply.
      const { settings, problems } = await config.forFile(file.absolutePath);
      for (const problem of problems) if (!reported.has(problem) && reported.add(problem)) errors.push(problem);
      const checklist = !matchesAny(file.matchPath, settings.ignore) && isChecklist(file.matchPath, text, settings.files);
      const analyzed = checklist ? new ChecklistAnalyzer().analyze(text, { locale: options.locale, maxSize: settings.maxFileSize, settings: settings.analysis, today: options.today }) : undefined;
      const analysis = analyzed && (await withReferenceChecks(analyzed, file.absolutePath, options.root, options.locale));
      reports.push({ path: file.displayPath, isChecklist: checklist, analysis });
    }
  }
  return { reports, errors };
}

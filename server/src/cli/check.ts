// `readiness check`: the same analysis the editor runs, over files on disk.
import type { RuleMetadata } from '../core/api';
import { collectMarkdownFiles, InputError, readText } from './files';
import { withReferenceChecks } from './references';
import type { FileReport } from './report';
import { cliService } from './service';

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
  /** The rules, for reports that describe them (SARIF). */
  readonly rules: readonly RuleMetadata[];
  /** A rule's description in English, as code scanning shows it. */
  readonly describe: (rule: RuleMetadata) => string;
  /** One line per file that could not be checked. */
  readonly errors: string[];
}

export async function check(options: CheckOptions): Promise<CheckResult> {
  const service = cliService({ locale: options.locale, today: options.today });
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
      const checklist = service.isChecklist(file.matchPath, text, options.globs);
      const analyzed = checklist ? service.analyse(text, { maxSize: options.maxSize }) : undefined;
      const analysis = analyzed && (await withReferenceChecks(service, analyzed, file.absolutePath, options.root));
      reports.push({ path: file.displayPath, isChecklist: checklist, analysis, ...(checklist ? { text } : {}) });
    }
  }
  return { reports, errors, rules: service.rules, describe: (rule) => service.messages('en')(rule.description) };
}

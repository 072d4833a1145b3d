// The reports of every markdown file under some paths, with their models, in this
// thread (`readiness check` itself streams outcomes from a pool: `pool.ts`).
import type { RuleMetadata } from '../core/api';
import { checkFile } from './checkFile';
import { collectMarkdownFiles, InputError, readText } from './files';
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
      reports.push(await checkFile(service, file, text, { ...options, root: options.root, format: 'json' }));
    }
  }
  return { reports, errors, rules: service.rules, describe: (rule) => service.messages('en')(rule.description) };
}

// The reports of every markdown file under some paths, with their models, in this
// thread (`readiness check` itself streams outcomes from a pool: `pool.ts`, through
// the same `checkFile`): the same analysis the editor runs, over files on disk.
import type { EvidenceSettings, RuleMetadata } from '../core/api';
import { checkFile } from './checkFile';
import { CliConfig } from './config';
import { collectMarkdownFiles, InputError, readText } from './files';
import type { FileReport } from './report';
import { cliService } from './service';

export interface CheckOptions {
  readonly paths: readonly string[];
  readonly cwd: string;
  readonly locale: string | undefined;
  readonly today: string;
  /** The folder file references resolve against first (`--root`); default: each checklist's folder. */
  readonly root?: string | undefined;
  /** How smoke-test evidence ages and which base URL it is compared with. */
  readonly evidence?: EvidenceSettings | undefined;
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
  const config = new CliConfig(service, options.root);
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
      reports.push(await checkFile(service, file, text, { ...options, root: options.root, format: 'json' }, settings));
    }
  }
  return { reports, errors, rules: service.rules, describe: (rule) => service.messages('en')(rule.description) };
}

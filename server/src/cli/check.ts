// `readiness check`: the same analysis the editor runs, over files on disk.
import type { EvidenceSettings, RuleMetadata } from '../core/api';
import { CliConfig } from './config';
import { collectMarkdownFiles, InputError, readText } from './files';
import { withReferenceChecks } from './references';
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
      const checklist = !service.matchesAny(file.matchPath, settings.ignore) && service.isChecklist(file.matchPath, text, settings.files);
      // --max-age-days and --base-url win over the configuration's evidence settings.
      const analysisSettings = { ...settings.analysis, evidence: options.evidence ?? settings.analysis.evidence };
      const analyzed = checklist ? service.analyse(text, { maxSize: settings.maxFileSize, settings: analysisSettings }) : undefined;
      // The report lists every smoke test's evidence, not only the ones the diagnostics looked at.
      const withEvidence = analyzed && { ...analyzed, evidence: service.evidence.all(text, analyzed, { settings: analysisSettings, today: options.today }) };
      const checked = withEvidence && (await withReferenceChecks(service, withEvidence, file.absolutePath, options.root));
      // Missing-file messages are added after the core's analysis: they too go through its redaction point.
      const analysis = checked && { ...checked, findings: checked.findings.map((f) => ({ ...f, message: checked.safeText(f.message) })) };
      reports.push({ path: file.displayPath, isChecklist: checklist, analysis, ...(checklist ? { text } : {}) });
    }
  }
  return { reports, errors, rules: service.rules, describe: (rule) => service.messages('en')(rule.description) };
}

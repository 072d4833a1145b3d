// `readiness check [paths...] [--format text|json|sarif] [--fail-on error|warning|none] [--today YYYY-MM-DD] [--locale xx] [--root DIR]`
import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import {
  DEFAULT_EVIDENCE_MAX_AGE_DAYS,
  localDateTime,
  parseBaseUrl,
  type Finding,
  type RuleMetadata,
} from '../core/api';
import type { CheckFormat, FileOutcome } from './checkFile';
import { runChecks } from './pool';
import {
  EXIT_FINDINGS,
  EXIT_OK,
  EXIT_USAGE,
  badToday,
  localeFromEnvironment,
  parseCommandArgs,
  usage,
  type CommandIo,
} from './io';
import { JSON_CLOSE, JSON_EMPTY, JSON_OPEN, reaches, type FailOn } from './report';
import { cliService } from './service';
import { formatSarif } from './sarif';

export const CHECK_USAGE = `readiness check [paths...] [--format text|json|sarif] [--fail-on error|warning|none]
                 [--today YYYY-MM-DD] [--locale en|es] [--root DIR] [--base-url URL] [--max-age-days N] [--jobs N]
  Checks release checklists (markdown) for unfilled placeholders, inconsistent states,
  overdue items, encoding damage and missing files. Paths may be files or folders (searched
  for markdown files); the default is the current folder. --today fixes the date deadlines
  are checked against (default: today). Files a checklist points at (docs/runbook.md) are
  looked for under --root (default: the checklist's folder), then the checklist's folder.
  Smoke-test evidence is stale when its command changed, when it is older than --max-age-days
  (default 7) or, given --base-url, when it ran against another host.
  Settings come from .readiness.json (or package.json's "readiness" key) in the checklist's
  folder or the nearest folder above it, up to --root or the repository root.
  Files are checked on every core but one (--jobs N: N threads; default: one per core but
  one, one thread for a few files); the output is in path order either way.
  Exit: 0 nothing at the --fail-on level (default: warning), 1 findings at that level,
  2 usage or I/O errors.`;

const FORMATS = ['text', 'json', 'sarif'] as const;
const FAIL_ON = ['error', 'warning', 'none'] as const;

export async function runCheck(argv: readonly string[], io: CommandIo): Promise<number> {
  const parsed = parseCommandArgs(
    argv,
    {
      format: { type: 'string', default: 'text' },
      'fail-on': { type: 'string', default: 'warning' },
      today: { type: 'string' },
      locale: { type: 'string' },
      root: { type: 'string' },
      jobs: { type: 'string' },
      'base-url': { type: 'string' },
      'max-age-days': { type: 'string' },
    },
    io,
    CHECK_USAGE,
  );
  if (typeof parsed === 'number') return parsed;
  const { values, positionals } = parsed;
  const format = FORMATS.find((f) => f === values.format);
  if (!format) return usage(io, `--format must be text, json or sarif, not "${values.format}"`);
  const failOn: FailOn | undefined = FAIL_ON.find((f) => f === values['fail-on']);
  if (!failOn) return usage(io, `--fail-on must be error, warning or none, not "${values['fail-on']}"`);
  const todayProblem = badToday(values.today);
  if (todayProblem) return usage(io, todayProblem);
  if (values.jobs !== undefined && !/^[1-9]\d{0,2}$/.test(values.jobs))
    return usage(io, `--jobs must be a number of threads from 1 to 999, not "${values.jobs}"`);
  const maxAgeDays =
    values['max-age-days'] === undefined ? DEFAULT_EVIDENCE_MAX_AGE_DAYS : Number(values['max-age-days']);
  if (!/^\d+$/.test(values['max-age-days'] ?? '0'))
    return usage(io, `--max-age-days must be a whole number of days, not "${values['max-age-days']}"`);
  if (values['base-url'] !== undefined && !parseBaseUrl(values['base-url']).ok)
    return usage(io, `--base-url must be an http(s) URL, not "${values['base-url']}"`);
  const root = values.root === undefined ? undefined : resolve(io.cwd, values.root);
  if (root !== undefined && !(await stat(root).catch(() => undefined))?.isDirectory())
    return usage(io, `--root must be a folder, and ${values.root} is not one`);

  const locale = values.locale ?? localeFromEnvironment(io.env);
  const today = values.today ?? localDateTime(new Date()).date;
  const service = cliService({ locale, today });
  const t = service.messages(locale);
  const sarifRules = {
    rules: service.rules,
    describe: (rule: RuleMetadata) => service.messages('en')(rule.description),
  };
  const output = outputFor(format, io, sarifRules);
  let worst = -1;
  const errors = await runChecks({
    paths: positionals.length > 0 ? positionals : ['.'],
    cwd: io.cwd,
    settings: {
      locale,
      today,
      root,
      evidence: { maxAgeDays, baseUrl: values['base-url'] },
      format,
    },
    service,
    jobs: values.jobs === undefined ? undefined : Number(values.jobs),
    emit: (outcome) => {
      worst = Math.max(worst, outcome.worst);
      output.add(outcome);
    },
    progress: (done, total) => {
      if (total > PROGRESS_AFTER) io.progress?.(done < total ? t('cli.progress', done, total) : '');
    },
  });
  output.end();
  for (const line of errors) io.err(`readiness: ${line}`);
  if (errors.length > 0) return EXIT_USAGE;
  return reaches(worst, failOn) ? EXIT_FINDINGS : EXIT_OK;
}

/** A progress line is shown (on a terminal) for more files than this. */
const PROGRESS_AFTER = 50;

/** Writes each file's outcome as it comes, in the chosen format; SARIF, which lists the run's rules first, at the end. */
function outputFor(
  format: CheckFormat,
  io: CommandIo,
  sarif: { readonly rules: readonly RuleMetadata[]; readonly describe: (rule: RuleMetadata) => string },
): { add(outcome: FileOutcome): void; end(): void } {
  if (format === 'text') {
    return { add: (outcome) => outcome.rendered !== '' && io.out(outcome.rendered), end: () => undefined };
  }
  if (format === 'json') {
    let held: string | undefined;
    return {
      add: (outcome) => {
        io.out(held === undefined ? JSON_OPEN : `${held},`);
        held = outcome.rendered;
      },
      end: () => io.out(held === undefined ? JSON_EMPTY : `${held}\n${JSON_CLOSE}`),
    };
  }
  const files: { path: string; analysis: { findings: readonly Finding[] } }[] = [];
  return {
    add: (outcome) => files.push({ path: outcome.path, analysis: { findings: outcome.findings } }),
    end: () => io.out(formatSarif(files, sarif.rules, sarif.describe)),
  };
}

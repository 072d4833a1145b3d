// `readiness check [paths...] [--format text|json|sarif] [--fail-on error|warning|none] [--today YYYY-MM-DD] [--locale xx] [--root DIR]`
import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { DEFAULT_EVIDENCE_MAX_AGE_DAYS, localDateTime, parseBaseUrl } from '../core/api';
import { check } from './check';
import { EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, badToday, localeFromEnvironment, parseCommandArgs, usage, type CommandIo } from './io';
import { fails, formatJson, formatText, type FailOn } from './report';
import { formatSarif } from './sarif';

export const CHECK_USAGE = `readiness check [paths...] [--format text|json|sarif] [--fail-on error|warning|none]
                 [--today YYYY-MM-DD] [--locale en|es] [--root DIR] [--base-url URL] [--max-age-days N]
  Checks release checklists (markdown) for unfilled placeholders, inconsistent states,
  overdue items, encoding damage and missing files. Paths may be files or folders (searched
  for markdown files); the default is the current folder. --today fixes the date deadlines
  are checked against (default: today). Files a checklist points at (docs/runbook.md) are
  looked for under --root (default: the checklist's folder), then the checklist's folder.
  Smoke-test evidence is stale when its command changed, when it is older than --max-age-days
  (default 7) or, given --base-url, when it ran against another host.
  Settings come from .readiness.json (or package.json's "readiness" key) in the checklist's
  folder or the nearest folder above it, up to --root or the repository root.
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
  const maxAgeDays = values['max-age-days'] === undefined ? DEFAULT_EVIDENCE_MAX_AGE_DAYS : Number(values['max-age-days']);
  if (!/^\d+$/.test(values['max-age-days'] ?? '0')) return usage(io, `--max-age-days must be a whole number of days, not "${values['max-age-days']}"`);
  if (values['base-url'] !== undefined && !parseBaseUrl(values['base-url']).ok) return usage(io, `--base-url must be an http(s) URL, not "${values['base-url']}"`);
  const root = values.root === undefined ? undefined : resolve(io.cwd, values.root);
  if (root !== undefined && !(await stat(root).catch(() => undefined))?.isDirectory()) return usage(io, `--root must be a folder, and ${values.root} is not one`);

  const result = await check({
    paths: positionals.length > 0 ? positionals : ['.'],
    cwd: io.cwd,
    locale: values.locale ?? localeFromEnvironment(io.env),
    today: values.today ?? localDateTime(new Date()).date,
    root,
    evidence: { maxAgeDays, baseUrl: values['base-url'] },
  });
  const rendered = format === 'json' ? formatJson(result.reports) : format === 'sarif' ? formatSarif(result.reports, result.rules, result.describe) : formatText(result.reports);
  if (rendered !== '') io.out(rendered);
  for (const line of result.errors) io.err(`readiness: ${line}`);
  if (result.errors.length > 0) return EXIT_USAGE;
  return fails(result.reports, failOn) ? EXIT_FINDINGS : EXIT_OK;
}


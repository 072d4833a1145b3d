// `readiness report FILE --format html|md|json [--out PATH] [--gate]`: the
// supervisor's report of one checklist, from the same analysis as `check` (file
// references included), written atomically to PATH or printed.
// Exit: 0 written (with --gate: 0 GO, 1 NO-GO), 2 usage or I/O errors.
import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { localDateTime, type ReportFormat } from '../core/api';
import { writeFileAtomically } from '../node/atomicFile';
import { check } from './check';
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
import { cliService } from './service';

const REPORT_FORMATS: readonly ReportFormat[] = ['html', 'md', 'json'];

export const REPORT_USAGE = `readiness report FILE [--format html|md|json] [--out PATH] [--gate] [--today YYYY-MM-DD]
                  [--locale en|es] [--root DIR]
  The supervisor's report of a checklist: the verdict and its reasons, blocker progress, every
  item (owner, due date, state, open blanks), outstanding work per owner, smoke tests with their
  response times, file references and sign-offs. html (default) is one self-contained page,
  printable to PDF; md is GitHub-flavoured markdown for a pull-request comment or a CI job
  summary; json is the report model. Secrets are masked. Without --out it is printed.
  Exit: 0 written (with --gate: 0 on GO, 1 on NO-GO), 2 usage or I/O errors.`;

export async function runReport(argv: readonly string[], io: CommandIo): Promise<number> {
  const parsed = parseCommandArgs(
    argv,
    {
      format: { type: 'string', default: 'html' },
      out: { type: 'string', short: 'o' },
      gate: { type: 'boolean', default: false },
      today: { type: 'string' },
      locale: { type: 'string' },
      root: { type: 'string' },
    },
    io,
    REPORT_USAGE,
  );
  if (typeof parsed === 'number') return parsed;
  const { values, positionals } = parsed;
  const format = REPORT_FORMATS.find((f) => f === (values.format === 'markdown' ? 'md' : values.format));
  if (!format) return usage(io, `--format must be html, md or json, not "${values.format}"`);
  if (positionals.length !== 1)
    return usage(io, `report takes one checklist file, not ${positionals.length}\n\nUsage: ${REPORT_USAGE}`);
  const todayProblem = badToday(values.today);
  if (todayProblem) return usage(io, todayProblem);
  const root = values.root === undefined ? undefined : resolve(io.cwd, values.root);
  if (root !== undefined && !(await stat(root).catch(() => undefined))?.isDirectory())
    return usage(io, `--root must be a folder, and ${values.root} is not one`);
  const file = positionals[0] ?? '';
  const fileInfo = await stat(resolve(io.cwd, file)).catch(() => undefined);
  if (fileInfo?.isDirectory()) return usage(io, `${file}: is a folder; report takes one checklist file`);

  const locale = values.locale ?? localeFromEnvironment(io.env);
  const now = localDateTime(new Date());
  const today = values.today ?? now.date;
  const service = cliService({ locale, today });
  const t = service.messages();
  const result = await check({ paths: [file], cwd: io.cwd, locale, today, root });
  for (const line of result.errors) io.err(`readiness: ${line}`);
  if (result.errors.length > 0) return EXIT_USAGE;
  const report = result.reports[0];
  if (!report?.analysis || report.text === undefined)
    return usage(
      io,
      `${file}: is not a checklist (it matches none of the checklist names and has fewer than three Estado/Status fields)`,
    );

  const model = service.report.build(report.analysis, {
    text: report.text,
    t,
    path: report.path,
    today,
    generated: values.today ?? `${now.date} ${now.time}`,
  });
  const rendered = service.report.render(model, format, t);
  if (values.out === undefined) {
    io.out(rendered.replace(/\n$/, ''));
  } else {
    try {
      await writeFileAtomically(resolve(io.cwd, values.out), rendered);
    } catch (error) {
      return usage(io, `${values.out}: cannot be written (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
    }
    io.err(`readiness: ${model.verdict.summary} — report written to ${values.out}`);
  }
  return values.gate && model.verdict.decision === 'no-go' ? EXIT_FINDINGS : EXIT_OK;
}

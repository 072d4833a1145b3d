// `readiness gate [paths...]` (also `readiness check --gate`): the release gate.
// The same analysis as `check`, judged by the core's verdict: exit 0 on GO, 1 on
// NO-GO, 2 on usage or I/O errors (or when no path holds a checklist), with the
// verdict and its reasons printed as text, JSON or SARIF.
import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { localDateTime, type Translate, type Verdict, type VerdictEntry } from '../core/api';
import type { ReadinessService } from '../core/service';
import { check, type CheckResult } from './check';
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
import { toJson, type FileReport } from './report';
import { formatSarif } from './sarif';
import { cliService } from './service';

export const GATE_USAGE = `readiness gate [paths...] [--format text|json|sarif] [--today YYYY-MM-DD] [--locale en|es] [--root DIR]
  The release gate: GO when every blocker item of every checklist is done (or not applicable
  with a reason) with no open blanks, failing smoke evidence, pasted secret or status mismatch;
  otherwise NO-GO with the reasons, each at an item and a line. Gaps outside the blockers are
  conditions of a GO. \`readiness check --gate\` is the same. Exit: 0 GO, 1 NO-GO, 2 usage or
  I/O errors, or no checklist in the paths.`;

const FORMATS = ['text', 'json', 'sarif'] as const;

interface Judged {
  readonly report: FileReport;
  readonly verdict: Verdict;
}

export async function runGate(argv: readonly string[], io: CommandIo): Promise<number> {
  const parsed = parseCommandArgs(
    argv,
    {
      format: { type: 'string', default: 'text' },
      today: { type: 'string' },
      locale: { type: 'string' },
      root: { type: 'string' },
    },
    io,
    GATE_USAGE,
  );
  if (typeof parsed === 'number') return parsed;
  const { values, positionals } = parsed;
  const format = FORMATS.find((f) => f === values.format);
  if (!format) return usage(io, `--format must be text, json or sarif, not "${values.format}"`);
  const todayProblem = badToday(values.today);
  if (todayProblem) return usage(io, todayProblem);
  const root = values.root === undefined ? undefined : resolve(io.cwd, values.root);
  if (root !== undefined && !(await stat(root).catch(() => undefined))?.isDirectory())
    return usage(io, `--root must be a folder, and ${values.root} is not one`);
  const locale = values.locale ?? localeFromEnvironment(io.env);
  const today = values.today ?? localDateTime(new Date()).date;
  const service = cliService({ locale, today });
  const t = service.messages();
  const paths = positionals.length > 0 ? positionals : ['.'];

  const result = await check({ paths, cwd: io.cwd, locale, today, root });
  const judged = judge(service, result.reports, t);
  for (const line of result.errors) io.err(`readiness: ${line}`);
  if (judged.length === 0 && result.errors.length === 0) {
    io.err(`readiness: ${t('gate.noChecklist', paths.join(', '))}`);
    return EXIT_USAGE;
  }
  const rendered =
    format === 'json'
      ? gateJson(result.reports, judged)
      : format === 'sarif'
        ? gateSarif(result, judged)
        : gateText(judged, t);
  if (rendered !== '') io.out(rendered);
  if (result.errors.length > 0) return EXIT_USAGE;
  return judged.every((j) => j.verdict.decision === 'go') ? EXIT_OK : EXIT_FINDINGS;
}

export function judge(service: ReadinessService, reports: readonly FileReport[], t: Translate): Judged[] {
  return reports.flatMap((report) =>
    report.analysis && report.text !== undefined
      ? [{ report, verdict: service.verdict(report.analysis, { text: report.text, t }) }]
      : [],
  );
}

/** `NO-GO: 6 of 6 blockers not ready — path`, then its reasons and conditions as `path:line: message`. */
export function gateText(judged: readonly Judged[], t: Translate): string {
  const lines: string[] = [];
  for (const { report, verdict } of judged) {
    if (lines.length > 0) lines.push('');
    lines.push(`${verdict.summary} — ${report.path}`);
    const list = (title: string, entries: readonly VerdictEntry[]) => {
      if (entries.length === 0) return;
      lines.push(`${title} (${entries.length}):`);
      for (const entry of entries) lines.push(`  ${report.path}:${entry.line + 1}: ${entry.message}`);
    };
    list(t('gate.reasons'), verdict.reasons);
    list(t('gate.conditions'), verdict.conditions);
  }
  if (judged.length > 1) {
    const noGo = judged.filter((j) => j.verdict.decision === 'no-go').length;
    lines.push('', noGo > 0 ? t('gate.overallNoGo', noGo, judged.length) : t('gate.overallGo', judged.length));
  }
  return lines.join('\n');
}

function decisionOf(judged: readonly Judged[]): 'go' | 'no-go' {
  return judged.every((j) => j.verdict.decision === 'go') ? 'go' : 'no-go';
}

/** `check`'s JSON with the verdict of each checklist and the overall decision. */
function gateJson(reports: readonly FileReport[], judged: readonly Judged[]): string {
  const verdicts = new Map(judged.map((j) => [j.report, j.verdict]));
  return JSON.stringify(
    {
      decision: decisionOf(judged),
      files: reports.map((report) => ({ ...(toJson(report) as object), verdict: verdicts.get(report) ?? null })),
    },
    null,
    2,
  );
}

interface SarifLog {
  runs: {
    tool: { driver: { rules: { id: string; shortDescription: { text: string } }[] } };
    results: unknown[];
    properties?: unknown;
  }[];
}

const REASON_RULE = 'gate/no-go-reason';

/** `check`'s SARIF with the verdict in the run's properties and one error result per reason. */
function gateSarif(result: CheckResult, judged: readonly Judged[]): string {
  const log = JSON.parse(formatSarif(result.reports, result.rules, result.describe)) as SarifLog;
  const run = log.runs[0];
  if (!run) return JSON.stringify(log, null, 2);
  const reasons = judged.flatMap(({ report, verdict }) => verdict.reasons.map((reason) => ({ report, reason })));
  if (reasons.length > 0)
    run.tool.driver.rules.push({
      id: REASON_RULE,
      shortDescription: {
        text: 'A reason the release gate says NO-GO: a blocker item not done, or one with open blanks, failing smoke evidence, a pasted secret or a status mismatch.',
      },
    });
  const ruleIndex = run.tool.driver.rules.findIndex((r) => r.id === REASON_RULE);
  for (const { report, reason } of reasons) {
    run.results.push({
      ruleId: REASON_RULE,
      ruleIndex,
      level: 'error',
      message: { text: reason.message },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: encodeURI(report.path) },
            region: { startLine: reason.line + 1 },
          },
        },
      ],
      properties: { itemId: reason.itemId ?? null, problems: reason.problems.map((p) => p.kind) },
    });
  }
  run.properties = {
    decision: decisionOf(judged),
    checklists: judged.map(({ report, verdict }) => ({ path: report.path, ...verdict })),
  };
  return JSON.stringify(log, null, 2);
}

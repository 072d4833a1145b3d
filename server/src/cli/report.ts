// The result of checking one file, and its text and JSON renderings.
import type { Analysis, Finding, Severity, TestEvidenceRecord } from '../core/api';

export interface FileReport {
  readonly path: string;
  readonly isChecklist: boolean;
  readonly analysis: Analysis | undefined;
  /** The file's text, for the verdict's evidence (absent when the file was not a checklist). */
  readonly text?: string | undefined;
}

export type FailOn = 'error' | 'warning' | 'none';

const rank: Record<Severity, number> = { error: 3, warning: 2, information: 1, hint: 0 };

export function fails(reports: readonly FileReport[], failOn: FailOn): boolean {
  return reports.some((r) => reaches(worstRank(r), failOn));
}

/** The rank of a report's most severe finding (-1 when it has none). */
export function worstRank(report: FileReport): number {
  return Math.max(-1, ...(report.analysis?.findings ?? []).map((f) => rank[f.severity]));
}

export function reaches(worst: number, failOn: FailOn): boolean {
  return failOn !== 'none' && worst >= rank[failOn];
}

/** `path:line:col severity code message`, 1-based, one finding a line. */
export function formatText(reports: readonly FileReport[]): string {
  return reports.flatMap(textLines).join('\n');
}

export function textLines(report: FileReport): string[] {
  return (report.analysis?.findings ?? []).map(
    (f) =>
      `${report.path}:${f.range.start.line + 1}:${f.range.start.character + 1} ${f.severity} ${f.code} ${f.message}`,
  );
}

export function formatJson(reports: readonly FileReport[]): string {
  return JSON.stringify({ files: reports.map(toJson) }, null, 2);
}

/**
 * One file's entry of `formatJson`'s output, as it stands there (indented inside
 * `"files": [`), so a report can be written one file at a time: the opening line is
 * `JSON_OPEN`, entries are joined by `,\n`, the last is followed by `JSON_CLOSE`
 * (or everything is `JSON_EMPTY` when there is no file).
 */
export function jsonEntry(report: FileReport): string {
  // JSON strings hold no raw \n (U+2028 may stay raw, so no /^/m), so indenting every line is safe.
  return JSON.stringify(toJson(report), null, 2)
    .split('\n')
    .map((line) => `    ${line}`)
    .join('\n');
}

export const JSON_OPEN = '{\n  "files": [';
export const JSON_CLOSE = '  ]\n}';
export const JSON_EMPTY = formatJson([]);

export function toJson(report: FileReport): unknown {
  const analysis = report.analysis;
  return {
    path: report.path,
    isChecklist: report.isChecklist,
    items: (analysis?.checklist.items ?? []).map((item) => ({
      id: item.id,
      title: item.title,
      group: item.group,
      blocker: item.blocker,
      owner: item.owner ?? null,
      deadline: item.deadline ?? null,
      due: item.due ?? null,
      state: item.state,
      kind: item.kind,
      checks: {
        total: item.checks.filter((c) => c.state !== 'not-applicable').length,
        done: item.checks.filter((c) => c.state === 'done').length,
      },
      openPlaceholders: item.placeholders.length,
      range: item.headingRange,
    })),
    progress: analysis?.progress ?? {
      blockers: { done: 0, total: 0 },
      items: { done: 0, total: 0 },
      checks: { done: 0, total: 0 },
    },
    diagnostics: (analysis?.findings ?? []).map(diagnosticJson),
    evidence: (analysis?.evidence ?? []).map(evidenceJson),
  };
}

/** Each smoke test's evidence: its state (none, unverified, verified, stale, edited) and what its stamp says. */
function evidenceJson(r: TestEvidenceRecord): unknown {
  const stamp = r.stamp;
  return {
    test: r.number,
    item: r.itemId,
    method: r.method,
    path: r.path,
    state: r.state,
    stale: r.stale.map((s) => s.code),
    failures: r.failures.map((f) => f.code),
    stamp: stamp
      ? {
          ran: stamp.ran,
          host: stamp.host ?? null,
          env: stamp.env ?? null,
          runner: stamp.runner,
          status: stamp.status ?? null,
          ms: stamp.ms ?? null,
          result: stamp.result,
        }
      : null,
  };
}

/** A finding with a sub-rule (the kind of secret) also names it as `code/rule`, as in SARIF. */
function diagnosticJson(f: Finding): unknown {
  const rule = f.code === 'secret' ? f.data.rule : undefined;
  return {
    code: f.code,
    ...(rule === undefined ? {} : { rule: `${f.code}/${rule}` }),
    severity: f.severity,
    message: f.message,
    range: f.range,
  };
}

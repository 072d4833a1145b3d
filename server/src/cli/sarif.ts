// SARIF 2.1.0 output, for code-scanning upload. Regions are 1-based with
// UTF-16 columns, SARIF's default column kind.
import type { Finding, Severity } from '../core/types';
import type { FileReport } from './report';

const levels: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };

const ruleDescriptions: Record<string, string> = {
  'unfilled-placeholder': 'A checklist field still holds its template placeholder.',
  'status-mismatch': 'The checklist contradicts itself about progress (state, summary, counts, or runbook sections it confirms).',
  overdue: 'An item that is not done is past its due date.',
  mojibake: 'The file is UTF-8 text that was decoded with a legacy encoding.',
  'missing-file': 'A file or folder the checklist points at (a runbook, a playbook, a test fixture) does not exist.',
  'skipped-large-file': 'The file is over the size limit and was not checked.',
};

/** What SARIF needs of a checked file: a check report, or just its path and findings. */
export interface SarifFile {
  readonly path: FileReport['path'];
  readonly analysis?: { readonly findings: readonly Finding[] } | undefined;
}

export function formatSarif(reports: readonly SarifFile[]): string {
  const findings = reports.flatMap((report) => (report.analysis?.findings ?? []).map((finding) => ({ report, finding })));
  const ruleIds = [...new Set(findings.map(({ finding }) => ruleId(finding)))].sort();
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'readiness',
            rules: ruleIds.map((id) => ({ id, shortDescription: { text: ruleDescriptions[id.split('/')[0] ?? id] ?? id } })),
          },
        },
        columnKind: 'utf16CodeUnits',
        results: findings.map(({ report, finding }) => ({
          ruleId: ruleId(finding),
          ruleIndex: ruleIds.indexOf(ruleId(finding)),
          level: levels[finding.severity],
          message: { text: finding.message },
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: encodeURI(report.path) },
                region: {
                  startLine: finding.range.start.line + 1,
                  startColumn: finding.range.start.character + 1,
                  endLine: finding.range.end.line + 1,
                  endColumn: finding.range.end.character + 1,
                },
              },
            },
          ],
        })),
      },
    ],
  };
  return JSON.stringify(log, null, 2);
}

/** Findings that carry a sub-rule (e.g. the kind of secret) report it as `code/rule`. */
function ruleId(finding: Finding): string {
  const rule = finding.data?.['rule'];
  return typeof rule === 'string' ? `${finding.code}/${rule}` : finding.code;
}

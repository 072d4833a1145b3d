// SARIF 2.1.0 output, for code-scanning upload. Regions are 1-based with
// UTF-16 columns, SARIF's default column kind.
import type { Finding, FindingCode, RuleMetadata, Severity } from '../core/api';
import type { FileReport } from './report';

const levels: Record<Severity, 'error' | 'warning' | 'note'> = {
  error: 'error',
  warning: 'warning',
  information: 'note',
  hint: 'note',
};

/** What SARIF needs of a checked file: a check report, or just its path and findings. */
export interface SarifFile {
  readonly path: FileReport['path'];
  readonly analysis?: { readonly findings: readonly Finding[] } | undefined;
}

/** @param describe a rule's description as code scanning shows it (the registry's, in English) */
export function formatSarif(
  reports: readonly SarifFile[],
  rules: readonly RuleMetadata[],
  describe: (rule: RuleMetadata) => string,
): string {
  const ruleDescriptions = new Map<string, string>(rules.map((rule) => [rule.id, describe(rule)]));
  const findings = reports.flatMap((report) =>
    (report.analysis?.findings ?? []).map((finding) => ({ report, finding })),
  );
  const ruleIds = [...new Set(findings.map(({ finding }) => ruleId(finding)))].sort();
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'readiness',
            rules: ruleIds.map((id) => ({
              id,
              shortDescription: { text: ruleDescriptions.get(id.split('/')[0] as FindingCode) ?? id },
            })),
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
  return finding.code === 'secret' ? `${finding.code}/${finding.data.rule}` : finding.code;
}

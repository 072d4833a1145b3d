// Converts core findings into LSP diagnostics.
import { Diagnostic, DiagnosticSeverity } from 'vscode-languageserver/node';
import type { Finding, Severity } from '../core/api';

const severities: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export const DIAGNOSTIC_SOURCE = 'readiness';

export function toDiagnostic(finding: Finding): Diagnostic {
  const diagnostic = Diagnostic.create(finding.range, finding.message, severities[finding.severity], finding.code, DIAGNOSTIC_SOURCE);
  if (finding.data) diagnostic.data = finding.data;
  return diagnostic;
}

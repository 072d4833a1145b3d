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

/**
 * Where each rule is documented, by finding code: its heading in the README (the registry's `docsAnchor`,
 * `README.md#<id>`) under `readmeUri`, the README shipped with the extension. (`docs/` is not packaged.)
 */
export function ruleDocsLinks(
  readmeUri: string,
  rules: readonly { readonly id: string; readonly docsAnchor: string }[],
): ReadonlyMap<string, string> {
  return new Map(
    rules.map((rule) => [rule.id, `${readmeUri}#${rule.docsAnchor.slice(rule.docsAnchor.indexOf('#') + 1)}`]),
  );
}

/** The diagnostic of a finding; its code links to the rule's documentation when `docs` knows it. */
export function toDiagnostic(finding: Finding, docs?: ReadonlyMap<string, string>): Diagnostic {
  const diagnostic = Diagnostic.create(
    finding.range,
    finding.message,
    severities[finding.severity],
    finding.code,
    DIAGNOSTIC_SOURCE,
  );
  const href = docs?.get(finding.code);
  if (href !== undefined) diagnostic.codeDescription = { href };
  if (finding.data) diagnostic.data = finding.data;
  return diagnostic;
}

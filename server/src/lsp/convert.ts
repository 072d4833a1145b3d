// Converts core findings into LSP diagnostics, and finds a diagnostic's finding
// again. A diagnostic carries what the user sees (range, message, severity, code
// and its documentation link, source), not the finding's `data`: thousands of
// them are sent on every keystroke in a big checklist, and only code actions read
// that data, which they take from the server's own analysis (`findingOf`).
import { Diagnostic, DiagnosticSeverity } from 'vscode-languageserver/node';
import type { Finding, Range, Severity } from '../core/api';

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
  return diagnostic;
}

const byPlace = new WeakMap<readonly Finding[], Map<string, Finding[]>>();

const placeOf = (code: unknown, { start, end }: Range) =>
  `${String(code)} ${start.line}:${start.character} ${end.line}:${end.character}`;

/**
 * The finding of `findings` (an analysis' list) that a client's diagnostic was made from: the same code and
 * range, and the same message when several share them. Undefined for a diagnostic that is not ours or is
 * no longer reported. Indexed once per list.
 */
export function findingOf(findings: readonly Finding[], diagnostic: Diagnostic): Finding | undefined {
  if (diagnostic.source !== DIAGNOSTIC_SOURCE) return undefined;
  let index = byPlace.get(findings);
  if (!index) {
    index = new Map();
    for (const finding of findings) {
      const place = placeOf(finding.code, finding.range);
      const found = index.get(place);
      if (found) found.push(finding);
      else index.set(place, [finding]);
    }
    byPlace.set(findings, index);
  }
  const found = index.get(placeOf(diagnostic.code, diagnostic.range)) ?? [];
  return found.length > 1 ? (found.find((f) => f.message === diagnostic.message) ?? found[0]) : found[0];
}

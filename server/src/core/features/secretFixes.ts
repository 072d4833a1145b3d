// Fixes for pasted secrets: put the document's variable in its place, or a mask.
// The value itself is never read here; the edits only replace its range.
import type { Translate } from '../messages';
import { REDACTION_MASK } from '../secrets';
import type { Finding } from '../types';
import { REDACT_SECRETS_KIND, type Fix } from './fixes';

export function secretNameOf(finding: Finding): string | undefined {
  if (finding.code !== 'secret') return undefined;
  const { name } = finding.data;
  return name !== undefined && /^[A-Z][A-Z0-9_]*$/.test(name) ? name : undefined;
}

export function secretFixes(finding: Finding, t: Translate): Fix[] {
  const fixes: Fix[] = [];
  const name = secretNameOf(finding);
  if (name)
    fixes.push({
      title: t('fix.replaceSecret', name),
      kind: 'quickfix',
      isPreferred: true,
      edits: [{ range: finding.range, newText: `<${name}>` }],
    });
  fixes.push({
    title: t('fix.redactSecret'),
    kind: 'quickfix',
    edits: [{ range: finding.range, newText: REDACTION_MASK }],
  });
  return fixes;
}

export function redactAllFix(findings: readonly Finding[], t: Translate): Fix | undefined {
  const secrets = findings.filter((f) => f.code === 'secret');
  if (secrets.length === 0) return undefined;
  return {
    title: t('fix.redactAll'),
    kind: REDACT_SECRETS_KIND,
    edits: secrets.map((f) => ({ range: f.range, newText: REDACTION_MASK })),
  };
}

// The findings an editor is given for one document. VS Code shows at most 1000
// diagnostics per file and per source, errors first: a list longer than that is
// cut by the editor after it was built, sent and read. Cut here, the same way, the
// rest is never converted or sent, and one information finding at the top says how
// many were left out and where to see them all.
import type { Translate } from './messages';
import { range, type Finding, type Severity } from './types';

export const DEFAULT_MAX_PROBLEMS = 1000;

const ORDER: readonly Severity[] = ['error', 'warning', 'information', 'hint'];

/**
 * At most `limit` findings of the list (in document order): when it is longer, the first `limit - 1` by
 * severity (errors, then warnings, information and hints, each in document order), in document order again,
 * after one `too-many-findings` finding on the first line that counts the rest.
 */
export function shownFindings(findings: readonly Finding[], limit: number, t: Translate): readonly Finding[] {
  const max = Math.max(1, Math.floor(limit));
  if (findings.length <= max) return findings;
  const kept = new Uint8Array(findings.length);
  let room = max - 1;
  for (const severity of ORDER) {
    for (let i = 0; i < findings.length && room > 0; i++) {
      if (findings[i]?.severity === severity) {
        kept[i] = 1;
        room--;
      }
    }
  }
  const summary: Finding = {
    code: 'too-many-findings',
    severity: 'information',
    message: t('findings.limit', max - 1, findings.length, max),
    range: range(0, 0, 0, 0),
  };
  return [summary, ...findings.filter((_, i) => kept[i] === 1)];
}

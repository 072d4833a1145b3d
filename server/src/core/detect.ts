// Decides whether a markdown file is a checklist: its path matches one of the
// `readiness.files` globs, or its text has at least three item state fields.
import picomatch from 'picomatch';

export const defaultChecklistGlobs: readonly string[] = [
  '**/*ENTREGABLES*.md',
  '**/*DELIVERABLES*.md',
  '**/*readiness*.md',
  '**/*checklist*.md',
];

const STATE_FIELD = /^\s*(?:[-*+]\s+)?\*\*(?:Estado|Status|State)(?::\*\*|\*\*\s*:)/gim;
const MIN_STATE_FIELDS = 3;

const matcherCache = new Map<string, (path: string) => boolean>();

function matcher(globs: readonly string[]): (path: string) => boolean {
  const key = globs.join('\n');
  let match = matcherCache.get(key);
  if (!match) {
    match = globs.length === 0 ? () => false : picomatch([...globs], { dot: true, nocase: true });
    matcherCache.set(key, match);
  }
  return match;
}

/** True when the path, or its base name, matches one of the globs. */
export function matchesAny(relativePath: string, globs: readonly string[]): boolean {
  const match = matcher(globs);
  const base = relativePath.slice(relativePath.lastIndexOf('/') + 1);
  return match(relativePath) || match(base);
}

// Any state field, however written: the cheap scan below looks for nothing narrower.
const STATE_WORD = /\*\*(?:Estado|Status|State)\b/i;

/**
 * The cheap pre-check, without parsing: false only for a file that cannot be a checklist
 * (its path matches no glob and its text names no state field). `isChecklist` starts with
 * it, so whatever recognition follows, a file this rejects is never a checklist: the CLI
 * skips such files before they cost an analysis.
 */
export function mayBeChecklist(relativePath: string, text: string, globs: readonly string[]): boolean {
  return matchesAny(relativePath, globs) || STATE_WORD.test(text);
}

/**
 * @param relativePath the file's path relative to its workspace folder (or as given on the
 *   command line), with `/` separators.
 */
export function isChecklist(relativePath: string, text: string, globs: readonly string[]): boolean {
  if (!mayBeChecklist(relativePath, text, globs)) return false;
  if (matchesAny(relativePath, globs)) return true;
  let count = 0;
  STATE_FIELD.lastIndex = 0;
  while (STATE_FIELD.exec(text)) if (++count >= MIN_STATE_FIELDS) return true;
  return false;
}

// Path-shaped words of a line of prose or fenced text.
import { asPath, mayBePath, trimWord, type PathContext, type PathWord } from './pathLike';

export interface FoundPath extends PathWord {
  /** As written, without surrounding punctuation. */
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

/** Every word of `text` that is a path, skipping the spans in `taken` (already claimed by another form). */
export function pathWords(
  text: string,
  context: PathContext,
  taken: readonly (readonly [number, number])[] = [],
): FoundPath[] {
  const found: FoundPath[] = [];
  for (const match of text.matchAll(/\S+/g)) {
    if (!mayBePath(match[0])) continue;
    const trimmed = trimWord(match[0]);
    const start = match.index + trimmed.offset;
    const end = start + trimmed.word.length;
    if (taken.some(([s, e]) => start < e && end > s)) continue;
    const path = asPath(trimmed.word, context);
    if (path) found.push({ ...path, text: trimmed.word, start, end });
  }
  return found;
}

/** The path a markdown link points at (`docs/runbook.md`, `../x.md#part`), or undefined for URLs and anchors. */
export function linkTarget(url: string): PathWord | undefined {
  if (url === '' || url.startsWith('#') || /^[a-z][a-z0-9+.-]*:/i.test(url) || url.startsWith('//')) return undefined;
  let path = url.replace(/[?#].*$/, '');
  try {
    path = decodeURI(path);
  } catch {
    return undefined;
  }
  // A root-relative link (`/docs/x.md`) is relative to the repository root, as on GitHub and in VS Code.
  const kind = path.endsWith('/') ? 'folder' : /\.[A-Za-z0-9]{1,12}$/.test(path) ? 'file' : 'any';
  path = path
    .replace(/^\/+/, '')
    .replace(/^(?:\.\/)+/, '')
    .replace(/\/+$/, '');
  return path === '' || path === '.' ? undefined : { path, kind };
}

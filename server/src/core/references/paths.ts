// POSIX path arithmetic for the core, which may not import node:path. Paths are
// `/`-separated; absolute ones are whatever the front end passes as a base
// (`/home/me/repo`, or `/c:/repo` for a Windows URI path).

/** Joins a base folder and a relative path, resolving `.` and `..` segments. */
export function joinPath(base: string, relative: string): string {
  const parts = base.split('/');
  if (parts.length > 1 && parts.at(-1) === '') parts.pop();
  for (const segment of relative.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') {
      // Never climb above the root ('' is the part before the leading slash).
      if (parts.length > 1) parts.pop();
    } else {
      parts.push(segment);
    }
  }
  return parts.length === 1 && parts[0] === '' ? '/' : parts.join('/');
}

export function dirnameOf(path: string): string {
  const at = path.lastIndexOf('/');
  if (at <= 0) return at === 0 ? '/' : '.';
  return path.slice(0, at);
}

export function basenameOf(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/** The extension without its dot, lower-cased (`md` for `docs/runbook.md`); '' when there is none. */
export function extensionOf(path: string): string {
  const base = basenameOf(path);
  const dot = base.lastIndexOf('.');
  return dot <= 0 ? '' : base.slice(dot + 1).toLowerCase();
}

/** The path from folder `from` to `to`, both absolute: `docs/runbook.md`, `../ENTREGABLES.md`. */
export function relativePath(from: string, to: string): string {
  const a = from.split('/').filter((s) => s !== '');
  const b = to.split('/').filter((s) => s !== '');
  let common = 0;
  while (common < a.length && common < b.length && a[common] === b[common]) common++;
  const up = a.slice(common).map(() => '..');
  const path = [...up, ...b.slice(common)].join('/');
  return path === '' ? '.' : path;
}

/** True when `path` is `folder` itself or lies under it. */
export function isInside(path: string, folder: string): boolean {
  const f = folder.endsWith('/') ? folder.slice(0, -1) : folder;
  return path === f || path.startsWith(`${f}/`);
}

export const MARKDOWN_EXTENSIONS: ReadonlySet<string> = new Set(['md', 'markdown', 'mdown', 'mkd']);

export function isMarkdownPath(path: string): boolean {
  return MARKDOWN_EXTENSIONS.has(extensionOf(path));
}

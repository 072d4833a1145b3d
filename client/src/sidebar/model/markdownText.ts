// Document text inside the tooltips' markdown: escaped so that it reads as written, and hidden
// where a secret finding lies, so a pasted token never shows on screen from the sidebar.
import type { Range } from '../../../../server/src/lsp/protocol';

/** Escapes markdown and HTML syntax so document text is shown literally. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()<>#+\-.!|~]/g, (c) => `\\${c}`);
}

export function shorten(text: string, max = 80): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

export function overlaps(a: Range, b: Range): boolean {
  const before = (p: Range['start'], q: Range['start']) => p.line < q.line || (p.line === q.line && p.character < q.character);
  return !before(a.end, b.start) && !before(b.end, a.start);
}

export function touchesAny(range: Range, secrets: readonly { readonly range: Range }[]): boolean {
  return secrets.some((secret) => overlaps(range, secret.range));
}

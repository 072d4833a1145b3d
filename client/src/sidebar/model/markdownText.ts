// Document text inside the tooltips' markdown, escaped so that it reads as written. Which text is
// hidden because a secret touches it is the server's decision: it arrives as null.
/** Escapes markdown and HTML syntax so document text is shown literally. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()<>#+\-.!|~]/g, (c) => `\\${c}`);
}

export function shorten(text: string, max = 80): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

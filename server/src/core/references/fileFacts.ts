// Gathers the file facts of a set of paths through the injected probe. The
// language server caches the result per path and drops entries on file events;
// the CLI gathers once per run.
import { isMarkdownPath } from './paths';
import type { FileFact, FileHeading, FileProbe } from '../model/references/types';

/** Markdown files larger than this are not read for their headings. */
export const MAX_HEADING_SCAN_BYTES = 1_000_000;

/** @param fence the folder the path must not lead out of, symbolic links followed */
export async function fileFactOf(path: string, probe: FileProbe, fence?: string): Promise<FileFact> {
  const stat = await probe.stat(path, fence);
  if (stat === 'outside') return { exists: false, outside: true };
  if (!stat) return { exists: false };
  let headings: readonly FileHeading[] = [];
  if (stat.kind === 'file' && isMarkdownPath(path) && stat.size <= MAX_HEADING_SCAN_BYTES) {
    const text = await probe.readText(path);
    if (text !== undefined) headings = markdownHeadings(text);
  }
  return { exists: true, kind: stat.kind, size: stat.size, modified: stat.modified, headings };
}

export async function gatherFileFacts(
  paths: Iterable<string>,
  probe: FileProbe,
  fence?: string,
): Promise<Map<string, FileFact>> {
  const unique = [...new Set(paths)];
  const facts = await Promise.all(unique.map((path) => fileFactOf(path, probe, fence)));
  return new Map(unique.map((path, i) => [path, facts[i] ?? { exists: false }]));
}

const ATX = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;

/**
 * The ATX headings of a markdown text, outside fenced code, with inline markup
 * (emphasis, code, links) reduced to its text. A cheap line scan: the file is not
 * a checklist and only its section titles matter.
 */
export function markdownHeadings(text: string): FileHeading[] {
  const headings: FileHeading[] = [];
  let fence: string | undefined;
  for (const line of text.split(/\r\n|\r|\n/)) {
    const mark = FENCE.exec(line)?.[1];
    if (fence !== undefined) {
      if (mark && mark[0] === fence[0] && mark.length >= fence.length && line.trim() === mark) fence = undefined;
      continue;
    }
    if (mark) {
      fence = mark;
      continue;
    }
    const heading = ATX.exec(line);
    if (!heading) continue;
    const plain = (heading[2] ?? '')
      .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
      .replace(/`+/g, '')
      // Emphasis markers go; an underscore inside a word (SMART_MODE) is text.
      .replace(/(\*\*|__)(.+?)\1/g, '$2')
      .replace(/(^|[^\p{L}\p{N}])[*_]([^*_]+)[*_](?![\p{L}\p{N}])/gu, '$1$2')
      .replace(/\*+/g, '')
      .trim();
    if (plain !== '') headings.push({ depth: heading[1]?.length ?? 1, text: plain });
  }
  return headings;
}

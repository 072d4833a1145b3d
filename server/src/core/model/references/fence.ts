// File references in the lines of a fenced block:
//   - File: docs/runbook.md             the value of a file key
//   - Directory: docs/playbooks/        the value of a folder key, which opens a listing:
//     - high-error-rate.md              a file listed under it (docs/playbooks/high-error-rate.md)
//   -F "image=@./test/fixture.jpg"      the file a curl command sends
//   Link: [docs/x.md](docs/x.md)        a markdown link's target (fenced text is not rendered, but people write them)
//   - [ ] transcripts (data/transcripts/)  any path-shaped word
import { range } from '../../types';
import { asOutsidePath, asPath } from './pathLike';
import { CURL_COMMAND, curlFiles } from './curl';
import type { FileReference } from './types';
import { linkTarget, pathWords } from './words';

const KEY_LINE = /^(\s*)(?:[-*+]\s+)?(?:\*\*)?([\p{L}][\p{L}\p{N} _-]*?)(?:\*\*)?\s*:(?:\*\*)?[ \t]*(.*?)\s*$/du;
const LISTED = /^(\s*)[-*+]\s+(\S+)\s*$/;
const MARKDOWN_LINK = /\[[^\]\n]*\]\(([^)\s]+)\)/dg;

const FILE_KEYS = new Set([
  'file',
  'archivo',
  'fichero',
  'path',
  'ruta',
  'location',
  'ubicacion',
  'runbook',
  'playbook',
  'document',
  'documento',
  'script',
  'test script',
  'config',
  'dockerfile',
]);
const FOLDER_KEYS = new Set(['directory', 'directorio', 'folder', 'carpeta', 'dir']);

/** Lower case without accents: `Ubicación` → `ubicacion`. */
export function plainKey(key: string): string {
  return key.normalize('NFD').replace(/\p{M}/gu, '').trim().toLowerCase();
}

export const isFolderKey = (key: string): boolean => FOLDER_KEYS.has(plainKey(key));
export const isFileKey = (key: string): boolean => FILE_KEYS.has(plainKey(key));

/** The references of one fenced block, in the block-relative lines it was given. */
export function fenceReferences(lines: readonly { readonly line: number; readonly text: string }[]): FileReference[] {
  const references: FileReference[] = [];
  /** The path of the `Directory:` whose listing the lines are in. */
  let directory: string | undefined;
  let curlContinues = false;
  for (const { line, text } of lines) {
    if (text.trim() === '') {
      directory = undefined;
      curlContinues = false;
      continue;
    }
    const taken: [number, number][] = [];
    const add = (reference: Omit<FileReference, 'range' | 'inFence'>, start: number, end: number) => {
      references.push({ ...reference, range: range(line, start, line, end), inFence: true });
      taken.push([start, end]);
    };

    // The patterns below are costly on every line of every fence; most lines have neither `](` nor `:`.
    if (text.includes(']('))
      for (const match of text.matchAll(MARKDOWN_LINK)) {
        const at = match.indices?.[1];
        const target = linkTarget(match[1] ?? '');
        taken.push([match.index, match.index + match[0].length]);
        if (at && target)
          references.push({
            ...target,
            text: match[1] ?? '',
            range: range(line, at[0], line, at[1]),
            form: 'link',
            inFence: true,
            directory: undefined,
            key: undefined,
          });
      }

    const inCurl: boolean = curlContinues || CURL_COMMAND.test(text);
    curlContinues = inCurl && /\\\s*$/.test(text);
    if (inCurl) {
      for (const file of curlFiles(text)) {
        const path =
          asOutsidePath(file.text) ?? asPath(file.text.startsWith('.') ? file.text : `./${file.text}`, 'field');
        if (path)
          add({ ...path, text: file.text, form: 'curl', directory: undefined, key: undefined }, file.start, file.end);
      }
    }

    const keyed = text.includes(':') ? KEY_LINE.exec(text) : null;
    const listed = keyed ? undefined : LISTED.exec(text);
    if (keyed) {
      // `Links: ...` at the margin starts something new; `- Files:` continues the listing.
      if (!/^\s|^[-*+]\s/.test(text)) directory = undefined;
      const key = (keyed[2] ?? '').trim();
      const value = keyed[3] ?? '';
      const start = keyed.indices?.[3]?.[0] ?? 0;
      if (isFolderKey(key) && value !== '' && !/\s/.test(value)) {
        const path =
          asOutsidePath(value.endsWith('/') ? value : `${value}/`) ??
          asPath(value.endsWith('/') ? value : `${value}/`, 'field');
        if (path) {
          add({ ...path, text: value, form: 'field', directory: undefined, key }, start, start + value.length);
          directory = path.path;
        }
      } else if (isFileKey(key) && value !== '' && !/\s/.test(value)) {
        const path = asOutsidePath(value) ?? asPath(value, 'field');
        if (path) add({ ...path, text: value, form: 'field', directory: undefined, key }, start, start + value.length);
      }
    } else if (directory && listed) {
      const name = listed[2] ?? '';
      const path = asPath(name, 'field');
      const start = text.indexOf(name, listed[1]?.length ?? 0);
      if (path && !name.startsWith('..'))
        add(
          { kind: path.kind, path: `${directory}/${path.path}`, text: name, form: 'listed', directory, key: undefined },
          start,
          start + name.length,
        );
    } else if (directory && !/^\s/.test(text)) {
      // An unindented line that is neither a key nor a list item ends the listing.
      directory = undefined;
    }

    for (const word of pathWords(text, 'text', taken)) {
      references.push({
        path: word.path,
        kind: word.kind,
        text: word.text,
        range: range(line, word.start, line, word.end),
        form: 'text',
        inFence: true,
        directory: undefined,
        key: undefined,
      });
    }
  }
  return references;
}

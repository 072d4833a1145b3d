// Finds the markdown files named on the command line and reads them safely:
// binary files and invalid UTF-8 are reported by name, never half-read.
import { readdir, readFile, stat } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';

export interface MarkdownFile {
  /** The path to print: relative to the working directory when inside it. */
  readonly displayPath: string;
  readonly absolutePath: string;
  /** Path relative to the folder argument it was found under (its base name for a file argument), for glob matching. */
  readonly matchPath: string;
}

export class InputError extends Error {}

const SKIPPED_FOLDERS = new Set(['node_modules', '.git', '.vscode-test', 'dist', 'out']);
const MARKDOWN = /\.(?:md|markdown|mdown|mkd)$/i;

export async function collectMarkdownFiles(paths: readonly string[], cwd: string): Promise<MarkdownFile[]> {
  const files: MarkdownFile[] = [];
  for (const path of paths) {
    const absolute = resolve(cwd, path);
    const info = await stat(absolute).catch(() => undefined);
    if (!info) throw new InputError(`${path}: no such file or directory`);
    if (info.isDirectory()) {
      const found = await walk(absolute);
      if (found.length === 0) throw new InputError(`${path}: no markdown files in this folder`);
      for (const file of found) files.push(describe(file, cwd, toPosix(relative(absolute, file))));
    } else {
      files.push(describe(absolute, cwd, toPosix(relative(dirname(absolute), absolute))));
    }
  }
  return files;
}

async function walk(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { withFileTypes: true });
  const found: string[] = [];
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    const path = join(folder, entry.name);
    if (entry.isDirectory() && !SKIPPED_FOLDERS.has(entry.name)) found.push(...(await walk(path)));
    else if (entry.isFile() && MARKDOWN.test(entry.name)) found.push(path);
  }
  return found;
}

function describe(absolutePath: string, cwd: string, matchPath: string): MarkdownFile {
  const rel = relative(cwd, absolutePath);
  const displayPath = rel.startsWith('..') ? absolutePath : rel;
  return { displayPath: toPosix(displayPath), absolutePath, matchPath };
}

function toPosix(path: string): string {
  return path.split(sep).join('/');
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Reads a text file; throws InputError naming the file when it is binary or not UTF-8. */
export async function readText(file: MarkdownFile): Promise<string> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file.absolutePath);
  } catch (error) {
    throw new InputError(
      `${file.displayPath}: cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)})`,
    );
  }
  if (bytes.subarray(0, 8192).includes(0)) throw new InputError(`${file.displayPath}: is a binary file, not markdown`);
  try {
    return utf8.decode(bytes);
  } catch {
    throw new InputError(`${file.displayPath}: is not valid UTF-8 (save it as UTF-8 and run again)`);
  }
}

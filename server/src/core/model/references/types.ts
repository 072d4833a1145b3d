// The shapes of file references and of what the file system says about them.
// A reference is found in the checklist's text (pure); whether its file exists
// comes from a snapshot the language server or the CLI gathers beforehand, so
// that the analysis itself stays synchronous and free of I/O.
import type { Range } from '../../types';

/** What a reference names: a file (`docs/runbook.md`), a folder (`docs/playbooks/`), or either (`data/transcripts`). */
export type ReferenceKind = 'file' | 'folder' | 'any';

/**
 * How the checklist wrote it: a code span, the value of a `File:`/`Directory:` key, a file listed under a
 * directory, the `@file` of a curl command, a path-shaped word of prose or fenced text, a link's target.
 */
export type ReferenceForm = 'code-span' | 'field' | 'listed' | 'curl' | 'text' | 'link';

export interface FileReference {
  /** The path to resolve: relative, `/`-separated, without `./` or a trailing slash (`docs/playbooks/disk-full.md`). */
  readonly path: string;
  /** The text as written, which `range` covers (`disk-full.md`, `./test/fixture.jpg`). */
  readonly text: string;
  readonly range: Range;
  readonly kind: ReferenceKind;
  readonly form: ReferenceForm;
  readonly inFence: boolean;
  /** For a file listed under a `Directory:` line, that directory's path. */
  readonly directory: string | undefined;
  /** The key that introduced it (`File`, `Archivo`, `Directory`), if any. */
  readonly key: string | undefined;
}

export interface FileHeading {
  readonly depth: number;
  readonly text: string;
}

/** What the file system says about one absolute path, at the time of the snapshot. */
export type FileFact =
  /** `outside`: the path is a symbolic link (or under one) that leads out of the workspace. */
  | { readonly exists: false; readonly outside?: boolean }
  | {
      readonly exists: true;
      readonly kind: 'file' | 'folder';
      /** Bytes; 0 for a folder. */
      readonly size: number;
      /** Last modification, in milliseconds since the epoch. */
      readonly modified: number;
      /** The ATX headings of a markdown file (empty for other files, folders and files too large to read). */
      readonly headings: readonly FileHeading[];
    };

/** File facts by absolute path. A path missing from the map is unknown: nothing is reported about it. */
export type FileFacts = ReadonlyMap<string, FileFact>;

export interface FileStat {
  readonly kind: 'file' | 'folder';
  readonly size: number;
  readonly modified: number;
}

/** The file system as the core sees it; the language server and the CLI implement it over node's fs. */
export interface FileProbe {
  /**
   * undefined when nothing is there (or it cannot be seen); `outside` when `fence` is given and the
   * path, its symbolic links followed, leads out of that folder.
   */
  stat(path: string, fence?: string): Promise<FileStat | undefined | 'outside'>;
  /** The UTF-8 text of a file, or undefined when it cannot be read as text. */
  readText(path: string): Promise<string | undefined>;
}

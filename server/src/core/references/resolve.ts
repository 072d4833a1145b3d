// Where a reference points on disk. A checklist's paths are relative to the
// repository (the workspace folder that holds it) or to the checklist's own
// folder; both are tried, in that order. The first base is also the fence:
// a path that leaves it (`../../etc/passwd`, `/etc/passwd`, `~/.ssh/id_rsa`, or
// a symbolic link out of it, which the file probe reports) is never looked at.
import type { Checklist, Item } from '../model/checklist';
import { isOutsidePath } from '../model/references/pathLike';
import { isInside, joinPath } from './paths';
import type { FileFact, FileFacts, FileReference } from '../model/references/types';

/**
 * Absolute folders references resolve against, most preferred first: the workspace folder holding the
 * checklist (or the CLI's `--root`), then the checklist's own folder. Empty: references are not checked.
 * The first is the fence: nothing outside it is looked at.
 */
export type ReferenceBases = readonly string[];

/** `outside`: the path leaves the workspace; nothing about it is known or said. */
export type ReferenceState = 'exists' | 'missing' | 'unknown' | 'outside';

export interface ResolvedReference {
  readonly item: Item;
  readonly reference: FileReference;
  readonly state: ReferenceState;
  /** The path that exists, or where the file would be created (under the first base). */
  readonly path: string;
  /** The facts of `path` when it exists. */
  readonly fact: Extract<FileFact, { exists: true }> | undefined;
  /** Every path looked at. */
  readonly candidates: readonly string[];
}

const candidatesOf = new WeakMap<FileReference, { readonly bases: string; readonly paths: readonly string[] }>();

/** The paths a reference may name, inside the fence (the first base) only; kept with the reference (an unchanged block's). */
export function candidatePaths(reference: FileReference, bases: ReferenceBases): readonly string[] {
  const key = bases.join('\n');
  const known = candidatesOf.get(reference);
  if (known?.bases === key) return known.paths;
  const fence = bases[0];
  const paths =
    fence === undefined || isOutsidePath(reference.path)
      ? []
      : [...new Set(bases.map((base) => joinPath(base, reference.path)))].filter((path) => isInside(path, fence));
  candidatesOf.set(reference, { bases: key, paths });
  return paths;
}

/**
 * A path-shaped word of prose or fenced text without a file extension (`data/transcripts/`): a
 * repository path only when its parent folder exists, since folder names are also everyday words.
 */
export function needsExistingParent(reference: FileReference): boolean {
  return reference.form === 'text' && reference.kind !== 'file' && reference.path.includes('/');
}

const parents = new WeakMap<FileReference, FileReference>();

/** The folder that holds the reference's path, as a reference of its own (made once per reference). */
export function parentReference(reference: FileReference): FileReference {
  let parent = parents.get(reference);
  if (!parent) {
    parent = { ...reference, path: reference.path.slice(0, reference.path.lastIndexOf('/')), kind: 'folder' };
    parents.set(reference, parent);
  }
  return parent;
}

const pathsOf = new WeakMap<Item, { readonly bases: string; readonly paths: readonly string[] }>();

/** Every path whose facts the reference checks need; kept per item (an unchanged item's). */
export function referencePaths(checklist: Checklist, bases: ReferenceBases): string[] {
  const key = bases.join('\n');
  const paths = new Set<string>();
  for (const item of checklist.items) {
    if (item.references.length === 0) continue;
    let known = pathsOf.get(item);
    if (known?.bases !== key) {
      const own = item.references.flatMap((r) =>
        needsExistingParent(r)
          ? [...candidatePaths(r, bases), ...candidatePaths(parentReference(r), bases)]
          : candidatePaths(r, bases),
      );
      pathsOf.set(item, (known = { bases: key, paths: [...new Set(own)] }));
    }
    for (const path of known.paths) paths.add(path);
  }
  return [...paths];
}

/** What resolving reads of the facts. */
export type FactReader = Pick<FileFacts, 'get'>;

export function resolveReference(
  item: Item,
  reference: FileReference,
  bases: ReferenceBases,
  facts: FactReader,
): ResolvedReference {
  const candidates = candidatePaths(reference, bases);
  const outside = { item, reference, state: 'outside', path: reference.path, fact: undefined, candidates: [] } as const;
  if (candidates.length === 0 && bases.length > 0) return outside;
  let allKnown = candidates.length > 0;
  for (const path of candidates) {
    const fact = facts.get(path);
    // A symbolic link out of the workspace: as if it were written `../..`.
    if (fact && !fact.exists && fact.outside) return outside;
    if (fact?.exists) return { item, reference, state: 'exists', path, fact, candidates };
    if (!fact) allKnown = false;
  }
  return {
    item,
    reference,
    state: allKnown ? 'missing' : 'unknown',
    path: candidates[0] ?? reference.path,
    fact: undefined,
    candidates,
  };
}

export function resolveReferences(checklist: Checklist, bases: ReferenceBases, facts: FileFacts): ResolvedReference[] {
  if (bases.length === 0) return [];
  return checklist.items.flatMap((item) =>
    item.references.map((reference) => resolveReference(item, reference, bases, facts)),
  );
}

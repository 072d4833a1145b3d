// `readiness check`'s file-reference checks: the same missing-file and
// runbook-content findings the editor shows, with file facts read from disk once
// per run (per thread). References resolve against `--root` (default: the checklist's folder),
// then the checklist's own folder, and never outside `--root` (or, without it, the
// checklist's folder): such a path gets no finding at all.
import { dirname, resolve, sep } from 'node:path';
import type { Analysis, FileFact } from '../core/api';
import type { ReadinessService } from '../core/service';

/** File facts already gathered in this run, by fence and path: checklists of a repository point at the same files. */
export type FileFactsOfRun = Map<string, FileFact>;

const NOTHING: FileFact = { exists: false };

// Core paths use `/`; node accepts them on Windows too.
const toPosix = (path: string): string => path.split(sep).join('/');

/** The analysis of the checklist at `absolutePath` with its file-reference findings added. */
export async function withReferenceChecks(
  service: ReadinessService,
  analysis: Analysis,
  absolutePath: string,
  root: string | undefined,
  known: FileFactsOfRun = new Map(),
): Promise<Analysis> {
  const folder = toPosix(dirname(absolutePath));
  const bases = [...new Set([root === undefined ? folder : toPosix(resolve(root)), folder])];
  const paths = service.references.paths(analysis.checklist, bases);
  if (paths.length === 0) return analysis;
  // The first base is the fence: nothing outside it (nor a symbolic link out of it) is looked at.
  const fence = bases[0];
  const key = (path: string) => `${fence ?? ''}\0${path}`;
  const unknown = paths.filter((path) => !known.has(key(path)));
  if (unknown.length > 0)
    for (const [path, fact] of await service.references.gather(unknown, fence)) known.set(key(path), fact);
  const facts = new Map(paths.map((path) => [path, known.get(key(path)) ?? NOTHING]));
  return service.references.withFindings(
    analysis,
    service.references.findings({ checklist: analysis.checklist, bases, facts }),
  );
}

// `readiness check`'s file-reference checks: the same missing-file and
// runbook-content findings the editor shows, with file facts read from disk once
// per run. References resolve against `--root` (default: the checklist's folder),
// then the checklist's own folder, and never outside `--root` (or, without it, the
// checklist's folder): such a path gets no finding at all.
import { dirname, resolve, sep } from 'node:path';
import type { Analysis } from '../core/api';
import type { ReadinessService } from '../core/service';

// Core paths use `/`; node accepts them on Windows too.
const toPosix = (path: string): string => path.split(sep).join('/');

/** The analysis of the checklist at `absolutePath` with its file-reference findings added. */
export async function withReferenceChecks(
  service: ReadinessService,
  analysis: Analysis,
  absolutePath: string,
  root: string | undefined,
): Promise<Analysis> {
  const folder = toPosix(dirname(absolutePath));
  const bases = [...new Set([root === undefined ? folder : toPosix(resolve(root)), folder])];
  const paths = service.references.paths(analysis.checklist, bases);
  if (paths.length === 0) return analysis;
  // The first base is the fence: nothing outside it (nor a symbolic link out of it) is looked at.
  const facts = await service.references.gather(paths, bases[0]);
  return service.references.withFindings(
    analysis,
    service.references.findings({ checklist: analysis.checklist, bases, facts }),
  );
}

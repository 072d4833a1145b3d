// What the language server knows of the files checklists point at: node's fs
// behind the core's FileProbe, and a cache of facts per path that file events
// (workspace/didChangeWatchedFiles) invalidate. Without file events (a client
// that cannot watch), an analysis takes the facts known and they are looked at
// again after it, off the keystroke's path: what changed on disk is forgotten
// and reported, and the documents pointing at it are analysed again.
import { URI } from 'vscode-uri';
import type { FileFact, FileProbe } from '../core/api';
import type { ReadinessService } from '../core/service';
import { createFileProbe } from '../node/fileProbe';

/** Core paths are URI paths (`/home/me/repo`, `/c:/repo`); node wants file-system paths. */
export function fsPathOf(path: string): string {
  return URI.from({ scheme: 'file', path }).fsPath;
}

export const nodeFileProbe: FileProbe = createFileProbe(fsPathOf);

/** Facts depend on the fence too (a symbolic link may leave one folder and not another). */
interface CachedFact {
  readonly path: string;
  readonly fact: Promise<FileFact>;
}

export class FileFactsCache {
  /** By fence and path. */
  private readonly facts = new Map<string, CachedFact>();
  /** Set once the client has agreed to send file events; until then known facts are looked at again after each use. */
  watching = false;
  /** Whether facts are being looked at again, and the next paths to look at once that is done. */
  private rechecking = false;
  private recheckNext: { readonly paths: readonly string[]; readonly fence: string } | undefined;

  /**
   * @param service the core's front door, whose `files` port is read (nodeFileProbe in the server)
   * @param changed told the paths whose facts changed, found when looking again without file events
   */
  constructor(
    private readonly service: ReadinessService,
    private readonly changed: (paths: string[]) => void = () => undefined,
  ) {}

  /** The facts of paths inside `fence`, the folder none of them may lead out of. */
  async gather(paths: readonly string[], fence: string): Promise<Map<string, FileFact>> {
    const known = paths.filter((path) => this.facts.has(keyOf(path, fence)));
    const entries = await Promise.all(paths.map(async (path) => [path, await this.get(path, fence)] as const));
    // After the analysis that asked has been published (its promise callbacks and the message's write come first).
    if (!this.watching && known.length > 0) setImmediate(() => void this.recheck(known, fence));
    return new Map(entries);
  }

  /** Always asks the file system (used right before creating a file). */
  fresh(path: string, fence?: string): Promise<FileFact> {
    return this.service.references.fact(path, fence);
  }

  /**
   * Forgets what is known of the changed paths, of what lies under them (a deleted
   * folder) and of the folders above them (a created file may have created them).
   * Returns the forgotten paths.
   */
  invalidate(changed: readonly string[]): string[] {
    const forgotten = new Set<string>();
    const { isInside } = this.service.references.path;
    for (const [key, { path }] of this.facts) {
      if (changed.some((c) => isInside(path, c) || isInside(c, path))) {
        forgotten.add(path);
        this.facts.delete(key);
      }
    }
    return [...forgotten];
  }

  private get(path: string, fence: string): Promise<FileFact> {
    const key = keyOf(path, fence);
    let cached = this.facts.get(key);
    if (!cached) {
      cached = { path, fact: this.fresh(path, fence) };
      this.facts.set(key, cached);
    }
    return cached.fact;
  }

  /** Looks at known facts again (one round at a time; the newest paths asked for meanwhile come next). */
  private async recheck(paths: readonly string[], fence: string): Promise<void> {
    if (this.rechecking) {
      this.recheckNext = { paths, fence };
      return;
    }
    this.rechecking = true;
    const changed: string[] = [];
    try {
      await Promise.all(
        paths.map(async (path) => {
          const key = keyOf(path, fence);
          const cached = this.facts.get(key);
          if (!cached) return;
          const [before, now] = await Promise.all([cached.fact, this.fresh(path, fence)]).catch(() => []);
          // Unless file events or another look replaced it meanwhile.
          if (!now || this.facts.get(key) !== cached || JSON.stringify(before) === JSON.stringify(now)) return;
          this.facts.set(key, { path, fact: Promise.resolve(now) });
          changed.push(path);
        }),
      );
    } finally {
      this.rechecking = false;
      const next = this.recheckNext;
      this.recheckNext = undefined;
      if (changed.length > 0) this.changed(changed);
      if (next && !this.watching) void this.recheck(next.paths, next.fence);
    }
  }
}

function keyOf(path: string, fence: string): string {
  return `${fence}\n${path}`;
}

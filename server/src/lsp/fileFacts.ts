// What the language server knows of the files checklists point at: node's fs
// behind the core's FileProbe, and a cache of facts per path that file events
// (workspace/didChangeWatchedFiles) invalidate. Without file events (a client
// that cannot watch), nothing is cached and every analysis looks again.
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
  /** Set once the client has agreed to send file events; until then nothing is cached. */
  watching = false;

  /** @param service the core's front door, whose `files` port is read (nodeFileProbe in the server) */
  constructor(private readonly service: ReadinessService) {}

  /** The facts of paths inside `fence`, the folder none of them may lead out of. */
  async gather(paths: readonly string[], fence: string): Promise<Map<string, FileFact>> {
    const entries = await Promise.all(paths.map(async (path) => [path, await this.get(path, fence)] as const));
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
    if (!this.watching) return this.fresh(path, fence);
    const key = `${fence}\n${path}`;
    let cached = this.facts.get(key);
    if (!cached) {
      cached = { path, fact: this.fresh(path, fence) };
      this.facts.set(key, cached);
    }
    return cached.fact;
  }
}

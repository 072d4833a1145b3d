// The configuration file of each document (`.readiness.json` or package.json's
// `readiness` key, from the document's folder up to its workspace folder or
// repository root), cached per folder until a watched configuration file
// changes. A file with problems gets them as diagnostics on the file itself;
// its valid settings still apply.
import { DiagnosticSeverity, FileChangeType, type Connection, type FileEvent } from 'vscode-languageserver/node';
import { URI } from 'vscode-uri';
import { CONFIG_FILE_NAME, PACKAGE_FILE_NAME, type FoundConfig, type Translate } from '../core/api';
import type { ReadinessService } from '../core/service';
import { DIAGNOSTIC_SOURCE } from './convert';

export class ConfigFiles {
  private readonly byFolder = new Map<string, Promise<FoundConfig | undefined>>();
  /** Configuration files whose problems are on show, so fixing them clears the diagnostics. */
  private readonly withProblems = new Set<string>();

  constructor(
    private readonly service: ReadinessService,
    private readonly connection: Connection,
    private readonly t: () => Translate,
  ) {}

  /** The configuration that applies to a `file:` document (or, `isFolder`, a folder), searched no higher than `workspaceFolder`. */
  forDocument(uri: string, workspaceFolder: string | undefined, isFolder = false): Promise<FoundConfig | undefined> {
    const parsed = URI.parse(uri);
    if (parsed.scheme !== 'file') return Promise.resolve(undefined);
    const path = parsed.fsPath.replace(/\\/g, '/');
    const folder = isFolder ? path : path.slice(0, path.lastIndexOf('/')) || '/';
    let found = this.byFolder.get(folder);
    if (!found) {
      found = this.service.config.find(folder, workspaceFolder, this.t()).then(
        (config) => {
          this.show(config);
          return config;
        },
        () => undefined,
      );
      this.byFolder.set(folder, found);
    }
    return found;
  }

  /** Forgets every cached configuration when one of the events is about a configuration file; true when one was. */
  changed(events: readonly FileEvent[]): boolean {
    const touched = events.filter((e) => isConfigFile(e.uri));
    if (touched.length === 0) return false;
    this.byFolder.clear();
    for (const event of touched) {
      if (event.type === FileChangeType.Deleted) this.clear(URI.parse(event.uri).fsPath.replace(/\\/g, '/'));
    }
    return true;
  }

  private show(config: FoundConfig | undefined): void {
    if (!config) return;
    const uri = URI.file(config.path).toString();
    const problems = config.parsed.problems;
    if (problems.length === 0 && !this.withProblems.has(config.path)) return;
    if (problems.length === 0) this.withProblems.delete(config.path);
    else this.withProblems.add(config.path);
    void this.connection.sendDiagnostics({
      uri,
      diagnostics: problems.map((p) => ({
        range: p.range,
        message: p.message,
        severity: DiagnosticSeverity.Error,
        source: DIAGNOSTIC_SOURCE,
        code: 'config',
      })),
    });
    for (const p of problems)
      this.connection.console.warn(
        `${config.path}:${p.range.start.line + 1}:${p.range.start.character + 1}: ${p.message}`,
      );
  }

  private clear(path: string): void {
    if (!this.withProblems.delete(path)) return;
    void this.connection.sendDiagnostics({ uri: URI.file(path).toString(), diagnostics: [] });
  }
}

function isConfigFile(uri: string): boolean {
  const name = uri.slice(uri.lastIndexOf('/') + 1);
  return name === CONFIG_FILE_NAME || name === PACKAGE_FILE_NAME;
}

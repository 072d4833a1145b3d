// The checklists of the workspace, for the sidebar: which markdown files under the workspace folders
// are checklists (`readiness/workspaceChecklists`), and the model of one that is not open in the
// editor, read from disk (`readiness/checklist` falls back to this). The core does no I/O, so the
// file system is walked and read here; detection and analysis are the core's.
import type { Dirent } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { URI } from 'vscode-uri';
import type { ReadinessService } from '../core/service';
import type { ChecklistResult, LastSmokeResultView, WorkspaceChecklist, WorkspaceChecklistsResult } from '../protocol';
import type { ResourceSettings } from './settings';
import type { Translate } from '../core/api';
import { checklistResult, notAChecklist } from './checklistResult';

export interface WorkspaceChecklistsHost {
  readonly service: ReadinessService;
  /** The workspace folders, as `file:` URIs. */
  folders(): readonly string[];
  settings(uri: string): Promise<ResourceSettings>;
  /** The path of a file relative to the workspace folder that holds it, as the open-document analysis matches globs. */
  relativePath(uri: string): string;
  /** The editor's text of an open document (it may differ from the file on disk). */
  openText(uri: string): string | undefined;
  locale(): string | undefined;
  today(): string;
  /** How each test's evidence is worded for the sidebar: the display language and the wall clock now. */
  evidenceWording?(): { readonly nowMs: number; readonly t: Translate };
}

/** Folders that hold dependencies, VCS data or build output, never a team's checklist. */
const SKIPPED_FOLDERS = new Set(['node_modules', '.git', 'dist', 'out', '.vscode-test']);
const MARKDOWN_FILE = /\.(?:md|markdown)$/i;
/** Bounds of one scan, so a huge folder (a monorepo, a mounted drive) cannot stall the server. */
export const SCAN_LIMITS = { entries: 50_000, depth: 16, checklists: 200 } as const;

/** What is left of one scan's bounds; `complete` turns false when one ran out. */
interface ScanBudget {
  entries: number;
  checklists: number;
  complete: boolean;
}

export class WorkspaceChecklists {
  constructor(private readonly host: WorkspaceChecklistsHost) {}

  /** Every checklist file under the workspace folders, sorted by folder and path; `complete` is false when a bound cut the scan short. */
  async list(): Promise<WorkspaceChecklistsResult> {
    const checklists: WorkspaceChecklist[] = [];
    const seen = new Set<string>();
    const budget: ScanBudget = { entries: SCAN_LIMITS.entries, checklists: SCAN_LIMITS.checklists, complete: true };
    for (const folder of this.host.folders()) {
      const root = URI.parse(folder);
      if (root.scheme !== 'file') continue;
      const found = new Map<string, WorkspaceChecklist>();
      await this.walk(root.fsPath, 0, await this.host.settings(folder), found, budget, seen);
      checklists.push(...[...found.values()].sort((a, b) => a.relativePath.localeCompare(b.relativePath)));
      if (!budget.complete) break;
    }
    return { checklists, complete: budget.complete };
  }

  /** `readiness/checklist` for a markdown file that is not open: its model as it is on disk. */
  async fromDisk(uri: string, lastResults?: ReadonlyMap<string, LastSmokeResultView>): Promise<ChecklistResult> {
    const file = URI.parse(uri);
    const today = this.host.today();
    // A file that cannot be analysed (missing, too large, binary, not UTF-8) gets nothing, not an error.
    if (file.scheme !== 'file' || !MARKDOWN_FILE.test(file.path)) return notAChecklist(this.host.service, uri, -1);
    const settings = await this.host.settings(uri);
    const text = await readChecklistText(file.fsPath, settings);
    if (text === undefined) return notAChecklist(this.host.service, uri, -1);
    const path = this.host.relativePath(uri);
    const { service } = this.host;
    if (service.matchesAny(path, settings.ignore) || !service.isChecklist(path, text, settings.files))
      return notAChecklist(this.host.service, uri, -1);
    const analysis = service.analyse(text, {
      locale: this.host.locale(),
      maxSize: settings.maxFileSize,
      settings: settings.analysis,
      today,
    });
    const wording = this.host.evidenceWording?.();
    const evidence = wording && {
      records: service.evidence.all(text, analysis, { settings: settings.analysis, today }),
      ...wording,
    };
    return checklistResult(
      service,
      uri,
      -1,
      analysis,
      text,
      service.smoke.tests(analysis.checklist, text),
      today,
      lastResults,
      evidence,
      { t: service.messages(this.host.locale()) },
    );
  }

  /** @param seen every file looked at so far, so a folder nested in another workspace folder is listed once */
  private async walk(
    folder: string,
    depth: number,
    settings: ResourceSettings,
    found: Map<string, WorkspaceChecklist>,
    budget: ScanBudget,
    seen: Set<string>,
  ): Promise<void> {
    let entries: Dirent[];
    try {
      entries = await readdir(folder, { withFileTypes: true });
    } catch {
      return; // unreadable or gone since it was listed: not ours to report
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    const subfolders: string[] = [];
    for (const entry of entries) {
      if (--budget.entries < 0 || budget.checklists <= 0) {
        budget.complete = false;
        return;
      }
      const path = join(folder, entry.name);
      // Symbolic links are not followed: they may loop or lead out of the workspace.
      if (entry.isDirectory()) {
        if (!SKIPPED_FOLDERS.has(entry.name)) subfolders.push(path);
      } else if (entry.isFile() && MARKDOWN_FILE.test(entry.name)) {
        const uri = URI.file(path).toString();
        if (seen.has(uri)) continue;
        seen.add(uri);
        if (!(await this.isChecklistFile(uri, path, settings))) continue;
        found.set(uri, { uri, relativePath: this.host.relativePath(uri) });
        budget.checklists--;
      }
    }
    for (const subfolder of subfolders) {
      if (depth + 1 > SCAN_LIMITS.depth) {
        budget.complete = false;
        continue;
      }
      await this.walk(subfolder, depth + 1, settings, found, budget, seen);
      if (!budget.complete) return;
    }
  }

  /** The same test as for an open document: not ignored, and a `readiness.files` name or three state fields. */
  private async isChecklistFile(uri: string, path: string, settings: ResourceSettings): Promise<boolean> {
    const relative = this.host.relativePath(uri);
    const { service } = this.host;
    if (service.matchesAny(relative, settings.ignore)) return false;
    if (service.matchesAny(relative, settings.files)) return true;
    const text = this.host.openText(uri) ?? (await readChecklistText(path, settings));
    return text !== undefined && service.isChecklist(relative, text, settings.files);
  }
}

/**
 * A file's text when it can be a checklist: a regular file within the size limit, valid UTF-8,
 * not binary. Anything else is undefined, so a bad file is skipped rather than half-read.
 */
async function readChecklistText(path: string, settings: ResourceSettings): Promise<string | undefined> {
  try {
    const info = await stat(path);
    // A UTF-16 code unit takes at most 3 bytes of UTF-8, so a larger file is over the limit for sure.
    if (!info.isFile() || info.size > settings.maxFileSize * 3) return undefined;
    const bytes = await readFile(path);
    if (bytes.includes(0)) return undefined;
    // Like the editor, drop a byte-order mark, so positions agree with an open document's.
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

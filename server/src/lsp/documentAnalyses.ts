// Runs the core analysis for each open document and keeps its latest result.
// Changes are coalesced: however many edits arrive in one turn of the event
// loop, each document is analysed once, on its newest text.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Analysis } from '../core/api';
import type { DocumentAnalyser, ReadinessService } from '../core/service';
import type { ResourceSettings } from './settings';

export interface AnalysisHost {
  readonly service: ReadinessService;
  document(uri: string): TextDocument | undefined;
  settings(uri: string): Promise<ResourceSettings>;
  relativePath(uri: string): string;
  locale(): string | undefined;
  /** Today's local date, `YYYY-MM-DD`. */
  today(): string;
  /** Called with the new analysis of the document's text at `version`, or undefined when the document is not (or no longer) a checklist. */
  published(document: TextDocument, version: number, analysis: Analysis | undefined, settings: ResourceSettings): void;
  /** Adds the findings that need the file system (missing files) to a checklist's analysis before it is published. */
  complete?(uri: string, analysis: Analysis): Promise<Analysis>;
  error(message: string): void;
}

interface Result {
  readonly version: number;
  readonly analysis: Analysis | undefined;
}

export class DocumentAnalyses {
  /** One analyser per open document: the one owner of its per-block caches. */
  private readonly analyzers = new Map<string, DocumentAnalyser>();
  private readonly latest = new Map<string, Result>();
  private readonly pending = new Set<string>();
  private readonly waiters = new Map<string, (() => void)[]>();
  /** The number of the latest run per document: a run overtaken while it waited publishes nothing. */
  private readonly runs = new Map<string, number>();
  /** The document version each run in flight analyses: a caller waiting for that version does not start another. */
  private readonly analysing = new Map<string, number>();
  private scheduled = false;

  constructor(private readonly host: AnalysisHost) {}

  /** The analysis of the document's current text (undefined if it is not a checklist), waiting for it if needed. */
  async current(uri: string): Promise<Analysis | undefined> {
    // A run in flight may finish on an older text than the caller's (the document changed
    // while it ran): wait again, until the analysis is of the text the caller sees.
    for (;;) {
      const document = this.host.document(uri);
      if (!document) return undefined;
      const result = this.latest.get(uri);
      if (result?.version === document.version) return result.analysis;
      await new Promise<void>((resolve) => {
        this.waiters.set(uri, [...(this.waiters.get(uri) ?? []), resolve]);
        if (this.analysing.get(uri) !== document.version) this.schedule(uri);
      });
    }
  }

  schedule(uri: string): void {
    this.pending.add(uri);
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => void this.flush());
  }

  /** Analyses every open document again, e.g. after a settings change. */
  invalidate(uris: readonly string[]): void {
    for (const uri of uris) {
      this.latest.delete(uri);
      this.schedule(uri);
    }
  }

  forget(uri: string): void {
    this.pending.delete(uri);
    this.analyzers.delete(uri);
    this.latest.delete(uri);
    this.runs.delete(uri);
    this.analysing.delete(uri);
    this.release(uri);
  }

  private async flush(): Promise<void> {
    this.scheduled = false;
    const uris = [...this.pending];
    this.pending.clear();
    await Promise.all(uris.map((uri) => this.run(uri)));
  }

  private async run(uri: string): Promise<void> {
    const run = (this.runs.get(uri) ?? 0) + 1;
    this.runs.set(uri, run);
    let overtaken = false;
    let version: number | undefined;
    try {
      const settings = await this.host.settings(uri);
      const document = this.host.document(uri);
      if (!document) return;
      // The document object is updated in place by later edits: keep the version of the text analysed.
      version = document.version;
      this.analysing.set(uri, version);
      const text = document.getText();
      const path = this.host.relativePath(uri);
      let analysis: Analysis | undefined;
      if (
        this.host.service.matchesAny(path, settings.ignore) ||
        !this.host.service.isChecklist(path, text, settings.files)
      ) {
        this.analyzers.delete(uri);
      } else {
        let analyzer = this.analyzers.get(uri);
        if (!analyzer) this.analyzers.set(uri, (analyzer = this.host.service.openDocument()));
        const steps = analyzer.analyseInSteps(text, {
          locale: this.host.locale(),
          maxSize: settings.maxFileSize,
          settings: settings.analysis,
          today: this.host.today(),
        });
        for (let step = steps.next(); ; step = steps.next()) {
          if (step.done) {
            analysis = step.value;
            break;
          }
          // Between steps the server reads and answers other messages (hovers, other documents).
          await new Promise<void>((resolve) => setImmediate(resolve));
          overtaken = this.runs.get(uri) !== run;
          if (overtaken) return;
        }
        if (this.host.complete) analysis = await this.host.complete(uri, analysis);
      }
      // A newer run (an edit, or files that changed on disk) started while this one waited; it publishes and releases.
      overtaken = this.runs.get(uri) !== run;
      if (overtaken) return;
      this.latest.set(uri, { version, analysis });
      this.host.published(document, version, analysis, settings);
    } catch (error) {
      // No analysis for this text (rather than an older one), so that callers waiting for it are answered.
      const failed = version ?? this.host.document(uri)?.version;
      if (failed !== undefined && this.runs.get(uri) === run)
        this.latest.set(uri, { version: failed, analysis: undefined });
      this.host.error(`Readiness could not analyse ${uri}: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      if (this.runs.get(uri) === run) this.analysing.delete(uri);
      if (!overtaken) this.release(uri);
    }
  }

  private release(uri: string): void {
    const waiting = this.waiters.get(uri);
    this.waiters.delete(uri);
    for (const resolve of waiting ?? []) resolve();
  }
}

// Runs the core analysis for each open document and keeps its latest result.
// Changes are coalesced: however many edits arrive in one turn of the event
// loop, each document is analysed once, on its newest text.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { ChecklistAnalyzer, type Analysis } from '../core/analyzer';
import { isChecklist } from '../core/detect';
import type { ResourceSettings } from './settings';

export interface AnalysisHost {
  document(uri: string): TextDocument | undefined;
  settings(uri: string): Promise<ResourceSettings>;
  relativePath(uri: string): string;
  locale(): string | undefined;
  /** Called with the new analysis, or undefined when the document is not (or no longer) a checklist. */
  published(document: TextDocument, analysis: Analysis | undefined): void;
  error(message: string): void;
}

export class DocumentAnalyses {
  private readonly analyzers = new Map<string, ChecklistAnalyzer>();
  private readonly latest = new Map<string, Analysis>();
  private readonly pending = new Set<string>();
  private scheduled = false;

  constructor(private readonly host: AnalysisHost) {}

  get(uri: string): Analysis | undefined {
    return this.latest.get(uri);
  }

  schedule(uri: string): void {
    this.pending.add(uri);
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => void this.flush());
  }

  forget(uri: string): void {
    this.pending.delete(uri);
    this.analyzers.delete(uri);
    this.latest.delete(uri);
  }

  private async flush(): Promise<void> {
    this.scheduled = false;
    const uris = [...this.pending];
    this.pending.clear();
    await Promise.all(uris.map((uri) => this.run(uri)));
  }

  private async run(uri: string): Promise<void> {
    try {
      const settings = await this.host.settings(uri);
      const document = this.host.document(uri);
      if (!document) return;
      const text = document.getText();
      if (!isChecklist(this.host.relativePath(uri), text, settings.files)) {
        this.analyzers.delete(uri);
        this.latest.delete(uri);
        this.host.published(document, undefined);
        return;
      }
      let analyzer = this.analyzers.get(uri);
      if (!analyzer) this.analyzers.set(uri, (analyzer = new ChecklistAnalyzer()));
      const analysis = analyzer.analyze(text, { locale: this.host.locale(), maxSize: settings.maxFileSize });
      this.latest.set(uri, analysis);
      this.host.published(document, analysis);
    } catch (error) {
      this.host.error(`Readiness could not analyse ${uri}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}

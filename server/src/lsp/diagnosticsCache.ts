// A document's diagnostics, kept between analyses so that a keystroke in a big
// checklist rebuilds only what changed. Most findings of unchanged blocks are the
// same objects from one analysis to the next (the core caches them per block), and
// so are their diagnostics; a finding made again with the same content (an overdue
// item, a missing file) gets the diagnostic it had before. Either way the
// diagnostic's JSON is reused when it is sent (`cachedJson.ts`). Each list has a
// result id for pull diagnostics: a client that holds the current list is
// answered "unchanged".
import type { Diagnostic, DocumentDiagnosticReport } from 'vscode-languageserver/node';
import type { Finding } from '../core/api';
import { jsonOf } from './cachedJson';
import { toDiagnostic } from './convert';

const byFinding = new WeakMap<Finding, Diagnostic>();

interface Entry {
  /** The findings of the last update, and their diagnostics (index for index). */
  readonly findings: readonly Finding[];
  readonly list: readonly Diagnostic[];
  /** The diagnostics as last reported, under `resultId`: `list`, or the same diagnostics as an earlier one. */
  readonly diagnostics: readonly Diagnostic[];
  readonly resultId: string;
  /** The diagnostics of findings made anew in the last update, by their JSON. */
  readonly remade: ReadonlyMap<string, Diagnostic>;
}

export class DiagnosticsStore {
  private readonly entries = new Map<string, Entry>();
  private nextId = 1;

  /** @param docs each rule's documentation link, for the diagnostics' `codeDescription`. */
  constructor(private readonly docs?: ReadonlyMap<string, string>) {}

  /**
   * Records the findings of a document's newest analysis; returns its diagnostics
   * and whether they differ from the ones recorded before (then with a new result id).
   */
  update(
    uri: string,
    findings: readonly Finding[],
  ): { readonly diagnostics: readonly Diagnostic[]; readonly changed: boolean } {
    const previous = this.entries.get(uri);
    // After a keystroke most findings are those of the last update, the same objects at the same index (or,
    // after lines were added or removed, shifted by as many findings as the list grew): their diagnostics are
    // taken by position; only the others are looked up or made.
    const shift = previous ? findings.length - previous.findings.length : 0;
    const kept = new Uint8Array(findings.length);
    const remade = new Map<string, Diagnostic>();
    const list = findings.map((finding, i) => {
      if (previous?.findings[i] === finding) {
        kept[i] = 1;
        return previous.list[i];
      }
      if (shift !== 0 && previous?.findings[i - shift] === finding) return previous.list[i - shift];
      let diagnostic = byFinding.get(finding);
      if (diagnostic) return diagnostic;
      const fresh = Object.freeze(toDiagnostic(finding, this.docs));
      const json = jsonOf(fresh);
      diagnostic = previous?.remade.get(json) ?? fresh;
      remade.set(json, diagnostic);
      byFinding.set(finding, diagnostic);
      return diagnostic;
    });
    const changed = previous === undefined || !sameItems(previous.diagnostics, list, kept);
    this.entries.set(uri, {
      findings,
      list,
      diagnostics: changed ? list : previous.diagnostics,
      resultId: changed ? String(this.nextId++) : previous.resultId,
      remade,
    });
    return { diagnostics: list, changed };
  }

  /** The answer to `textDocument/diagnostic`: unchanged when the client holds the current result. */
  report(uri: string, previousResultId: string | undefined): DocumentDiagnosticReport {
    const entry = this.entries.get(uri);
    if (!entry) return { kind: 'full', items: [] };
    if (previousResultId === entry.resultId) return { kind: 'unchanged', resultId: entry.resultId };
    return { kind: 'full', resultId: entry.resultId, items: [...entry.diagnostics] };
  }

  forget(uri: string): void {
    this.entries.delete(uri);
  }
}

/**
 * The same diagnostics: mostly the same objects; the few others (the edited block's) compared by their JSON.
 * Where `kept` is set, `b` has the last update's diagnostic at that index, the same as `a`'s (`a` is that
 * update's list, or an earlier one found the same).
 */
function sameItems(a: readonly Diagnostic[], b: readonly Diagnostic[], kept: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < b.length; i++) {
    if (kept[i]) continue;
    const x = a[i];
    const y = b[i];
    if (x !== y && (!x || !y || jsonOf(x) !== jsonOf(y))) return false;
  }
  return true;
}

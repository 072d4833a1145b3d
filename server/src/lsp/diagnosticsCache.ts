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
    // After a keystroke the list starts and ends with the findings of the last update, the same objects:
    // their diagnostics are taken by position; only those between are looked up or made.
    const [prefix, suffix] = previous ? sharedEnds(previous.findings, findings) : [0, 0];
    const remade = new Map<string, Diagnostic>();
    const list = findings.map((finding, i) => {
      if (previous && i < prefix) return previous.list[i];
      if (previous && i >= findings.length - suffix)
        return previous.list[i - findings.length + previous.findings.length];
      let diagnostic = byFinding.get(finding);
      if (diagnostic) return diagnostic;
      const fresh = Object.freeze(toDiagnostic(finding, this.docs));
      const json = jsonOf(fresh);
      diagnostic = previous?.remade.get(json) ?? fresh;
      remade.set(json, diagnostic);
      byFinding.set(finding, diagnostic);
      return diagnostic;
    });
    const changed = previous === undefined || !sameItems(previous.diagnostics, list, prefix, suffix);
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

/** How many items two lists share at their start, and then at their end, by identity. */
function sharedEnds(a: readonly unknown[], b: readonly unknown[]): [number, number] {
  const max = Math.min(a.length, b.length);
  let prefix = 0;
  while (prefix < max && a[prefix] === b[prefix]) prefix++;
  let suffix = 0;
  while (suffix < max - prefix && a[a.length - 1 - suffix] === b[b.length - 1 - suffix]) suffix++;
  return [prefix, suffix];
}

/**
 * The same diagnostics: mostly the same objects; the few others (the edited block's) compared by their JSON.
 * The first `prefix` and last `suffix` of `b` are those of the last update, the same as `a`'s (`a` is that
 * update's list, or an earlier one found the same).
 */
function sameItems(a: readonly Diagnostic[], b: readonly Diagnostic[], prefix: number, suffix: number): boolean {
  if (a.length !== b.length) return false;
  for (let i = prefix; i < b.length - suffix; i++) {
    const x = a[i];
    const y = b[i];
    if (x !== y && (!x || !y || jsonOf(x) !== jsonOf(y))) return false;
  }
  return true;
}

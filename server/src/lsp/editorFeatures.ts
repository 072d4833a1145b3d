// Hover, completion and outline: the core's answers, through its front door, converted to LSP types.
import {
  CompletionItemKind,
  MarkupKind,
  SymbolKind,
  type CompletionItem,
  type DocumentSymbol,
  type Hover,
  type Position,
} from 'vscode-languageserver/node';
import type { Checklist, OutlineSymbol, TestEvidenceRecord, Translate } from '../core/api';
import type { ReadinessService } from '../core/service';

export function hover(service: ReadinessService, checklist: Checklist, position: Position, t: Translate): Hover | null {
  const content = service.hover(checklist, position, t);
  return content ? { contents: { kind: MarkupKind.Markdown, value: content.markdown }, range: content.range } : null;
}

/** The hover over a smoke test's pasted evidence, status or stamp: the stamp in words, or "unverified". */
export function evidenceHover(
  service: ReadinessService,
  records: readonly TestEvidenceRecord[],
  position: Position,
  nowMs: number,
  t: Translate,
): Hover | null {
  const content = service.evidence.hover(records, position, nowMs, t);
  return content ? { contents: { kind: MarkupKind.Markdown, value: content.markdown }, range: content.range } : null;
}

/** The hover over a shell command Readiness does not run: why not. */
export function commandHover(
  service: ReadinessService,
  checklist: Checklist,
  position: Position,
  t: Translate,
): Hover | null {
  const content = service.smoke.commandHover(checklist, position, t);
  return content ? { contents: { kind: MarkupKind.Markdown, value: content.markdown }, range: content.range } : null;
}

export function completions(service: ReadinessService, checklist: Checklist, position: Position): CompletionItem[] {
  return service.completion(checklist, position).map((c) => ({
    label: c.label,
    kind: c.kind === 'state' ? CompletionItemKind.EnumMember : CompletionItemKind.Value,
    textEdit: c.edit,
    sortText: c.sortText,
    // The edit replaces the whole value or placeholder, so VS Code must filter against that text.
    filterText: c.label,
  }));
}

const symbolKinds: Record<OutlineSymbol['kind'], SymbolKind> = {
  group: SymbolKind.Namespace,
  item: SymbolKind.Object,
  summary: SymbolKind.Module,
};

export function documentSymbols(service: ReadinessService, checklist: Checklist, t: Translate): DocumentSymbol[] {
  const convert = (s: OutlineSymbol): DocumentSymbol => ({
    name: s.name,
    detail: s.detail,
    kind: symbolKinds[s.kind],
    range: s.range,
    selectionRange: s.selectionRange,
    children: s.children.map(convert),
  });
  return service.symbols(checklist, t).map(convert);
}

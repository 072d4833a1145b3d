// Hover, completion and outline: core results converted to LSP types.
import { CompletionItemKind, MarkupKind, SymbolKind, type CompletionItem, type DocumentSymbol, type Hover, type Position } from 'vscode-languageserver/node';
import { completionsAt } from '../core/features/completion';
import { evidenceHoverAt } from '../core/features/evidenceHover';
import { hoverAt } from '../core/features/hover';
import { outline, type OutlineSymbol } from '../core/features/symbols';
import type { Translate } from '../core/messages';
import type { TestEvidenceRecord } from '../core/rules/evidenceState';
import type { Checklist } from '../core/model/checklist';

export function hover(checklist: Checklist, position: Position, t: Translate): Hover | null {
  const content = hoverAt(checklist, position, t);
  return content ? { contents: { kind: MarkupKind.Markdown, value: content.markdown }, range: content.range } : null;
}

/** The hover over a smoke test's pasted evidence, status or stamp: the stamp in words, or "unverified". */
export function evidenceHover(records: readonly TestEvidenceRecord[], position: Position, nowMs: number, t: Translate): Hover | null {
  const content = evidenceHoverAt(records, position, nowMs, t);
  return content ? { contents: { kind: MarkupKind.Markdown, value: content.markdown }, range: content.range } : null;
}

export function completions(checklist: Checklist, position: Position): CompletionItem[] {
  return completionsAt(checklist, position).map((c) => ({
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

export function documentSymbols(checklist: Checklist, t: Translate): DocumentSymbol[] {
  const convert = (s: OutlineSymbol): DocumentSymbol => ({
    name: s.name,
    detail: s.detail,
    kind: symbolKinds[s.kind],
    range: s.range,
    selectionRange: s.selectionRange,
    children: s.children.map(convert),
  });
  return outline(checklist, t).map(convert);
}

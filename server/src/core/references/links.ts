// Document links for the references that exist: a file opens, a folder is
// revealed. Markdown links in prose are left to the editor's markdown support,
// which links them already.
import type { Range } from '../types';
import { displayPath, type ReferenceContext } from './findings';
import { resolveReferences } from './resolve';

export interface ReferenceLink {
  readonly range: Range;
  /** Absolute path of the existing file or folder. */
  readonly path: string;
  readonly kind: 'file' | 'folder';
  readonly tooltip: string;
}

export function referenceLinks(ctx: ReferenceContext): ReferenceLink[] {
  const links: ReferenceLink[] = [];
  for (const r of resolveReferences(ctx.checklist, ctx.bases, ctx.facts)) {
    if (r.state !== 'exists' || !r.fact || (r.reference.form === 'link' && !r.reference.inFence)) continue;
    const shown = displayPath(r.reference);
    links.push({
      range: r.reference.range,
      path: r.path,
      kind: r.fact.kind,
      tooltip: r.fact.kind === 'folder' ? ctx.t('link.reveal', shown) : ctx.t('link.open', shown),
    });
  }
  return links;
}

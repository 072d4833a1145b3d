// The hover of a file reference: whether it exists, its size, first heading and
// last modification, or where it was looked for.
import { localDateTime } from '../dates';
import type { HoverContent } from '../features/hover';
import { contains, type Position } from '../types';
import { displayPath, type ReferenceContext } from './findings';
import { resolveReferences } from './resolve';

export function referenceHoverAt(ctx: ReferenceContext, position: Position): HoverContent | undefined {
  const r = resolveReferences(ctx.checklist, ctx.bases, ctx.facts).find((r) => contains(r.reference.range, position));
  if (!r) return undefined;
  const { t } = ctx;
  // Outside the workspace: not even whether it exists.
  if (r.state === 'outside')
    return {
      markdown: `\`${escapeCode(r.reference.text)}\` — ${t('hover.outsideWorkspace')}`,
      range: r.reference.range,
    };
  const what =
    r.reference.kind === 'folder' || r.fact?.kind === 'folder'
      ? t('hover.folder')
      : r.reference.kind === 'file' || r.fact?.kind === 'file'
        ? t('hover.file')
        : t('hover.path');
  const state =
    r.state === 'exists'
      ? `✅ ${t('hover.exists')}`
      : r.state === 'missing'
        ? `❌ ${t('hover.missing')}`
        : t('hover.notChecked');
  const lines = [`**${what}** \`${displayPath(r.reference)}\` — ${state}`, ''];
  if (r.fact) {
    if (r.fact.kind === 'file') lines.push(`- ${t('hover.size')}: ${formatSize(r.fact.size)}`);
    const first = r.fact.headings[0];
    if (first) lines.push(`- ${t('hover.firstHeading')}: ${escape(first.text)}`);
    lines.push(`- ${t('hover.modified')}: ${formatTime(r.fact.modified)}`);
    lines.push(`- \`${r.path}\``);
  } else if (r.state === 'missing') {
    lines.push(`- ${t('hover.lookedAt')}: ${r.candidates.map((c) => `\`${c}\``).join(', ')}`);
  }
  return { markdown: lines.join('\n'), range: r.reference.range };
}

export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** Local `YYYY-MM-DD HH:MM`, as the rest of the checklist writes times. */
export function formatTime(ms: number): string {
  const { date, time } = localDateTime(new Date(ms));
  return `${date} ${time}`;
}

function escape(text: string): string {
  return text.replace(/[\\`*_[\]<>#|]/g, (c) => `\\${c}`);
}

function escapeCode(text: string): string {
  return text.replace(/`/g, "'");
}

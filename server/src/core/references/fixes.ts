// Quick fixes around file references, as plain data the language server turns
// into code actions: create a missing runbook, playbook or page from its
// template (never over an existing file), create every missing playbook at once,
// point a reference at an existing file, put a link to a file in the blank next
// to it, and tick the "Contenido confirmado" boxes the runbook's sections answer.
import type { Checkbox, Item, Placeholder } from '../model/checklist';
import { intersects, range, type FindingCode, type Range, type TextEdit } from '../types';
import { contentLists, type ContentList } from './content';
import { displayPath, sectionsOf, type ReferenceContext } from './findings';
import { dirnameOf, extensionOf, isMarkdownPath, relativePath } from './paths';
import { resolveReference, resolveReferences, type ResolvedReference } from './resolve';
import { markdownTemplate, playbookTemplate, runbookTemplate, type TemplateOrigin } from './templates';

export interface FileToCreate {
  /** Absolute path. */
  readonly path: string;
  readonly text: string;
}

export interface ReferenceFix {
  readonly title: string;
  readonly isPreferred: boolean;
  /** Edits to the checklist. */
  readonly edits: readonly TextEdit[];
  /** Files to create; an existing file is left as it is. */
  readonly creates: readonly FileToCreate[];
  /** Set for "Link an existing file...": the editor asks for a file matching `glob` and rewrites `range` (the reference). */
  readonly pickFile: { readonly range: Range; readonly glob: string; readonly reference: string } | undefined;
  /** The findings the fix answers, by code and range, so the editor can attach it to their diagnostics. */
  readonly answers: readonly { readonly code: FindingCode; readonly range: Range }[];
}

export interface FixContext extends ReferenceContext {
  /** The checklist's absolute path: new files link back to it, inserted links are relative to its folder. */
  readonly documentPath: string;
  /** False when the editor cannot create files through a workspace edit. */
  readonly canCreateFiles: boolean;
}

const FILE_BLANK = /ARCHIVO|FICHERO|FILE|REPO|PLAYBOOK|RUNBOOK|DOCUMENT/i;
const PLURAL_BLANK = /\b(?:LINKS|ENLACES|CADA|EACH|ALL|TODOS)\b/i;

export function referenceFixes(ctx: FixContext, at: Range): ReferenceFix[] {
  const resolved = resolveReferences(ctx.checklist, ctx.bases, ctx.facts);
  const fixes: ReferenceFix[] = [];
  for (const r of resolved.filter((r) => intersects(r.reference.range, at)))
    fixes.push(...fixesForReference(ctx, r, resolved));
  for (const item of ctx.checklist.items) {
    for (const placeholder of item.placeholders.filter((p) => intersects(p.range, at))) {
      const fix = insertLinkFix(ctx, item, placeholder, resolved);
      if (fix) fixes.push(fix);
    }
    for (const list of contentLists(item)) {
      const last = list.boxes.at(-1)?.range.end.line ?? list.line;
      if (!intersects(range(list.line, 0, last, Number.MAX_SAFE_INTEGER), at)) continue;
      const fix = tickSectionsFix(ctx, item, list);
      if (fix) fixes.push(fix);
    }
  }
  return fixes;
}

function fixesForReference(ctx: FixContext, r: ResolvedReference, all: readonly ResolvedReference[]): ReferenceFix[] {
  const fixes: ReferenceFix[] = [];
  const answers = [{ code: 'missing-file' as const, range: r.reference.range }];
  const shown = displayPath(r.reference);
  if (r.state === 'missing' && r.reference.kind !== 'folder' && isMarkdownPath(r.path) && ctx.canCreateFiles) {
    const kind = templateKind(r);
    const title = kind === 'page' ? ctx.t('fix.createFile', shown) : ctx.t('fix.createFromTemplate', shown);
    fixes.push(
      fix(title, { isPreferred: true, creates: [{ path: r.path, text: templateFor(ctx, r, kind) }], answers }),
    );
  }
  const playbooks = missingPlaybooks(r, all);
  if (
    ctx.canCreateFiles &&
    (r.reference.kind === 'folder'
      ? playbooks.length > 0
      : playbooks.length > 1 && playbooks.some((p) => p.reference === r.reference))
  ) {
    const creates = playbooks.map((p) => ({ path: p.path, text: templateFor(ctx, p, 'playbook') }));
    fixes.push(
      fix(ctx.t('fix.createAllPlaybooks'), {
        creates,
        answers: playbooks.map((p) => ({ code: 'missing-file' as const, range: p.reference.range })),
      }),
    );
  }
  if (r.state === 'missing' && r.reference.kind !== 'folder' && r.reference.form !== 'link') {
    const extension = extensionOf(r.reference.path);
    fixes.push(
      fix(ctx.t('fix.linkExisting'), {
        pickFile: { range: r.reference.range, glob: extension === '' ? '**/*' : `**/*.${extension}`, reference: shown },
        answers,
      }),
    );
  }
  return fixes;
}

type TemplateKind = 'runbook' | 'playbook' | 'page';

function templateKind(r: ResolvedReference): TemplateKind {
  if (/playbook/i.test(r.reference.path) || (r.reference.directory !== undefined && /playbook/i.test(r.item.title)))
    return 'playbook';
  if (/runbook/i.test(r.reference.path) || contentLists(r.item).some((l) => l.document === r.reference))
    return 'runbook';
  return 'page';
}

function templateFor(ctx: FixContext, r: ResolvedReference, kind: TemplateKind): string {
  const origin: TemplateOrigin = {
    checklistLink: relativePath(dirnameOf(r.path), ctx.documentPath),
    itemId: r.item.id,
    itemTitle: r.item.title,
  };
  const language = ctx.checklist.language;
  if (kind === 'playbook') return playbookTemplate(r.path, language, origin);
  if (kind === 'page') return markdownTemplate(r.path, language, origin);
  const list = contentLists(r.item).find((l) => l.document === r.reference) ?? contentLists(r.item)[0];
  return runbookTemplate(list?.boxes.map((b) => b.label) ?? [], language, origin);
}

/** The item's missing playbooks: for a folder reference those listed under it, else all the item's. */
function missingPlaybooks(r: ResolvedReference, all: readonly ResolvedReference[]): ResolvedReference[] {
  const own = all.filter(
    (o) =>
      o.item === r.item &&
      o.state === 'missing' &&
      o.reference.kind !== 'folder' &&
      isMarkdownPath(o.path) &&
      templateKind(o) === 'playbook',
  );
  const chosen =
    r.reference.kind === 'folder'
      ? own.filter((o) => o.reference.directory === r.reference.path)
      : templateKind(r) === 'playbook'
        ? own
        : [];
  return chosen.filter((o, i) => chosen.findIndex((c) => c.path === o.path) === i);
}

/** `[LINK AL ARCHIVO EN REPO]` after `- File: docs/runbook.md` becomes `[docs/runbook.md](docs/runbook.md)`. */
function insertLinkFix(
  ctx: FixContext,
  item: Item,
  placeholder: Placeholder,
  all: readonly ResolvedReference[],
): ReferenceFix | undefined {
  if (placeholder.kind !== 'text' || !FILE_BLANK.test(placeholder.text)) return undefined;
  const line = placeholder.range.start.line;
  const near = all.filter(
    (r) =>
      r.item === item &&
      r.state === 'exists' &&
      r.fact?.kind === 'file' &&
      r.reference.range.start.line <= line &&
      line - r.reference.range.start.line <= 8,
  );
  if (near.length === 0) return undefined;
  const folder = dirnameOf(ctx.documentPath);
  const link = (r: ResolvedReference) => {
    const target = relativePath(folder, r.path);
    return `[${displayPath(r.reference)}](${/[\s()<>]/.test(target) ? `<${target}>` : target})`;
  };
  const listed = near.filter((r) => r.reference.directory !== undefined);
  if (PLURAL_BLANK.test(placeholder.text) && listed.length > 1) {
    return fix(ctx.t('fix.insertLinks', listed.length), {
      isPreferred: true,
      edits: [{ range: placeholder.range, newText: listed.map(link).join(', ') }],
      answers: [{ code: 'unfilled-placeholder', range: placeholder.range }],
    });
  }
  const nearest = near.at(-1) as ResolvedReference;
  return fix(ctx.t('fix.insertLink', displayPath(nearest.reference)), {
    isPreferred: true,
    edits: [{ range: placeholder.range, newText: link(nearest) }],
    answers: [{ code: 'unfilled-placeholder', range: placeholder.range }],
  });
}

/** Ticks the boxes whose sections the runbook has and unticks the others. */
function tickSectionsFix(ctx: FixContext, item: Item, list: ContentList): ReferenceFix | undefined {
  if (!list.document) return undefined;
  const resolved = resolveReference(item, list.document, ctx.bases, ctx.facts);
  if (resolved.state !== 'exists' || resolved.fact?.kind !== 'file') return undefined;
  const present = sectionsOf(
    resolved.fact.headings,
    list.boxes.map((b) => b.label),
  );
  const edits = list.boxes.flatMap((box: Checkbox, i) =>
    box.checked === present[i] ? [] : [{ range: box.boxRange, newText: present[i] ? '[x]' : '[ ]' }],
  );
  if (edits.length === 0) return undefined;
  const answers = list.boxes
    .filter((b, i) => b.checked && !present[i])
    .map((b) => ({ code: 'status-mismatch' as const, range: b.boxRange }));
  return fix(ctx.t('fix.tickSections', displayPath(list.document)), { edits, answers });
}

function fix(title: string, parts: Partial<Omit<ReferenceFix, 'title'>>): ReferenceFix {
  return {
    title,
    isPreferred: parts.isPreferred ?? false,
    edits: parts.edits ?? [],
    creates: parts.creates ?? [],
    pickFile: parts.pickFile,
    answers: parts.answers ?? [],
  };
}

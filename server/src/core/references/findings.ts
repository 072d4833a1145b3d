// The findings that need the file system, computed from the references of an
// analysed checklist and a snapshot of file facts:
// - missing-file: a referenced file or folder that does not exist (a warning in
//   blocker items and for an item's own deliverable, information elsewhere);
// - status-mismatch: a ticked "Contenido confirmado" box whose section the
//   runbook does not have.
import type { Analysis } from '../analyzer';
import type { Translate } from '../messages';
import type { Checklist } from '../model/checklist';
import { stableFinding } from '../rules/stable';
import type { Finding } from '../types';
import { contentLists } from './content';
import { isDeliverable } from './deliverable';
import {
  needsExistingParent,
  parentReference,
  resolveReference,
  resolveReferences,
  type ReferenceBases,
} from './resolve';
import { sectionCovers } from './sections';
import type { FileFacts, FileHeading, FileReference } from '../model/references/types';

export interface ReferenceContext {
  readonly checklist: Checklist;
  readonly bases: ReferenceBases;
  readonly facts: FileFacts;
  readonly t: Translate;
}

/** How a reference is named in messages and titles: its resolved path, with a slash for a folder. */
export function displayPath(reference: FileReference): string {
  return reference.kind === 'folder' ? `${reference.path}/` : reference.path;
}

export function referenceFindings(ctx: ReferenceContext): Finding[] {
  return [...missingFiles(ctx), ...missingSections(ctx)];
}

function missingFiles({ checklist, bases, facts, t }: ReferenceContext): Finding[] {
  const findings: Finding[] = [];
  const reported = new Set<string>();
  for (const resolved of resolveReferences(checklist, bases, facts)) {
    if (resolved.state !== 'missing') continue;
    const { item, reference } = resolved;
    // A folder named in prose is a path only where its parent folder exists.
    if (
      needsExistingParent(reference) &&
      resolveReference(item, parentReference(reference), bases, facts).state !== 'exists'
    )
      continue;
    // Once per place: a path written twice on a line (a link's text and target) is one finding.
    const place = `${reference.path}\n${reference.range.start.line}`;
    if (reported.has(place)) continue;
    reported.add(place);
    const shown = displayPath(reference);
    const what =
      reference.kind === 'folder'
        ? t('reference.missingFolder', shown)
        : reference.kind === 'file'
          ? t('reference.missingFile', shown)
          : t('reference.missingPath', shown);
    findings.push({
      code: 'missing-file',
      severity: item.blocker || isDeliverable(reference, item) ? 'warning' : 'information',
      message: t('item.prefix', item.id, item.shortTitle, what),
      range: reference.range,
      data: { item: item.id, path: reference.path, kind: reference.kind },
    });
  }
  return findings;
}

/** For each label of a content list, whether one of the headings covers it. */
export function sectionsOf(headings: readonly FileHeading[], labels: readonly string[]): boolean[] {
  return labels.map((label) => headings.some((h) => sectionCovers(h.text, label)));
}

function missingSections({ checklist, bases, facts, t }: ReferenceContext): Finding[] {
  if (bases.length === 0) return [];
  const findings: Finding[] = [];
  for (const item of checklist.items) {
    for (const list of contentLists(item)) {
      if (!list.document) continue;
      const resolved = resolveReference(item, list.document, bases, facts);
      if (resolved.state !== 'exists' || resolved.fact?.kind !== 'file') continue;
      const present = sectionsOf(
        resolved.fact.headings,
        list.boxes.map((b) => b.label),
      );
      list.boxes.forEach((box, i) => {
        if (!box.checked || present[i]) return;
        findings.push({
          code: 'status-mismatch',
          severity: 'warning',
          message: t(
            'item.prefix',
            item.id,
            item.shortTitle,
            t('mismatch.missingSection', box.label, displayPath(list.document as FileReference)),
          ),
          range: box.boxRange,
          data: { kind: 'missing-section', item: item.id, path: list.document?.path },
        });
      });
    }
  }
  return findings;
}

/**
 * The analysis with the reference findings added in position order, minus those a
 * `<!-- readiness-ignore-next-line -->` silences, as the analyzer does for its own.
 */
export function withReferenceFindings(analysis: Analysis, extra: readonly Finding[]): Analysis {
  if (extra.length === 0) return analysis;
  const silenced = new Map<number, readonly string[]>(analysis.checklist.ignores.map((i) => [i.line, i.codes]));
  const kept = extra.filter((f) => {
    const codes = silenced.get(f.range.start.line);
    return codes === undefined || (codes.length > 0 && !codes.includes(f.code));
  });
  const findings = [...analysis.findings, ...kept.map(stableFinding)].sort(
    (a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character,
  );
  return { ...analysis, findings };
}

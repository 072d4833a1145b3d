// The findings that need the file system, computed from the references of an
// analysed checklist and a snapshot of file facts:
// - missing-file: a referenced file or folder that does not exist (a warning in
//   blocker items and for an item's own deliverable, information elsewhere);
// - status-mismatch: a ticked "Contenido confirmado" box whose section the
//   runbook does not have.
import type { Analysis } from '../analyzer';
import type { Translate } from '../messages';
import type { Checklist, Item } from '../model/checklist';
import { stableFinding } from '../rules/stable';
import type { Finding } from '../types';
import { contentLists } from './content';
import { isDeliverable } from './deliverable';
import {
  needsExistingParent,
  parentReference,
  resolveReference,
  type FactReader,
  type ReferenceBases,
} from './resolve';
import { sectionCovers } from './sections';
import type { FileFact, FileFacts, FileHeading, FileReference } from '../model/references/types';

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
  if (ctx.bases.length === 0) return [];
  const files: Finding[] = [];
  const sections: Finding[] = [];
  for (const item of ctx.checklist.items) {
    const found = itemFindings(item, ctx);
    files.push(...found.files);
    sections.push(...found.sections);
  }
  return [...files, ...sections];
}

/** An item's findings, with what they were made from: the facts of each path looked at. */
interface ItemFindings {
  readonly bases: string;
  readonly t: Translate;
  readonly looked: ReadonlyMap<string, FileFact | undefined>;
  readonly files: readonly Finding[];
  readonly sections: readonly Finding[];
}

const byItem = new WeakMap<Item, ItemFindings>();

/**
 * An item's findings, kept with the item (an unchanged item is the same object from one analysis to the
 * next) while the facts of the paths it looked at say the same: a keystroke in a big checklist does not
 * resolve the references of every other item again.
 */
function itemFindings(item: Item, { bases, facts, t }: ReferenceContext): ItemFindings {
  const key = bases.join('\n');
  const known = byItem.get(item);
  if (known?.bases === key && known.t === t && lookedTheSame(known, facts)) return known;
  const looked = new Map<string, FileFact | undefined>();
  const reading = {
    get: (path: string) => {
      const fact = facts.get(path);
      looked.set(path, fact);
      return fact;
    },
  };
  const found: ItemFindings = {
    bases: key,
    t,
    looked,
    files: missingFiles(item, bases, reading, t),
    sections: missingSections(item, bases, reading, t),
  };
  byItem.set(item, found);
  return found;
}

function lookedTheSame(known: ItemFindings, facts: FileFacts): boolean {
  for (const [path, fact] of known.looked) if (!sameFact(facts.get(path), fact)) return false;
  return true;
}

/** The same as far as the findings go: existence, kind and headings. */
function sameFact(a: FileFact | undefined, b: FileFact | undefined): boolean {
  if (a === b) return true;
  if (!a?.exists || !b?.exists) return a?.exists === false && b?.exists === false && a.outside === b.outside;
  return (
    a.kind === b.kind &&
    a.headings.length === b.headings.length &&
    a.headings.every((h, i) => h.depth === b.headings[i]?.depth && h.text === b.headings[i]?.text)
  );
}

function missingFiles(item: Item, bases: ReferenceBases, facts: FactReader, t: Translate): Finding[] {
  const findings: Finding[] = [];
  const reported = new Set<string>();
  for (const reference of item.references) {
    if (resolveReference(item, reference, bases, facts).state !== 'missing') continue;
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

function missingSections(item: Item, bases: ReferenceBases, facts: FactReader, t: Translate): Finding[] {
  const findings: Finding[] = [];
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
  return { ...analysis, findings: merged(analysis.findings, kept.map(stableFinding).sort(byPosition)) };
}

const byPosition = (a: Finding, b: Finding) =>
  a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character;

/** Both lists in one, in position order, `first`'s before `then`'s at one position (`then` is in order). */
function merged(first: readonly Finding[], then: readonly Finding[]): Finding[] {
  // The analyzer's findings are in order; any other list is sorted as a whole.
  for (let i = 1; i < first.length; i++)
    if (byPosition(first[i - 1], first[i]) > 0) return [...first, ...then].sort(byPosition);
  const all: Finding[] = [];
  let j = 0;
  for (const finding of first) {
    while (j < then.length && byPosition(then[j], finding) < 0) all.push(then[j++]);
    all.push(finding);
  }
  while (j < then.length) all.push(then[j++]);
  return all;
}

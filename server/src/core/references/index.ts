// Files and folders a checklist points at: found in the model (pure), checked
// against a snapshot of file facts the front end gathers beforehand.
export { gatherFileFacts, fileFactOf, markdownHeadings } from './fileFacts';
export { referenceFindings, withReferenceFindings, displayPath, type ReferenceContext } from './findings';
export { referenceFixes, type FixContext, type ReferenceFix, type FileToCreate } from './fixes';
export { referenceHoverAt } from './hover';
export { referenceLinks, type ReferenceLink } from './links';
export {
  candidatePaths,
  referencePaths,
  resolveReferences,
  type ReferenceBases,
  type ResolvedReference,
} from './resolve';
export { dirnameOf, joinPath, relativePath, isInside } from './paths';
export type { FileFact, FileFacts, FileProbe, FileReference, FileStat } from '../model/references/types';

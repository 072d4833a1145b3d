// Decides whether a markdown file is a checklist: its path matches one of the
// `readiness.files` globs, or its content reads like one. Content counts when the
// document has enough checkable structure (task boxes, numbered steps under a
// checklist title, rows of tables with a status, owner, decision or sign-off
// column, status choices, item fields) together with release vocabulary (go/no-go,
// sign-off, blockers, release, launch, go-live, producción, despliegue). Ordinary
// markdown (READMEs, changelogs, docs with a short task list) stays unrecognised.
// One pass over the lines with cheap tests: no parse.
import picomatch from 'picomatch';

export const defaultChecklistGlobs: readonly string[] = [
  '**/*ENTREGABLES*.md',
  '**/*DELIVERABLES*.md',
  '**/*readiness*.md',
  '**/*checklist*.md',
];

/**
 * Issue and pull-request templates of GitHub and GitLab: their blanks are there on purpose, to be
 * filled in each issue made from them, so they are not checked unless `readiness.ignore` says otherwise.
 */
export const defaultIgnoreGlobs: readonly string[] = [
  '**/.github/ISSUE_TEMPLATE/**',
  '**/.github/PULL_REQUEST_TEMPLATE/**',
  '**/.github/pull_request_template.md',
  '**/.github/PULL_REQUEST_TEMPLATE.md',
  '**/.gitlab/issue_templates/**',
  '**/.gitlab/merge_request_templates/**',
];

const matcherCache = new Map<string, (path: string) => boolean>();

function matcher(globs: readonly string[]): (path: string) => boolean {
  const key = globs.join('\n');
  let match = matcherCache.get(key);
  if (!match) {
    match = globs.length === 0 ? () => false : picomatch([...globs], { dot: true, nocase: true });
    matcherCache.set(key, match);
  }
  return match;
}

/** True when the path, or its base name, matches one of the globs. */
export function matchesAny(relativePath: string, globs: readonly string[]): boolean {
  const match = matcher(globs);
  const base = relativePath.slice(relativePath.lastIndexOf('/') + 1);
  return match(relativePath) || match(base);
}

/**
 * The cheap pre-check: false only for a file that cannot be a checklist. `isChecklist`
 * needs the path to match a glob or `looksLikeChecklist`, and the content recognition
 * needs either three item fields or at least one release word (see its last lines); this
 * looks only for the words those need, so a file it rejects is never a checklist and the
 * CLI skips it before it costs an analysis.
 */
export function mayBeChecklist(relativePath: string, text: string, globs: readonly string[]): boolean {
  return matchesAny(relativePath, globs) || mayBeByContent(text);
}

/** A field word anywhere, however written: ITEM_FIELD and FIELD_ROW need one of these. */
const FIELD_WORD =
  /estado|status|state|owner|responsable|assignee|dri|deadline|due|fecha l[ií]mite|target date|fecha objetivo/i;

/** Necessary for `looksLikeChecklist`: a field word (for `fields >= 3`) or one release word (every other way). */
function mayBeByContent(text: string): boolean {
  if (FIELD_WORD.test(text)) return true;
  const head = text.slice(0, 200_000);
  return VOCABULARY.some((word) => word.test(head));
}

/**
 * @param relativePath the file's path relative to its workspace folder (or as given on the
 *   command line), with `/` separators.
 */
export function isChecklist(relativePath: string, text: string, globs: readonly string[]): boolean {
  return matchesAny(relativePath, globs) || (mayBeByContent(text) && looksLikeChecklist(text));
}

/** A task box, in a list or leading a line of its own ("[x] Freeze announced"). */
const TASK = /^\s*(?:>\s*)*(?:(?:[-*+]|\d{1,3}[.)])\s+)?\[[ xX✓✔✗✘]\uFE0F?\]\s/u;
/** A bullet led by a state in brackets: "* [DONE] OPS-101 Migrate the database". */
const STATED_BULLET =
  /^\s*[-*+]\s+\[(?:done|to ?do|wip|in progress|blocked|pending|open|closed|ok|n\/a|hecho|pendiente|en curso|en progreso|bloqueado)\]\s/i;
/** A bullet led by a state mark: "- ✅ Backups", "- ⬜ DNS". */
const MARKED_BULLET = /^\s*[-*+]\s+(✅|☑️?|✔️?|✓|⬜|☐|🔲|❌|✖️?|✘|✗|⏳|🔄|🚧)/u;
const STEP = /^\s{0,3}\d{1,3}[.)]\s+\S/;
const FENCE = /^\s*(?:`{3,}|~{3,})/;
const HEADING = /^#{1,6}\s+(.*)$/;
/** An item field at the start of a line: `**Estado**:`, `- **Owner:**`, `Status:`. */
const ITEM_FIELD =
  /^\s*(?:[-*+]\s+)?(?:\*\*|__)?(?:estado|status|state|statut|stato|owner|responsable|assignee|dri|verantwortlich|respons[aá]vel|responsabile|deadline|due(?: date)?|fecha l[ií]mite|target date|fecha objetivo|[ée]ch[ée]ance|frist|prazo|scadenza)(?:\*\*|__)?\s*:/i;
const INLINE_FIELD =
  /(?:^|[\s—–|-])(?:\*\*)?(?:estado|status|responsable|owner|fecha l[ií]mite|deadline|due)(?:\*\*)?\s*:\s*\S/gi;
const CHECK_COLUMN =
  /^(?:estado|status|state|statut|stato|result|resultado|owner|responsable|assignee|dri|verantwortlich|respons[aá]vel|responsabile|(?:done|hecho|ok|listo|completed?|completad[oa])\??|✓|✔|decision|decisi[oó]n|sign-?off|aprobado por|approved by|approver|firma|signature|go\/no-go|approved\??|aprobad[oa]\??|¿?cumple\??|passed\??|(?:[\p{L} ?¿]+ )?\(?(?:yes|s[ií])\s*\/\s*no\)?|(?:[\p{L} ?¿]+ )?\(?y\s*\/\s*n\)?)$/iu;
/** A field table's key column: `| Status | Complete |`. */
const FIELD_ROW =
  /^\s*\|\s*(?:\*\*)?(?:estado|status|owner|responsable|due date|deadline|fecha l[ií]mite)(?:\*\*)?\s*\|/i;
const CHOICE = /[☐☑☒]|\[[ xX]\]\s*\S[^|[\n]*\|\s*\[[ xX]\]|:\s*\[[ xX]\]\s*\p{L}[^[\n]*\[[ xX]\]\s*\p{L}/u;
const TITLE_WORDS =
  /\brelease v?\d|\brelease v?x|checklist|check-list|lista de (?:verificaci[oó]n|comprobaci[oó]n|control|chequeo)|readiness|go[- ]?live|go\/no[- ]?go|sign[- ]?off|\bacta\b|approval (?:sheet|form|record)|hoja de (?:aprobaci[oó]n|firmas)|entregables|deliverables|runbook|cutover|launch|lanzamiento|release plan|pre-?release|procedimiento de (?:despliegue|salida|pase)|deployment (?:plan|procedure|runbook)|despliegue|pase a producci[oó]n|salida a producci[oó]n|production|producci[oó]n|liste de contr[oô]le|mise en production|checkliste|inbetriebnahme|lista de verifica[çc][ãa]o|messa in produzione/iu;
const VOCABULARY: readonly RegExp[] = [
  /\bgo\s*\/\s*no[- ]?go\b|\bno[- ]go\b/i,
  /\bsign[- ]?offs?\b|\baprobad[oa] por\b|\baprobaci[oó]n\b|\bapprov(?:al|ed|er)\b|\bfirmas?\b|\bsignatures?\b|\bconformidad\b/i,
  /\bblock(?:er|ers|ing)\b|\bbloque(?:ante|antes|ado)\b|\bbloquers?\b|\bshowstopper/i,
  /\brelease\b|\blanzamiento\b|\blaunch\b/i,
  /\bgo[- ]live\b|\bcutover\b|\brollout\b|\bcanary\b/i,
  /\bproducci[oó]n\b|\bproduction\b/i,
  /\bdespliegue\b|\bdeploy(?:ment)?\b|\bdesplegar\b/i,
  /\brollback\b|\breversi[oó]n\b/i,
  /\bstaging\b|\bsmoke\b|\bpruebas de humo\b/i,
  /\bentregables?\b|\bentregas?\b|\bdeliverables?\b|\breadiness\b/i,
  /\bmandatory\b|\bobligatori[oa]s?\b|\bmust[- ](?:do|have)\b|\brequired\b/i,
  /\bowner\b|\bresponsable\b|\bdeadline\b|\bfecha l[ií]mite\b/i,
  /\bpendiente\b|\bpending\b|\bcompletad[oa]\b|\bin progress\b|\ben curso\b/i,
];

/** Recognition by content; see the module comment. */
export function looksLikeChecklist(text: string): boolean {
  let tasks = 0;
  let steps = 0;
  let fields = 0;
  let inlineFields = 0;
  let rows = 0;
  let choices = 0;
  let titled = false;
  let headings = 0;
  let inFence = false;
  let tableChecks = false;
  let previous = '';
  let doneMarks = 0;
  let openMarks = 0;
  // An issue template's front matter names it: `name: Release checklist`.
  const frontMatter = /^---\r?\n([\s\S]{0,2000}?)\r?\n---/.exec(text)?.[1] ?? '';
  if (/^(?:name|title):\s*.*$/m.test(frontMatter) && TITLE_WORDS.test(frontMatter)) titled = true;
  for (const raw of text.split('\n', 20_000)) {
    const line = raw.length > 2_000 ? raw.slice(0, 2_000) : raw;
    if (FENCE.test(line)) {
      inFence = !inFence;
      continue;
    }
    if (TASK.test(line) || STATED_BULLET.test(line)) {
      tasks++;
      continue;
    }
    const mark = MARKED_BULLET.exec(line)?.[1];
    if (mark !== undefined && !inFence) {
      if (mark.startsWith('✅') || mark.startsWith('✔') || mark.startsWith('☑') || mark === '✓') doneMarks++;
      else openMarks++;
    }
    if (inFence) continue;
    const heading = HEADING.exec(line);
    if (heading) {
      if (headings++ < 2 && TITLE_WORDS.test(heading[1] ?? '')) titled = true;
      tableChecks = false;
      previous = line;
      continue;
    }
    if (STEP.test(line)) steps++;
    if (ITEM_FIELD.test(line) || FIELD_ROW.test(line)) fields++;
    else if (line.includes(':')) inlineFields += Math.min(3, line.match(INLINE_FIELD)?.length ?? 0);
    if (CHOICE.test(line)) choices++;
    if (line.trimStart().startsWith('|')) {
      if (/^\s*\|?\s*:?-{2,}/.test(line)) {
        tableChecks = previous.split('|').some((cell) => CHECK_COLUMN.test(cell.replace(/[*_`]/g, '').trim()));
      } else if (tableChecks) {
        rows++;
      }
    } else {
      tableChecks = false;
    }
    previous = line;
  }
  if (fields >= 3) return true;
  const head = text.slice(0, 200_000);
  const vocabulary = VOCABULARY.filter((word) => word.test(head)).length;
  // Bullets led by state marks count when some are open: a list of ✅ features alone is a README's.
  const units = tasks + rows + choices + (titled ? steps : 0) + (openMarks > 0 ? openMarks + doneMarks : 0);
  if (titled)
    return (
      (units >= 3 && vocabulary >= 2) ||
      (fields + inlineFields >= 2 && vocabulary >= 2) ||
      (rows >= 2 && vocabulary >= 1)
    );
  return (
    (units >= 5 && vocabulary >= 4) ||
    (rows >= 3 && vocabulary >= 3) ||
    (units >= 3 && fields + inlineFields >= 2 && vocabulary >= 3)
  );
}

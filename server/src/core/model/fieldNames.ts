// The field names, column names, state words and blocker marks a checklist may
// use, in Spanish and English with common synonyms, and the common ones of
// French, German, Portuguese and Italian checklists (Responsable/Verantwortlich,
// Échéance/Frist/Prazo/Scadenza, Statut/Stato; Terminé, Erledigt, Concluído, Fatto…).
import type { Language, Translate } from '../messages';
import type { ItemState } from './checklist';

/** Lower case, accents folded, inner whitespace collapsed: "Fecha Límite " → "fecha limite". */
function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
}

const keys = new Map<string, string>();

/** Keys as written, bold, emphasis and trailing colons removed; memoised, as every analysis asks about the same keys. */
function keyOf(key: string): string {
  let folded = keys.get(key);
  if (folded === undefined) {
    folded = fold(key.replace(/[*_`]/g, '').replace(/[:：]\s*$/, ''));
    if (keys.size > 10_000) keys.clear();
    keys.set(key, folded);
  }
  return folded;
}

const keyPattern = (words: readonly string[]): RegExp => new RegExp(`^(?:${words.join('|')})$`, 'u');

const OWNER = keyPattern([
  'responsables?(?: del? [\\p{L} ]+)?',
  '(?:[\\p{L}/ -]+ )?owners?',
  'responsible',
  'assignees?',
  'asignado(?: a)?',
  'dri',
  'encargado',
  'lead',
  'quien',
  'who',
  // fr, de, pt, it
  'porteur',
  'proprietaire',
  'verantwortlich(?:e|er)?',
  'zustandig(?:e|er)?',
  'responsavel',
  'responsabile',
  'referente',
]);
const DEADLINE = keyPattern([
  'deadline',
  'fecha limite',
  'fecha objetivo',
  'fecha de entrega',
  'fecha (?:de )?compromiso',
  'fecha comprometida',
  'fecha prevista',
  'fecha estimada',
  'fecha (?:de )?(?:fin|cierre|termino)',
  'fecha planificada',
  'commit(?:ment)? date',
  'end date',
  'completion date',
  'planned date',
  'due',
  'due date',
  'due by',
  'target date',
  'target',
  'plazo',
  'vence',
  'vencimiento',
  'eta',
  'when',
  'cuando',
  // fr, de, pt, it
  'echeance',
  'date (?:limite|butoir|cible|prevue)',
  'frist',
  'fallig(?: am)?',
  'falligkeit',
  'stichtag',
  'zieldatum',
  'termin',
  'prazo',
  'data (?:limite|prevista|de entrega)',
  'scadenza',
  'data (?:di scadenza|prevista)',
  'entro',
]);
const STATE = keyPattern([
  'estado',
  'status',
  'state',
  'estatus',
  'situacion',
  'statut',
  'etat',
  'zustand',
  'situacao',
  'stato',
  'progress',
  'progreso',
  'result',
  'resultado',
  'done\\??',
  'hecho\\??',
  'completado\\??',
  'check',
  'ok\\??',
  'approved\\??',
  'aprobad[oa]\\??',
  '¿?cumple\\??',
  'met\\??',
  'passed\\??',
]);
const OVERALL_STATE =
  /^(?:estado|status|state)(?: general| global| del? (?:documento|lanzamiento|release|entrega|proyecto))?$|^(?:overall|release|launch|project|document|final)(?: status| state)$|^(?:decision|decision final|final decision|go ?\/ ?no[- ]?go)$/;
const EVIDENCE = keyPattern([
  'evidencia',
  'evidence',
  'link',
  'enlace',
  'url',
  'proof',
  'prueba',
  'artifact',
  'artefacto',
]);
const SIGN_OFF = keyPattern([
  'aprobado por',
  'aprobacion',
  'aprobador',
  'sign-?off',
  'signed off by',
  'approver',
  'approved by',
  'approval',
  'firma',
  'signature',
  'firmado por',
  'visto bueno',
]);
const DECISION = keyPattern([
  'decision',
  'decision final',
  'final decision',
  'go\\/no-go',
  'go ?\\/ ?no ?go',
  'veredicto',
  'verdict',
  'go ?\\/ ?no[- ]?go',
]);
const PRIORITY = keyPattern([
  'prioridad',
  'priority',
  'prio',
  'severity',
  'severidad',
  'criticidad',
  'criticality',
  'blocker\\??',
  'bloqueante\\??',
  'required\\??',
  'obligatorio\\??',
  'mandatory\\??',
  'must\\??',
]);
const CHECKBOX = keyPattern([
  '',
  '✓',
  '✔',
  '✔️',
  '☑',
  '✅',
  'x',
  '\\[ ?\\]',
  '\\[x\\]',
  'done\\??',
  'hecho\\??',
  'ok\\??',
  'check',
  'listo\\??',
  'completado\\??',
  'completed\\??',
  'complete\\??',
  'tick',
  'verificado\\??',
  'verified\\??',
  // "Yes/No", "Sí/No", "Y/N", and any question column that says so: "Answer (Yes/No)", "Met? (Y/N)".
  '(?:[\\p{L} ?¿]+ )?\\(?(?:yes ?/ ?no|si ?/ ?no|y ?/ ?n)\\)?',
]);
/** A field or column that says why (or notes on it): where a "not applicable" gives its reason. */
const REASON = keyPattern([
  'motivo',
  'razon',
  'reason',
  'justificacion',
  'justification',
  'rationale',
  'why',
  'por que',
  'notes?',
  'notas?',
  'comments?',
  'comentarios?',
  'observaciones',
  'remarks',
]);
/** A column or field holding a date that is not a deadline ("Date", "Fecha de firma", "Signed on"). */
const DATE = keyPattern([
  'date',
  'fecha',
  'fecha de [\\p{L} ]+',
  '[\\p{L} ]+ date',
  'dia',
  'day',
  'signed on',
  'firmado el',
  'approved on',
  'aprobado el',
]);
/** A column or field naming a person who is not the item's owner ("Name" beside "Role", "Approver", "Reviewer"). */
const PERSON = keyPattern([
  'name',
  'nombre',
  'nombre y apellidos?',
  'full name',
  'approver',
  'aprobador',
  'reviewer',
  'revisor',
  'revisado por',
  'reviewed by',
  'signed by',
  'firmado por',
  'approved by',
  'aprobado por',
  'signatory',
  'firmante',
]);
const NAME = keyPattern([
  '#',
  'n',
  'no\\.?',
  'nº',
  'id',
  'item',
  'items',
  'item #',
  'ítem',
  'entregable',
  'deliverable',
  'task',
  'tarea',
  'paso',
  'step',
  'check',
  'control',
  'criterion',
  'criterio',
  'criteria',
  'area',
  'role',
  'rol',
  'name',
  'nombre',
  'descripcion',
  'description',
  'what',
  'que',
  'actividad',
  'activity',
  'tache',
  'action',
  'aufgabe',
  'massnahme',
  'tarefa',
  'atividade',
  'attivita',
  'compito',
]);

/** Between the names of a combined header or key: "Evidence / notes", "Owner & DRI", "Evidencia y notas". */
const COMBINED = /\s*(?:\/|&|\+|\band\b|\bor\b|\by\b|\bo\b)\s*/u;

/** A legend or unit after the name: "Estado (✅/⏳/❌)", "Due (UTC)", "Owner (team)". */
const TRAILING_NOTE = /\s*\([^()]*\)$/;

/** A test of a key as a whole, without its trailing note, or of each name a combined one gives; memoised by key. */
function keyTest(pattern: RegExp): (key: string) => boolean {
  const answers = new Map<string, boolean>();
  const test = (folded: string): boolean => {
    if (pattern.test(folded)) return true;
    const named = folded.replace(TRAILING_NOTE, '');
    if (named !== folded && named !== '' && pattern.test(named)) return true;
    return COMBINED.test(named) && named.split(COMBINED).some((part) => part.length > 1 && pattern.test(part));
  };
  return (key) => {
    let answer = answers.get(key);
    if (answer === undefined) {
      answer = test(keyOf(key));
      if (answers.size > 10_000) answers.clear();
      answers.set(key, answer);
    }
    return answer;
  };
}

export const isOwnerKey = keyTest(OWNER);
export const isDateKey = keyTest(DATE);
export const isPersonKey = keyTest(PERSON);
export const isDeadlineKey = keyTest(DEADLINE);
export const isStateKey = keyTest(STATE);
/** A document-level state: "Estado general", "Overall status", "Decisión final". */
export const isOverallStateKey = (key: string): boolean => OVERALL_STATE.test(keyOf(key));
export const isEvidenceKey = keyTest(EVIDENCE);
export const isSignOffKey = keyTest(SIGN_OFF);
export const isDecisionKey = keyTest(DECISION);
export const isPriorityKey = keyTest(PRIORITY);
export const isReasonKey = keyTest(REASON);
export const isCheckboxColumn = keyTest(CHECKBOX);
export const isNameColumn = keyTest(NAME);

/** Any key an item's field may have: the ones the model reads. */
export const isItemKey = (key: string): boolean =>
  isOwnerKey(key) ||
  isDeadlineKey(key) ||
  isStateKey(key) ||
  isPriorityKey(key) ||
  isSignOffKey(key) ||
  isDecisionKey(key);

export type StateWords = Partial<Record<Exclude<ItemState, 'unknown'>, readonly string[]>>;

// Longer phrases first: at one position the first alternative that matches wins ("not started" before "started").
const STATE_VOCABULARY: Record<Exclude<ItemState, 'unknown'>, readonly string[]> = {
  'not-applicable': [
    'not applicable',
    'no aplica',
    'no aplicable',
    'n/a',
    'n\\.a\\.',
    'na',
    'out of scope',
    'fuera de alcance',
    "won'?t do",
    'skipped',
    'skip',
    'omitido',
    'descartado',
    'discarded',
    'waived',
    'exento',
    'dispensado',
    'cancell?ed',
    'cancelad[oa]',
    'deferred',
    'aplazad[oa]',
    'pospuest[oa]',
    'non applicable',
    'sans objet',
    'annulee?',
    'entfallt',
    'nicht zutreffend',
    'nao se aplica',
    'nao aplicavel',
    'non applicabile',
    'annullat[oa]',
  ],
  blocked: [
    'not approved',
    'no aprobado',
    'no conforme',
    'non-compliant',
    'not accepted',
    'no aceptado',
    'rechazado',
    'rejected',
    'blocked',
    'bloqueado',
    'bloqueada',
    'on hold',
    'en pausa',
    'stuck',
    'failed',
    'fail',
    'fallido',
    'fallo',
    'no-go',
    'no go',
    'bloquee?',
    'blockiert',
    'bloccat[oa]',
    'echoue',
    'fehlgeschlagen',
    'falhou',
  ],
  'at-risk': ['at risk', 'at-risk', 'en riesgo', 'riesgo', 'delayed', 'retrasado', 'atrasado'],
  pending: [
    'not started',
    'not yet',
    'not done',
    'not complete',
    'not completed',
    'not ready',
    'no iniciado',
    'sin iniciar',
    'sin empezar',
    'no listo',
    'no hecho',
    'por hacer',
    'to do',
    'todo',
    'to-do',
    'pending',
    'pendiente',
    'open',
    'abierto',
    'planned',
    'planificado',
    'unassigned',
    'sin asignar',
    'nuevo',
    'new',
    'a faire',
    'non commencee?',
    'en attente',
    'offen',
    'ausstehend',
    'nicht begonnen',
    'geplant',
    'pendente',
    'nao iniciad[oa]',
    'a fazer',
    'da fare',
    'in attesa',
    'non iniziat[oa]',
  ],
  'in-progress': [
    'in progress',
    'in-progress',
    'en progreso',
    'en curso',
    'en proceso',
    'en marcha',
    'en revision',
    'in review',
    'under review',
    'en pruebas',
    'in testing',
    'testing',
    'ongoing',
    'wip',
    'started',
    'iniciado',
    'doing',
    'working',
    'partial',
    'parcial',
    'partially',
    'en cours',
    'in arbeit',
    'in bearbeitung',
    'laufend',
    'em andamento',
    'em progresso',
    'in corso',
  ],
  done: [
    'completed',
    'complete',
    'completado',
    'completada',
    'completo',
    'completa',
    'done',
    'hecho',
    'hecha',
    'listo',
    'lista',
    'terminado',
    'terminada',
    'finalizado',
    'finalizada',
    'entregado',
    'entregada',
    'delivered',
    'finished',
    'closed',
    'cerrado',
    'cerrada',
    'resolved',
    'resuelto',
    'ready',
    'shipped',
    'approved',
    'aprobado',
    'aprobada',
    'passed',
    'pass',
    'verified',
    'verificado',
    'verificada',
    'confirmado',
    'confirmada',
    'confirmed',
    'conforme',
    'accepted',
    'aceptado',
    'aceptada',
    'ok',
    'yes',
    'si',
    'signed',
    'firmado',
    'deployed',
    'desplegado',
    'merged',
    'terminee?',
    'faite?',
    'finie?',
    'validee?',
    'erledigt',
    'fertig',
    'abgeschlossen',
    'concluid[oa]',
    'feit[oa]',
    'completat[oa]',
    'fatt[oa]',
  ],
};

const STATE_ORDER: readonly Exclude<ItemState, 'unknown'>[] = [
  'not-applicable',
  'blocked',
  'at-risk',
  'pending',
  'in-progress',
  'done',
];

const STATE_EMOJIS: readonly [Exclude<ItemState, 'unknown'>, RegExp][] = [
  ['done', /✅|✔|☑|☒|🟢|✓|🎉/u],
  ['blocked', /❌|⛔|🛑|🚫|✖|✘|✗|🔴/u],
  ['at-risk', /⚠|🟠|🟡/u],
  ['in-progress', /🔄|🚧|🔁|⏩|🏗/u],
  ['pending', /⏳|⌛|🕐|🕒|⬜|◻|☐|🔲/u],
  ['not-applicable', /➖|⛔️?\s*N\/?A/u],
];

const escape = (word: string): string => fold(word).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

interface Vocabulary {
  readonly pattern: RegExp;
  readonly states: readonly Exclude<ItemState, 'unknown'>[];
}

const vocabularies = new Map<string, Vocabulary>();

function vocabulary(extra: StateWords | undefined): Vocabulary {
  const key = extra ? JSON.stringify(extra) : '';
  let found = vocabularies.get(key);
  if (found) return found;
  const alternatives: { word: string; state: Exclude<ItemState, 'unknown'> }[] = [];
  for (const state of STATE_ORDER) {
    for (const word of extra?.[state] ?? []) if (fold(word) !== '') alternatives.push({ word: escape(word), state });
    for (const word of STATE_VOCABULARY[state]) alternatives.push({ word, state });
  }
  // Longest first so that a phrase beats the word it starts with, whatever its state.
  alternatives.sort((a, b) => b.word.length - a.word.length);
  const pattern = new RegExp(
    `(?<![\\p{L}\\p{N}])(?:${alternatives.map((a) => `(${a.word})`).join('|')})(?![\\p{L}\\p{N}])`,
    'u',
  );
  found = { pattern, states: alternatives.map((a) => a.state) };
  if (vocabularies.size > 50) vocabularies.clear();
  vocabularies.set(key, found);
  return found;
}

/** A state in words, in the display language ("in progress", "no aplica"). */
export function stateText(state: ItemState, t: Translate): string {
  return t(`state.${state}`);
}

/**
 * Reads a state: words before emojis ("Pendiente de ✅ aprobación" is pending), the first
 * word that names a state deciding. Text that names no known state is unknown.
 */
export function parseState(value: string, extra?: StateWords): ItemState {
  const key = extra === undefined ? value : `${JSON.stringify(extra)}\n${value}`;
  let state = parsed.get(key);
  if (state === undefined) {
    state = readState(value, extra);
    // Bounded: a session sees few distinct values, but a pathological document must not grow this forever.
    if (parsed.size > 10_000) parsed.clear();
    parsed.set(key, state);
  }
  return state;
}

const parsed = new Map<string, ItemState>();

function readState(value: string, extra: StateWords | undefined): ItemState {
  const text = fold(value.replace(/[*_`~]/g, ' '));
  // A bare "No" answers a yes/no column ("Approved?", "Done?"): not done.
  if (/^no\.?$/.test(text)) return 'pending';
  // A percentage of progress: 100 % is done, 0 % not started, anything between under way.
  const percent = /^(\d{1,3})\s?%$/.exec(text);
  if (percent) {
    const done = Number(percent[1]);
    if (done <= 100) return done === 100 ? 'done' : done === 0 ? 'pending' : 'in-progress';
  }
  if (text !== '') {
    const { pattern, states } = vocabulary(extra);
    const match = pattern.exec(text);
    if (match) {
      const index = match.findIndex((group, i) => i > 0 && group !== undefined);
      const state = states[index - 1];
      if (state) return state;
    }
  }
  for (const [state, emoji] of STATE_EMOJIS) if (emoji.test(value)) return state;
  return 'unknown';
}

/**
 * The state a short phrase is and nothing more ("✅ Done", "In progress", "BLOQUEADO", "⏳"), or undefined
 * when the phrase says something else too ("new cluster", "done by Friday").
 */
export function statePhrase(value: string, extra?: StateWords): Exclude<ItemState, 'unknown'> | undefined {
  const marks = /^(?:✅|☑️?|✔️?|⬜|☐|🔲|⏳|🔄|🚧|❌|🟢|🟡|🔴|⚠️?)\uFE0F?\s*/u;
  const words = fold(value.replace(marks, '').replace(/[*_`~]/g, ' '));
  if (words !== '') {
    const match = vocabulary(extra).pattern.exec(words);
    if (!match || match.index !== 0 || match[0].length !== words.length) return undefined;
  } else if (!marks.test(value)) return undefined;
  const state = parseState(value, extra);
  return state === 'unknown' ? undefined : state;
}

/** One option of a status written as a choice of boxes: `[x] Complete | [ ] At Risk`, `☑ Hecho ☐ En curso`. */
export interface ChoiceOption {
  readonly label: string;
  readonly ticked: boolean;
  /** Offsets in the value. */
  readonly start: number;
  readonly end: number;
}

const CHOICE_BOX = /\[([ xX✓✔])\]|([☐☑☒✅⬜🔲])/gu;

/** The options of a value written as two or more boxes, or undefined. */
export function choiceOptions(value: string): ChoiceOption[] | undefined {
  const boxes = [...value.matchAll(CHOICE_BOX)];
  if (boxes.length < 2) return undefined;
  return boxes.map((box, i) => {
    const next = boxes[i + 1]?.index ?? value.length;
    const start = box.index;
    const label = value
      .slice(start + box[0].length, next)
      .replace(/[|/,;]+\s*$/, '')
      .trim();
    const mark = box[1] ?? box[2] ?? ' ';
    return { label, ticked: mark !== ' ' && mark !== '☐' && mark !== '⬜' && mark !== '🔲', start, end: next };
  });
}

/** A check column or field read as ticked: `[x]`, `x`, `✅`, `☑`, `Yes`, `Sí`. */
export function isTicked(cell: string): boolean {
  return (
    /^\s*(?:\[[xX✓✔]\]|[xX✓✔☑☒✅]|yes|s[ií]|true|ok)\s*$/iu.test(cell.replace(/\uFE0F/g, '')) ||
    parseState(cell) === 'done'
  );
}

const BLOCKER_MARK =
  /🔴|🚨|⛔|\b(?:BLOQUER|BLOQUEANTE|BLOCKER|OBLIGATORI[OA]|MANDATORY|CR[IÍ]TIC[OA]|CRITICAL|SHOWSTOPPER|REQUIRED)S?\b|\b(?:P0|Must[- ](?:do|have))\b/iu;
const ITEM_BLOCKER_MARK =
  /⚠️?|🔴|🚨|⛔|\b(?:BLOQUER|BLOQUEANTE|BLOCKER|OBLIGATORI[OA]|MANDATORY|SHOWSTOPPER)S?\b|\bP0\b/iu;
const ITEM_MUST = /\bMUST\b|[([]\s*Must\s*[)\]]|\bMust[- ](?:do|have)\b/u;
const PRIORITY_BLOCKER =
  /^(?:p0|required|requerid[oa]|must(?: have| do)?|blocker|bloqueante|bloquer|critical|cr[ií]tic[oa]|obligatori[oa]|mandatory|showstopper|yes|s[ií]|x|✓|✔|🔴|☑|\[x\])$/iu;

const markPatterns = new Map<string, RegExp | undefined>();

function extraMark(marks: readonly string[] | undefined): RegExp | undefined {
  if (!marks || marks.length === 0) return undefined;
  const key = marks.join('\n');
  if (!markPatterns.has(key)) {
    const words = marks
      .map((m) => m.trim())
      .filter((m) => m !== '')
      .map((m) => m.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    markPatterns.set(
      key,
      words.length === 0 ? undefined : new RegExp(`(?<![\\p{L}\\p{N}])(?:${words.join('|')})(?![\\p{L}\\p{N}])`, 'iu'),
    );
  }
  return markPatterns.get(key);
}

/** A group heading that makes its items blockers ("🔴 BLOQUERS", "Must Do", "Critical (3 items)"). */
export const isBlockerHeading = (text: string, marks?: readonly string[]): boolean =>
  BLOCKER_MARK.test(text) || ITEM_MUST.test(text) || (extraMark(marks)?.test(text) ?? false);
/** A mark on one item's own line ("### 2. Scheduled reports — MANDATORY", "⚠️", "(Must)"). */
export const hasItemBlockerMark = (text: string, marks?: readonly string[]): boolean =>
  ITEM_BLOCKER_MARK.test(text) || ITEM_MUST.test(text) || (extraMark(marks)?.test(text) ?? false);
/** A priority value that makes an item a blocker ("P0", "Required", "Must"). */
export const isBlockerPriority = (value: string, marks?: readonly string[]): boolean =>
  PRIORITY_BLOCKER.test(value.replace(/[*_`]/g, '').trim()) || (extraMark(marks)?.test(value) ?? false);

// A prefix is enough, so a mis-encoded "Fecha de Creaci√≥n" still counts.
const CREATED_KEY = /^(?:fecha de creaci|fecha$|creado|created|creation date|date created)/i;
export const isCreatedKey = (key: string): boolean => CREATED_KEY.test(key.trim());

const SUMMARY_HEADING = /\b(?:RESUMEN|SUMMARY|SCORECARD)\b/i;
export const isSummaryHeading = (text: string): boolean => SUMMARY_HEADING.test(text);

const INSTRUCTIONS_WORDS =
  'INSTRUCCIONES|INSTRUCTIONS|HOW TO USE|C[OÓ]MO USAR|USO DE ESTE|LEYENDA|LEGEND|GLOSARIO|GLOSSARY|REFERENCIAS|REFERENCES|NOTAS|NOTES|CONTACTOS?|CONTACTS?|CHANGELOG|HISTORIAL|REVISION HISTORY|FLUJO DE TRABAJO|WORKFLOW';
/** One of the words leads the heading (after emoji and punctuation): "Notes", "📌 How to use this checklist". */
const INSTRUCTIONS_HEADING = new RegExp(`^[^\\p{L}\\p{N}]*(?:${INSTRUCTIONS_WORDS})\\b`, 'iu');
/** One of the words anywhere: "Additional notes", "Key contacts", but also work such as "Release notes". */
const MENTIONS_INSTRUCTIONS = new RegExp(`\\b(?:${INSTRUCTIONS_WORDS})\\b`, 'iu');
/**
 * Sections about the checklist rather than work in it: a heading led by one of the words, or one that
 * mentions it over a section without an owner, due date or state of its own (work such as "Release notes"
 * with its Owner is an item).
 */
export const isInstructionsHeading = (text: string, hasItemFields: boolean): boolean =>
  INSTRUCTIONS_HEADING.test(text) || (!hasItemFields && MENTIONS_INSTRUCTIONS.test(text));

const TOTAL_KEYS = /^total\b/;
export const isTotalKey = (key: string): boolean => TOTAL_KEYS.test(keyOf(key));

/** Spanish when the document uses Spanish field names, English otherwise. */
export function documentLanguageOf(keys: readonly string[]): Language {
  const spanish =
    /^(?:responsable|estado|fecha|entregar aqui|notas|evidencia|aprobado|decision final|prioridad|resultado|firma|jefe|observaciones|criterio|tarea|paso|cumple)/;
  return keys.some((key) => spanish.test(keyOf(key))) ? 'es' : 'en';
}

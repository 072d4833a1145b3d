// The field names and state words a checklist may use, in Spanish and English.
import type { Language } from '../messages';
import type { ItemState } from './checklist';

const OWNER_KEYS = ['responsable', 'owner', 'responsible', 'assignee'];
const DEADLINE_KEYS = ['deadline', 'fecha limite', 'fecha límite', 'due', 'due date', 'plazo'];
const STATE_KEYS = ['estado', 'status', 'state'];

function normalise(key: string): string {
  return key.trim().toLowerCase();
}

export const isOwnerKey = (key: string): boolean => OWNER_KEYS.includes(normalise(key));
export const isDeadlineKey = (key: string): boolean => DEADLINE_KEYS.includes(normalise(key));
export const isStateKey = (key: string): boolean => STATE_KEYS.includes(normalise(key));

const STATE_WORDS: readonly [ItemState, RegExp][] = [
  ['done', /✅|\b(?:completad[oa]|entregad[oa]|hecho|done|complete[d]?|delivered)\b/i],
  ['blocked', /❌|⛔|\b(?:bloquead[oa]|blocked)\b/i],
  ['in-progress', /🔄|🚧|\b(?:en progreso|en curso|in progress|in-progress|ongoing)\b/i],
  ['pending', /⏳|\b(?:pendiente|pending|to ?do|not started)\b/i],
];

/** Reads an Estado/Status value; text that names no known state stays unknown. */
export function parseState(value: string): ItemState {
  for (const [state, pattern] of STATE_WORDS) if (pattern.test(value)) return state;
  return 'unknown';
}

const BLOCKER_GROUP = /🔴|\b(?:BLOQUER|BLOQUEANTE|BLOCKER|OBLIGATORIO|MANDATORY)S?\b/i;

export const isBlockerHeading = (text: string): boolean => BLOCKER_GROUP.test(text);

// A prefix is enough, so a mis-encoded "Fecha de Creaci√≥n" still counts.
const CREATED_KEY = /^(?:fecha de creaci|fecha$|creado|created|creation date|date created)/i;
export const isCreatedKey = (key: string): boolean => CREATED_KEY.test(key.trim());

const SUMMARY_HEADING = /\b(?:RESUMEN|SUMMARY)\b/i;
export const isSummaryHeading = (text: string): boolean => SUMMARY_HEADING.test(text);

const TOTAL_KEYS = ['total'];
export const isTotalKey = (key: string): boolean => TOTAL_KEYS.includes(normalise(key));

/** Spanish when the document uses Spanish field names, English otherwise. */
export function documentLanguageOf(keys: readonly string[]): Language {
  const spanish = ['responsable', 'estado', 'fecha de creación', 'entregar aquí', 'notas'];
  return keys.some((key) => spanish.includes(normalise(key))) ? 'es' : 'en';
}

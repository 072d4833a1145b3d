// The Estado text Readiness writes for each state, in the document's language.
import type { DocumentLanguage, ItemState } from '../model/checklist';

export type SettableState = Exclude<ItemState, 'unknown'>;

export const SETTABLE_STATES: readonly SettableState[] = ['pending', 'in-progress', 'done', 'blocked'];

const TEXT: Record<DocumentLanguage, Record<SettableState, string>> = {
  es: {
    pending: '⏳ Pendiente',
    'in-progress': '🔄 En progreso',
    done: '✅ Completado',
    blocked: '❌ Bloqueado',
    'at-risk': '⚠️ En riesgo',
    'not-applicable': '➖ No aplica',
  },
  en: {
    pending: '⏳ Pending',
    'in-progress': '🔄 In progress',
    done: '✅ Done',
    blocked: '❌ Blocked',
    'at-risk': '⚠️ At risk',
    'not-applicable': '➖ Not applicable',
  },
};

export function stateText(state: SettableState, language: DocumentLanguage): string {
  return TEXT[language][state];
}

// Does a runbook heading cover a line of the checklist's "Contenido confirmado"
// list? Both are reduced to concepts: lower case, no accents, Spanish and English
// words mapped to one English stem, filler words dropped. "Rollback steps" and
// "## Pasos de rollback" both become {rollback, step}.

/** Spanish and English words (accent-free, lower case) to one concept. */
const CONCEPTS: Readonly<Record<string, string>> = {
  canario: 'canary',
  despliegue: 'deploy',
  despliegues: 'deploy',
  desplegar: 'deploy',
  deployment: 'deploy',
  deployments: 'deploy',
  deploy: 'deploy',
  release: 'deploy',
  rollback: 'rollback',
  rollbacks: 'rollback',
  revertir: 'rollback',
  reversion: 'rollback',
  revert: 'rollback',
  marcha: 'rollback',
  monitoreo: 'monitor',
  monitorizacion: 'monitor',
  monitorear: 'monitor',
  monitoring: 'monitor',
  monitor: 'monitor',
  observabilidad: 'monitor',
  comando: 'command',
  comandos: 'command',
  commands: 'command',
  forzar: 'force',
  forzado: 'force',
  force: 'force',
  desactivar: 'disable',
  deshabilitar: 'disable',
  desactivacion: 'disable',
  apagar: 'disable',
  disable: 'disable',
  disabling: 'disable',
  off: 'disable',
  purgar: 'purge',
  purga: 'purge',
  eliminar: 'purge',
  borrar: 'purge',
  limpiar: 'purge',
  limpieza: 'purge',
  purge: 'purge',
  delete: 'purge',
  clean: 'purge',
  cleanup: 'purge',
  remove: 'purge',
  subida: 'upload',
  subidas: 'upload',
  carga: 'upload',
  cargas: 'upload',
  uploads: 'upload',
  upload: 'upload',
  adjuntos: 'upload',
  antiguos: 'older',
  antiguas: 'older',
  viejos: 'older',
  older: 'older',
  old: 'older',
  dias: 'day',
  dia: 'day',
  days: 'day',
  crear: 'create',
  creacion: 'create',
  create: 'create',
  creating: 'create',
  abrir: 'create',
  open: 'create',
  ticket: 'ticket',
  tickets: 'ticket',
  incidencia: 'ticket',
  incidencias: 'ticket',
  contacto: 'contact',
  contactos: 'contact',
  contacts: 'contact',
  contact: 'contact',
  escalamiento: 'escalation',
  escalado: 'escalation',
  escalacion: 'escalation',
  escalation: 'escalation',
  sintomas: 'symptom',
  symptoms: 'symptom',
  impacto: 'impact',
  diagnostico: 'diagnosis',
  mitigacion: 'mitigation',
  seguimiento: 'follow-up',
  followup: 'follow-up',
  pasos: 'step',
  paso: 'step',
  steps: 'step',
  procedimiento: 'step',
  procedure: 'step',
  lista: 'list',
  list: 'list',
  manualmente: 'manual',
  manually: 'manual',
  manual: 'manual',
};

/** Words that say how a section is written, not what it is about: they need not match. */
const GENERIC = new Set(['step', 'list', 'manual', 'command']);

const FILLER = new Set([
  'how',
  'to',
  'the',
  'a',
  'an',
  'of',
  'for',
  'than',
  'and',
  'or',
  'in',
  'on',
  'with',
  'by',
  'from',
  'x',
  'n',
  'more',
  'is',
  'be',
  'como',
  'para',
  'de',
  'del',
  'la',
  'el',
  'los',
  'las',
  'un',
  'una',
  'que',
  'mas',
  'y',
  'o',
  'en',
  'con',
  'por',
  'se',
  'al',
  'lo',
  'atras',
]);

/** The concepts a line or heading is about, generic ones marked. */
export function concepts(text: string): { readonly specific: ReadonlySet<string>; readonly all: ReadonlySet<string> } {
  const words = text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}_]+/u)
    .filter((w) => w !== '' && !FILLER.has(w) && !/^\d+$/.test(w));
  const all = new Set(words.map((w) => CONCEPTS[w] ?? CONCEPTS[w.replace(/e?s$/, '')] ?? w.replace(/s$/, '')));
  return { specific: new Set([...all].filter((c) => !GENERIC.has(c))), all };
}

/**
 * True when the heading covers the line: at least two thirds of the line's specific
 * concepts (all of them when it has one or two) appear in the heading. A line with
 * only generic words ("Steps") needs those.
 */
export function sectionCovers(heading: string, line: string): boolean {
  const wanted = concepts(line);
  const offered = concepts(heading).all;
  const needed = wanted.specific.size > 0 ? wanted.specific : wanted.all;
  if (needed.size === 0) return false;
  const matched = [...needed].filter((c) => offered.has(c)).length;
  return needed.size <= 2 ? matched === needed.size : matched * 3 >= needed.size * 2;
}

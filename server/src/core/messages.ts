// Every user-facing sentence the core and the server produce, in English and
// Spanish. The locale comes from the client (LSP `initialize`) or the CLI's
// environment; anything else falls back to English.

const en = {
  'item.prefix': 'Item {0} · {1}: {2}',
  'placeholder.output': 'paste the command output here',
  'placeholder.link': 'paste the link ({0})',
  'placeholder.screenshot': 'attach the screenshot or its link ({0})',
  'placeholder.log': 'paste the log ({0})',
  'placeholder.name': 'fill in the name ({0})',
  'placeholder.secret-note': 'state that the secret was used, without its value',
  'placeholder.value': 'fill in {0}',
  'placeholder.number': 'enter a number for {0}',
  'placeholder.date': 'enter the date ({0})',
  'placeholder.choice': 'choose one of: {0}',
  'placeholder.slot': 'fill in the value for {0}',
  'placeholder.labelled': '{0} {1}',
  'file.tooLarge': 'Readiness skipped this file: it is {0} MB, over the {1} MB limit (readiness.maxFileSize).',
  'mismatch.doneButOpen': 'Item {0} · {1} is marked done but still has {2}',
  'mismatch.openPlaceholders': '{0} open placeholder(s)',
  'mismatch.uncheckedBoxes': '{0} unchecked box(es)',
  'mismatch.and': ' and ',
  'mismatch.summaryChecked': 'The summary ticks "{0}", but item {1} is {2}',
  'mismatch.summaryUnchecked': 'The summary does not tick "{0}", but item {1} is done',
  'mismatch.groupCount': 'The summary says {0} here but lists {1}',
  'mismatch.totalCount': 'The summary says {0} in total but the checklist has {1} items',
  'overdue': 'Item {0} · {1} was due on {2} ("{3}") and is still {4}',
  'mojibake': 'This file looks like UTF-8 read as {0} (for example "{1}"). Use "Repair encoding" to restore the original text.',
  'state.pending': 'pending',
  'state.in-progress': 'in progress',
  'state.done': 'done',
  'state.blocked': 'blocked',
  'state.unknown': 'without a known state',
} as const;

export type MessageKey = keyof typeof en;

const es: Record<MessageKey, string> = {
  'item.prefix': 'Ítem {0} · {1}: {2}',
  'placeholder.output': 'pega aquí la salida del comando',
  'placeholder.link': 'pega el enlace ({0})',
  'placeholder.screenshot': 'adjunta la captura o su enlace ({0})',
  'placeholder.log': 'pega el log ({0})',
  'placeholder.name': 'completa el nombre ({0})',
  'placeholder.secret-note': 'indica que se usó el secreto, sin su valor',
  'placeholder.value': 'completa {0}',
  'placeholder.number': 'escribe un número en {0}',
  'placeholder.date': 'escribe la fecha ({0})',
  'placeholder.choice': 'elige una opción: {0}',
  'placeholder.slot': 'completa el valor de {0}',
  'placeholder.labelled': '{0} {1}',
  'file.tooLarge': 'Readiness omitió este archivo: ocupa {0} MB, más que el límite de {1} MB (readiness.maxFileSize).',
  'mismatch.doneButOpen': 'El ítem {0} · {1} está marcado como completado pero aún tiene {2}',
  'mismatch.openPlaceholders': '{0} campo(s) sin completar',
  'mismatch.uncheckedBoxes': '{0} casilla(s) sin marcar',
  'mismatch.and': ' y ',
  'mismatch.summaryChecked': 'El resumen marca "{0}", pero el ítem {1} está {2}',
  'mismatch.summaryUnchecked': 'El resumen no marca "{0}", pero el ítem {1} está completado',
  'mismatch.groupCount': 'El resumen dice {0} aquí pero lista {1}',
  'mismatch.totalCount': 'El resumen dice {0} en total pero la lista tiene {1} ítems',
  'overdue': 'El ítem {0} · {1} vencía el {2} ("{3}") y sigue {4}',
  'mojibake': 'Este archivo parece UTF-8 leído como {0} (por ejemplo "{1}"). Usa "Reparar codificación" para recuperar el texto original.',
  'state.pending': 'pendiente',
  'state.in-progress': 'en progreso',
  'state.done': 'completado',
  'state.blocked': 'bloqueado',
  'state.unknown': 'sin estado conocido',
};

const tables: Record<string, Record<MessageKey, string>> = { en, es };

export type Translate = (key: MessageKey, ...args: (string | number)[]) => string;

/** Returns a translator for a locale such as `es`, `es-AR` or `en-US`. */
export function translator(locale: string | undefined): Translate {
  const language = (locale ?? 'en').toLowerCase().split(/[-_]/)[0] ?? 'en';
  const table = tables[language] ?? en;
  return (key, ...args) => (table[key] ?? en[key]).replace(/\{(\d+)\}/g, (_, i: string) => String(args[Number(i)] ?? ''));
}

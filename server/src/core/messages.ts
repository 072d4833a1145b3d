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
  'fix.choose': 'Choose "{0}"',
  'fix.insertDate': "Insert today's date ({0})",
  'fix.setState': 'Set item {0} to "{1}"',
  'fix.tickSummary': 'Tick "{0}" in the summary',
  'fix.untickSummary': 'Untick "{0}" in the summary',
  'fix.syncSummary': 'Sync all summary checkboxes with item states',
  'fix.count': 'Change the count to {0}',
  'fix.repairEncoding': 'Repair encoding ({0} → UTF-8)',
  'hover.placeholder': 'Placeholder',
  'hover.expects': 'Expects',
  'hover.kind.text': 'free text',
  'hover.kind.number': 'a number',
  'hover.kind.date': 'a date',
  'hover.kind.choice': 'one of: {0}',
  'hover.kind.slot': 'a value such as {0}',
  'hover.item': 'Item',
  'hover.owner': 'Owner',
  'hover.state': 'State',
  'hover.due': 'Due',
  'hover.blocker': 'blocker',
  'hover.openPlaceholders': 'Open placeholders',
  'hover.uncheckedBoxes': 'Unchecked boxes',
  'hover.noDue': 'no date',
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
  'fix.choose': 'Elegir "{0}"',
  'fix.insertDate': 'Insertar la fecha de hoy ({0})',
  'fix.setState': 'Cambiar el ítem {0} a "{1}"',
  'fix.tickSummary': 'Marcar "{0}" en el resumen',
  'fix.untickSummary': 'Desmarcar "{0}" en el resumen',
  'fix.syncSummary': 'Sincronizar las casillas del resumen con el estado de los ítems',
  'fix.count': 'Cambiar el número a {0}',
  'fix.repairEncoding': 'Reparar codificación ({0} → UTF-8)',
  'hover.placeholder': 'Campo a completar',
  'hover.expects': 'Espera',
  'hover.kind.text': 'texto libre',
  'hover.kind.number': 'un número',
  'hover.kind.date': 'una fecha',
  'hover.kind.choice': 'una de: {0}',
  'hover.kind.slot': 'un valor como {0}',
  'hover.item': 'Ítem',
  'hover.owner': 'Responsable',
  'hover.state': 'Estado',
  'hover.due': 'Vence',
  'hover.blocker': 'bloquer',
  'hover.openPlaceholders': 'Campos sin completar',
  'hover.uncheckedBoxes': 'Casillas sin marcar',
  'hover.noDue': 'sin fecha',
};

const tables: Record<string, Record<MessageKey, string>> = { en, es };

export type Translate = (key: MessageKey, ...args: (string | number)[]) => string;

const translators = new Map<string, Translate>();

/**
 * Returns the translator for a locale such as `es`, `es-AR` or `en-US`; the same
 * function for the same language, so callers may cache by it.
 */
export function translator(locale: string | undefined): Translate {
  const language = (locale ?? 'en').toLowerCase().split(/[-_]/)[0] ?? 'en';
  const table = tables[language] ?? en;
  let translate = translators.get(language);
  if (!translate) {
    // Templates are split once at their {n} holes; formatting is then a join.
    const compiled = new Map<MessageKey, (args: (string | number)[]) => string>();
    translate = (key, ...args) => {
      let format = compiled.get(key);
      if (!format) {
        const parts = (table[key] ?? en[key]).split(/\{(\d+)\}/);
        format = (values) => parts.map((part, i) => (i % 2 === 0 ? part : String(values[Number(part)] ?? ''))).join('');
        compiled.set(key, format);
      }
      return format(args);
    };
    translators.set(language, translate);
  }
  return translate;
}

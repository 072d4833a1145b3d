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
};

const tables: Record<string, Record<MessageKey, string>> = { en, es };

export type Translate = (key: MessageKey, ...args: (string | number)[]) => string;

/** Returns a translator for a locale such as `es`, `es-AR` or `en-US`. */
export function translator(locale: string | undefined): Translate {
  const language = (locale ?? 'en').toLowerCase().split(/[-_]/)[0] ?? 'en';
  const table = tables[language] ?? en;
  return (key, ...args) => (table[key] ?? en[key]).replace(/\{(\d+)\}/g, (_, i: string) => String(args[Number(i)] ?? ''));
}

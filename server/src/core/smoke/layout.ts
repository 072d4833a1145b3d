// What each line of a fenced shell block is, for recognising smoke tests and
// their evidence fields, filled or not. The output Readiness pastes is escaped
// with `escapeOutputLine` so that no pasted line can ever read as one of these
// structural lines: that is what lets a second run find and replace its own
// evidence instead of appending another copy.
import { classifyPlaceholder, findPlaceholders } from '../placeholders';

export type FieldKind = 'status' | 'time' | 'capture' | 'secret-note' | 'expect' | 'other';

export type LineKind =
  | { readonly kind: 'banner'; readonly number: string; readonly path: string }
  | { readonly kind: 'comment' }
  /** `curl`: a program a smoke test runs (see TEST_PROGRAM), not only curl. */
  | { readonly kind: 'command'; readonly curl: boolean; readonly text: string }
  | {
      readonly kind: 'field';
      readonly field: FieldKind;
      readonly label: string;
      /** "SessionId" of "SessionId obtenido", "LOG_TOKEN" of "LOG_TOKEN usado". */
      readonly subject: string;
      readonly value: string;
      readonly valueStart: number;
      /** The end of the value; for an empty value the end of the line, so a written value replaces trailing blanks. */
      readonly valueEnd: number;
    }
  | { readonly kind: 'output-placeholder' }
  | { readonly kind: 'blank' }
  | { readonly kind: 'free' };

// Everything structural starts at column 0, so indenting a line makes it free.
const BANNER = /^#+\s*(?:SMOKE[ -]?TEST|PRUEBA(?: DE HUMO)?|TEST)\s*#?\s*(\d+)\s*(?:[:.\-–—]\s*(\S+))?/i;
const COMMENT = /^#/;
const PROMPT = /^\$\s+(.*)$/;
const CURL = /^(?:time\s+)?curl(?:\s|$)/;
/** The programs a smoke test may run after a `$ ` prompt: curl, wget and httpie over HTTP, redis-cli, nc and telnet over TCP. */
const TEST_PROGRAM = /^(?:time\s+)?(?:curl|wget|https?|redis-cli|nc|telnet)(?:\s|$)/;
const FIELD = /^([^\s#$[{"'<>`|][^:]{0,59}):(?:[ \t]+(.*)|)$/;
const FENCE_MARK = /^\s{0,3}(?:`{3,}|~{3,})/;

const STATUS_LABELS = ['estado', 'status', 'resultado', 'result'];
const TIME_LABELS = [
  'tiempo de respuesta',
  'response time',
  'tiempo',
  'time',
  'latencia',
  'latency',
  'duración',
  'duracion',
  'duration',
];
const CAPTURE = /^(.+?)\s+(?:obtenid[oa]|capturad[oa]|recibid[oa]|obtained|captured|received)$/i;
const SECRET_NOTE = /^(.+?)\s+(?:usad[oa]|utilizad[oa]|used)$/i;
/** "Expected status", "Status esperado", "Claves esperadas", "Expect": what the test expects, written by its author. */
const EXPECT = /\b(?:expected|expect|esperad[oa]s?)\b/i;

export function classifyLine(text: string): LineKind {
  if (text.trim() === '') return { kind: 'blank' };
  const banner = BANNER.exec(text);
  if (banner) return { kind: 'banner', number: banner[1] ?? '', path: banner[2] ?? '' };
  if (COMMENT.test(text)) return { kind: 'comment' };
  const prompt = PROMPT.exec(text);
  if (prompt) return { kind: 'command', curl: TEST_PROGRAM.test(prompt[1] ?? ''), text: prompt[1] ?? '' };
  if (CURL.test(text)) return { kind: 'command', curl: true, text };
  const placeholders = findPlaceholders(text);
  const only = placeholders[0];
  if (placeholders.length === 1 && only && only.start === 0 && text.trimEnd() === text.slice(0, only.end)) {
    if (classifyPlaceholder(only.text).purpose === 'output') return { kind: 'output-placeholder' };
  }
  const field = FIELD.exec(text);
  if (field) {
    const label = (field[1] ?? '').trim();
    const written = field[2] ?? '';
    const value = written.trimEnd();
    const valueStart = value === '' ? (field[1] ?? '').length + 1 : text.length - written.length;
    const valueEnd = value === '' ? text.length : valueStart + value.length;
    const kind = fieldKind(label);
    if (kind) return { kind: 'field', field: kind.field, label, subject: kind.subject, value, valueStart, valueEnd };
    // An unknown label is structural only while it looks like a blank to fill in.
    if (value === '' || placeholders.length > 0)
      return { kind: 'field', field: 'other', label, subject: '', value, valueStart, valueEnd };
  }
  return { kind: 'free' };
}

function fieldKind(label: string): { field: Exclude<FieldKind, 'other'>; subject: string } | undefined {
  const lower = label.toLowerCase();
  if (STATUS_LABELS.includes(lower)) return { field: 'status', subject: '' };
  if (TIME_LABELS.includes(lower)) return { field: 'time', subject: '' };
  const capture = CAPTURE.exec(label);
  if (capture) return { field: 'capture', subject: (capture[1] ?? '').trim() };
  const secret = SECRET_NOTE.exec(label);
  if (secret) return { field: 'secret-note', subject: (secret[1] ?? '').trim() };
  if (EXPECT.test(label)) return { field: 'expect', subject: '' };
  return undefined;
}

/** Makes a pasted output line free text: indented, it can close no fence and start no field, comment or command. */
export function escapeOutputLine(line: string): string {
  if (FENCE_MARK.test(line)) return `    ${line}`;
  const kind = classifyLine(line).kind;
  return kind === 'free' || kind === 'blank' ? line : `    ${line}`;
}

// `<sid>`-style variables in a command. A name written like an environment
// variable (`<LOG_TOKEN>`, or `$LOG_TOKEN` in the shell) is a secret that comes
// from the SecretProvider; any other name (`<sid>`) is a value captured earlier
// in the run or filled in the document.
import type { CurlCommand, DataSource, FormField } from './curl';

const VARIABLE = /<([A-Za-z_][A-Za-z0-9_.-]*)>/g;
const SECRET_NAME = /^[A-Z][A-Z0-9_]*$/;

export const isSecretVariable = (name: string): boolean => SECRET_NAME.test(name);

export function variablesIn(text: string): string[] {
  return [...text.matchAll(VARIABLE)].map((m) => m[1] ?? '');
}

/** Every variable a command uses, in order of first appearance. */
export function commandVariables(command: CurlCommand): string[] {
  const texts = [
    command.url,
    ...command.headers.flatMap(([name, value]) => [name, value]),
    ...[...command.data, ...command.json].map(sourceText),
    ...command.form.map(formText),
    command.user ?? '',
  ];
  return [...new Set(texts.flatMap(variablesIn))];
}

function sourceText(source: DataSource): string {
  return source.kind === 'text' ? source.text : source.path;
}

function formText(field: FormField): string {
  return field.kind === 'text' ? `${field.name}=${field.value}` : `${field.name}=${field.path}`;
}

/** Replaces every known variable; unknown ones stay as written. */
export function substitute(text: string, values: ReadonlyMap<string, string>): string {
  return text.replace(VARIABLE, (whole, name: string) => values.get(name) ?? whole);
}

export function substituteCommand(command: CurlCommand, values: ReadonlyMap<string, string>): CurlCommand {
  const s = (text: string) => substitute(text, values);
  const source = (d: DataSource): DataSource =>
    d.kind === 'text' ? { kind: 'text', text: s(d.text) } : { ...d, path: s(d.path) };
  const field = (f: FormField): FormField =>
    f.kind === 'text' ? { ...f, value: s(f.value) } : { ...f, path: s(f.path) };
  return {
    ...command,
    url: s(command.url),
    headers: command.headers.map(([name, value]) => [s(name), s(value)] as const),
    data: command.data.map(source),
    json: command.json.map(source),
    form: command.form.map(field),
    user: command.user === undefined ? undefined : s(command.user),
  };
}

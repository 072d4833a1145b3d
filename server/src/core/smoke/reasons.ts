// Why a smoke test failed or was not run, as data, and its wording in English
// and Spanish: the editor words it in the display language, the evidence in the
// document's language.
import type { CommandProblem } from './curl';

export type SmokeReason =
  | { readonly code: 'http-status'; readonly status: number; readonly statusText: string }
  | { readonly code: 'redirect-not-followed'; readonly status: number }
  | { readonly code: 'too-many-redirects'; readonly max: number }
  | { readonly code: 'redirect-body-not-resent'; readonly status: number; readonly host: string; readonly method: string }
  | { readonly code: 'timeout'; readonly timeoutMs: number }
  | { readonly code: 'refused'; readonly host: string }
  | { readonly code: 'dns'; readonly host: string }
  | { readonly code: 'tls'; readonly detail: string; readonly insecureIgnored: boolean }
  | { readonly code: 'reset'; readonly host: string }
  | { readonly code: 'blocked-port'; readonly host: string }
  | { readonly code: 'network'; readonly detail: string }
  | { readonly code: 'missing-file'; readonly path: string }
  | { readonly code: 'file-outside-workspace'; readonly path: string }
  | { readonly code: 'unreadable-file'; readonly path: string }
  | { readonly code: 'criterion-missed'; readonly elapsedMs: number; readonly limitMs: number; readonly criterion: string }
  | { readonly code: 'not-json'; readonly detail: string }
  | { readonly code: 'jq-path'; readonly detail: string }
  | { readonly code: 'body-too-large'; readonly maxBytes: number }
  | { readonly code: 'missing-variable'; readonly name: string }
  | { readonly code: 'missing-secret'; readonly name: string }
  | { readonly code: 'undeclared-secret'; readonly name: string }
  | { readonly code: 'no-base-url'; readonly host: string }
  | { readonly code: 'foreign-host-refused'; readonly host: string }
  | { readonly code: 'foreign-host-secret'; readonly host: string; readonly secrets: readonly string[] }
  | { readonly code: 'not-runnable'; readonly problem: CommandProblem }
  | { readonly code: 'cancelled' };

type Language = 'en' | 'es';

const seconds = (ms: number) => `${Number((ms / 1000).toFixed(3))} s`;

export function describeReason(reason: SmokeReason, language: Language): string {
  const es = language === 'es';
  switch (reason.code) {
    case 'http-status':
      return `HTTP ${reason.status}${reason.statusText ? ` ${reason.statusText}` : ''}`;
    case 'redirect-not-followed':
      return es ? `HTTP ${reason.status}: redirección no seguida (falta -L)` : `HTTP ${reason.status}: redirect not followed (no -L)`;
    case 'too-many-redirects':
      return es ? `más de ${reason.max} redirecciones` : `more than ${reason.max} redirects`;
    case 'redirect-body-not-resent':
      return es
        ? `HTTP ${reason.status}: redirección a otro host (${reason.host}); el cuerpo del ${reason.method} no se reenvía allí`
        : `HTTP ${reason.status}: redirect to another host (${reason.host}); the ${reason.method} body is not sent there again`;
    case 'timeout':
      return es ? `sin respuesta en ${seconds(reason.timeoutMs)} (tiempo de espera agotado)` : `no response within ${seconds(reason.timeoutMs)} (timed out)`;
    case 'refused':
      return es ? `conexión rechazada por ${reason.host}` : `connection refused by ${reason.host}`;
    case 'dns':
      return es ? `no se encontró el host ${reason.host} (DNS)` : `host ${reason.host} not found (DNS)`;
    case 'tls': {
      const note = reason.insecureIgnored ? (es ? '; -k se ignora sin readiness.smoke.allowInsecureTls' : '; -k is ignored without readiness.smoke.allowInsecureTls') : '';
      return (es ? `error de TLS: ${reason.detail}` : `TLS error: ${reason.detail}`) + note;
    }
    case 'reset':
      return es ? `${reason.host} cerró la conexión` : `${reason.host} closed the connection`;
    case 'blocked-port':
      return es ? `el puerto de ${reason.host} está bloqueado para fetch` : `the port of ${reason.host} is blocked for fetch`;
    case 'network':
      return es ? `error de red: ${reason.detail}` : `network error: ${reason.detail}`;
    case 'missing-file':
      return es ? `no existe el archivo a subir ${reason.path}` : `upload file ${reason.path} does not exist`;
    case 'file-outside-workspace':
      return es ? `el archivo ${reason.path} está fuera de la carpeta del espacio de trabajo` : `file ${reason.path} is outside the workspace folder`;
    case 'unreadable-file':
      return es ? `no se puede leer el archivo ${reason.path}` : `cannot read file ${reason.path}`;
    case 'criterion-missed':
      return es
        ? `tardó ${seconds(reason.elapsedMs)}; el criterio es ${reason.criterion}`
        : `took ${seconds(reason.elapsedMs)}; the criterion is ${reason.criterion}`;
    case 'not-json':
      return es ? `la respuesta no es JSON (| jq): ${reason.detail}` : `the response is not JSON (| jq): ${reason.detail}`;
    case 'jq-path':
      return `jq: ${reason.detail}`;
    case 'body-too-large':
      return es ? `la respuesta supera ${reason.maxBytes} bytes` : `the response is over ${reason.maxBytes} bytes`;
    case 'missing-variable':
      return es
        ? `falta el valor de <${reason.name}>: ejecuta antes la prueba que lo obtiene o complétalo en el documento`
        : `no value for <${reason.name}>: run the test that captures it first, or fill it in the document`;
    case 'missing-secret':
      return es ? `no se proporcionó el secreto ${reason.name}` : `secret ${reason.name} was not provided`;
    case 'undeclared-secret':
      return es
        ? `<${reason.name}> no es un secreto que declare la lista de secretos del checklist: su valor no se leyó`
        : `<${reason.name}> is not a secret the checklist's secrets list declares: its value was not read`;
    case 'no-base-url':
      return es
        ? `no hay URL base para ${reason.host} (readiness.smoke.baseUrl o --base-url)`
        : `no base URL for ${reason.host} (readiness.smoke.baseUrl or --base-url)`;
    case 'foreign-host-refused':
      return es
        ? `${reason.host} no es el host de staging ni un host permitido (readiness.smoke.allowedHosts); no se envió`
        : `${reason.host} is neither the staging host nor an allowed host (readiness.smoke.allowedHosts); not sent`;
    case 'foreign-host-secret':
      return es
        ? `no se envía el secreto ${reason.secrets.join(', ')} a ${reason.host}, que no es un host permitido`
        : `secret ${reason.secrets.join(', ')} is never sent to ${reason.host}, which is not an allowed host`;
    case 'not-runnable':
      return (es ? 'no se puede ejecutar aquí: ' : 'not runnable here: ') + describeProblem(reason.problem, language);
    case 'cancelled':
      return es ? 'cancelada' : 'cancelled';
  }
}

export function describeProblem(problem: CommandProblem, language: Language): string {
  const es = language === 'es';
  switch (problem.code) {
    case 'not-curl':
      return es ? `el comando es ${problem.program || '(vacío)'}, no curl` : `the command is ${problem.program || '(empty)'}, not curl`;
    case 'shell-operator':
      return es ? `usa el operador de shell ${problem.operator}` : `it uses the shell operator ${problem.operator}`;
    case 'shell-expansion':
      return es ? `usa una expansión de shell (${problem.text})` : `it uses a shell expansion (${problem.text})`;
    case 'unbalanced-quotes':
      return es ? 'tiene comillas sin cerrar' : 'it has an unterminated quote';
    case 'unsupported-option':
      return es ? `la opción ${problem.option} de curl no está soportada` : `curl option ${problem.option} is not supported`;
    case 'missing-argument':
      return es ? `falta el valor de ${problem.option}` : `${problem.option} needs a value`;
    case 'bad-argument':
      return es ? `valor no válido para ${problem.option}: ${problem.value}` : `invalid value for ${problem.option}: ${problem.value}`;
    case 'stdin':
      return es ? 'lee de la entrada estándar' : 'it reads standard input';
    case 'no-url':
      return es ? 'no tiene URL' : 'it has no URL';
    case 'several-urls':
      return es ? 'tiene más de una URL' : 'it has more than one URL';
    case 'not-http':
      return es ? `${problem.url} no es una URL http(s)` : `${problem.url} is not an http(s) URL`;
    case 'url-glob':
      return es ? `la URL usa {…} o […] de curl (añade -g si son literales)` : `the URL uses curl's {…} or […] globbing (add -g if they are literal)`;
    case 'data-and-form':
      return es ? 'mezcla -d/--json con -F' : 'it mixes -d/--json with -F';
    case 'unsupported-pipe':
      return es ? `la tubería a ${problem.program} no está soportada (solo jq y head)` : `the pipe into ${problem.program} is not supported (only jq and head)`;
    case 'unsupported-pipe-argument':
      return es ? `${problem.program} ${problem.argument} no está soportado` : `${problem.program} ${problem.argument} is not supported`;
  }
}

// Turns a curl command whose variables are filled in into the HTTP request curl
// would send: method, headers with curl's defaults, and the body (form data,
// JSON, multipart with files read through the FileReader).
import { effectiveMethod, type CurlCommand, type DataSource } from './curl';
import { concat, contentTypeFor, encodeMultipart, type MultipartPart } from './multipart';
import type { FileReader, HttpRequest } from './ports';

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** Rejects with the FileReader's FileReadFailure when an upload cannot be read. */
export async function buildRequest(
  command: CurlCommand,
  url: string,
  files: FileReader,
  options: { insecure: boolean; maxBodyBytes: number },
): Promise<HttpRequest> {
  const headers: [string, string][] = command.headers.map(([name, value]) => [name, value]);
  const has = (name: string) => headers.some(([n]) => n.toLowerCase() === name);
  const setDefault = (name: string, value: string) => {
    if (!has(name)) headers.push([name, value]);
  };

  let body: Uint8Array | undefined;
  let target = url;
  if (command.form.length > 0) {
    const multipart = encodeMultipart(await formParts(command, files));
    body = multipart.body;
    const own = headers.findIndex(([n]) => n.toLowerCase() === 'content-type');
    // curl adds the boundary to a multipart Content-Type given without one.
    if (own === -1) headers.push(['Content-Type', multipart.contentType]);
    else if (/^multipart\/form-data\s*$/i.test(headers[own]?.[1] ?? ''))
      headers[own] = [headers[own]?.[0] ?? 'Content-Type', multipart.contentType];
  } else if (command.json.length > 0) {
    body = concat(await Promise.all(command.json.map((source) => sourceBytes(source, files))));
    setDefault('content-type', 'application/json');
    setDefault('accept', 'application/json');
  } else if (command.data.length > 0) {
    const parts = await Promise.all(command.data.map((source) => sourceBytes(source, files)));
    const joined = concat(parts.flatMap((part, i) => (i === 0 ? [part] : [encoder.encode('&'), part])));
    if (command.get) {
      target += (target.includes('?') ? '&' : '?') + decoder.decode(joined);
    } else {
      body = joined;
      setDefault('content-type', 'application/x-www-form-urlencoded');
    }
  }

  if (command.user !== undefined && !has('authorization'))
    headers.push(['Authorization', `Basic ${base64(encoder.encode(command.user))}`]);
  setDefault('user-agent', 'readiness-smoke');
  setDefault('accept', '*/*');
  // Without --compressed curl asks for no encoding at all; fetch would ask for gzip.
  setDefault('accept-encoding', command.compressed ? 'gzip, deflate, br' : 'identity');

  const uploads = [...command.data, ...command.json].flatMap((d) => (d.kind === 'text' ? [] : [d.path]));
  uploads.push(...command.form.flatMap((f) => (f.kind === 'text' ? [] : [f.path])));
  return {
    method: effectiveMethod(command),
    url: target,
    headers,
    body,
    insecure: options.insecure,
    maxBodyBytes: options.maxBodyBytes,
    uploads,
  };
}

async function sourceBytes(source: DataSource, files: FileReader): Promise<Uint8Array> {
  if (source.kind === 'text') return encoder.encode(source.text);
  const bytes = await files.read(source.path);
  return source.stripNewlines ? bytes.filter((b) => b !== 0x0a && b !== 0x0d) : bytes;
}

async function formParts(command: CurlCommand, files: FileReader): Promise<MultipartPart[]> {
  const parts: MultipartPart[] = [];
  for (const field of command.form) {
    if (field.kind === 'text') {
      parts.push({
        name: field.name,
        filename: undefined,
        contentType: undefined,
        content: encoder.encode(field.value),
      });
    } else if (field.kind === 'file-text') {
      parts.push({
        name: field.name,
        filename: undefined,
        contentType: undefined,
        content: await files.read(field.path),
      });
    } else {
      const content = await files.read(field.path);
      parts.push({
        name: field.name,
        filename: field.filename,
        contentType: field.contentType ?? contentTypeFor(field.filename),
        content,
      });
    }
  }
  return parts;
}

function base64(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

// A small RESP (REdis Serialization Protocol, version 2) codec: commands as arrays of bulk strings,
// replies read incrementally from the bytes received so far. Pure: the bytes come through the TCP port.

export type RespValue =
  | { readonly type: 'simple'; readonly value: string }
  | { readonly type: 'error'; readonly value: string }
  | { readonly type: 'integer'; readonly value: number }
  | { readonly type: 'bulk'; readonly value: string | null }
  | { readonly type: 'array'; readonly value: readonly RespValue[] | null };

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** `PING` → `*1\r\n$4\r\nPING\r\n`. */
export function encodeCommand(words: readonly string[]): Uint8Array {
  let text = `*${words.length}\r\n`;
  for (const word of words) text += `$${encoder.encode(word).length}\r\n${word}\r\n`;
  return encoder.encode(text);
}

/** One complete reply at the start of `bytes` and how many bytes it took; undefined while more are needed. */
export function decodeReply(bytes: Uint8Array, start = 0, depth = 0): { value: RespValue; end: number } | undefined {
  if (depth > 16) throw new RespError('reply nested too deeply');
  const lineEnd = indexOfCrlf(bytes, start);
  if (lineEnd === -1) return undefined;
  const kind = String.fromCharCode(bytes[start] ?? 0);
  const line = decoder.decode(bytes.subarray(start + 1, lineEnd));
  const next = lineEnd + 2;
  switch (kind) {
    case '+':
      return { value: { type: 'simple', value: line }, end: next };
    case '-':
      return { value: { type: 'error', value: line }, end: next };
    case ':':
      return { value: { type: 'integer', value: Number(line) }, end: next };
    case '$': {
      const length = lengthOf(line);
      if (length < 0) return { value: { type: 'bulk', value: null }, end: next };
      if (bytes.length < next + length + 2) return undefined;
      return {
        value: { type: 'bulk', value: decoder.decode(bytes.subarray(next, next + length)) },
        end: next + length + 2,
      };
    }
    case '*': {
      const count = lengthOf(line);
      if (count < 0) return { value: { type: 'array', value: null }, end: next };
      const items: RespValue[] = [];
      let at = next;
      for (let i = 0; i < count; i++) {
        const item = decodeReply(bytes, at, depth + 1);
        if (!item) return undefined;
        items.push(item.value);
        at = item.end;
      }
      return { value: { type: 'array', value: items }, end: at };
    }
    default:
      throw new RespError(`not a RESP reply (starts with ${JSON.stringify(kind)})`);
  }
}

/** How redis-cli prints a reply: `PONG`, the bulk text, `1) "maxmemory-policy"` lines, `(error) ...`, `(nil)`. */
export function printReply(value: RespValue, indent = ''): string[] {
  switch (value.type) {
    case 'simple':
      return [value.value];
    case 'error':
      return [`(error) ${value.value}`];
    case 'integer':
      return [`(integer) ${value.value}`];
    case 'bulk':
      return value.value === null ? ['(nil)'] : value.value.replace(/\r\n/g, '\n').replace(/\n+$/, '').split('\n');
    case 'array':
      if (value.value === null || value.value.length === 0) return ['(empty array)'];
      return value.value.flatMap((item, i) => {
        const [first = '', ...rest] =
          item.type === 'bulk' && item.value !== null ? [JSON.stringify(item.value)] : printReply(item, `${indent}   `);
        return [`${indent}${i + 1}) ${first}`, ...rest];
      });
  }
}

export class RespError extends Error {}

function lengthOf(line: string): number {
  const n = Number(line);
  if (!Number.isInteger(n) || n < -1 || n > 64 * 1024 * 1024)
    throw new RespError(`bad length ${JSON.stringify(line.slice(0, 20))}`);
  return n;
}

function indexOfCrlf(bytes: Uint8Array, from: number): number {
  for (let i = from; i + 1 < bytes.length; i++) if (bytes[i] === 13 && bytes[i + 1] === 10) return i;
  return -1;
}

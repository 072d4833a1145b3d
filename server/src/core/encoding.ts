// Detects and repairs mojibake: UTF-8 bytes that were decoded as Mac Roman or
// Windows-1252 ("PRODUCCI√ìN" for "PRODUCCIÓN"). Repair maps every character
// back to its byte in that encoding and decodes the bytes as strict UTF-8, so it
// either reproduces the original text exactly or does not apply.

// Apple's Mac OS Roman, bytes 0x80–0xFF (0xF0 is the Apple logo, U+F8FF).
const MAC_ROMAN =
  'ÄÅÇÉÑÖÜáàâäãåçéèêëíìîïñóòôöõúùûü' +
  '†°¢£§•¶ß®©™´¨≠ÆØ∞±≤≥¥µ∂∑∏π∫ªºΩæø' +
  '¿¡¬√ƒ≈∆«»…\u00A0ÀÃÕŒœ–—“”‘’÷◊ÿŸ⁄€‹›ﬁﬂ' +
  '‡·‚„‰ÂÊÁËÈÍÎÏÌÓÔ\uF8FFÒÚÛÙıˆ˜¯˘˙˚¸˝˛ˇ';

// Windows-1252, bytes 0x80–0x9F; 0xA0–0xFF are Latin-1. Text decoded as Latin-1
// instead holds C1 controls for 0x80–0x9F, so those map back to their byte too.
const WINDOWS_1252_80_9F = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';

export type LegacyEncoding = 'Mac Roman' | 'Windows-1252';

function table(chars: string, extra: readonly [string, number][] = []): Map<string, number> {
  const map = new Map<string, number>(extra);
  [...chars].forEach((char, i) => map.set(char, 0x80 + i));
  return map;
}

const LATIN1_A0_FF = Array.from({ length: 0x60 }, (_, i) => String.fromCharCode(0xa0 + i)).join('');
const C1_CONTROLS = Array.from({ length: 0x20 }, (_, i): [string, number] => [String.fromCharCode(0x80 + i), 0x80 + i]);

const encoders: readonly [LegacyEncoding, Map<string, number>][] = [
  ['Mac Roman', table(MAC_ROMAN)],
  ['Windows-1252', table(WINDOWS_1252_80_9F + LATIN1_A0_FF, C1_CONTROLS)],
];

const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

function reencode(text: string, map: Map<string, number>): string | undefined {
  const bytes = new Uint8Array(text.length);
  let length = 0;
  for (const char of text) {
    const code = char.charCodeAt(0);
    const byte = code < 0x80 ? code : map.get(char);
    if (byte === undefined) return undefined;
    bytes[length++] = byte;
  }
  try {
    return strictUtf8.decode(bytes.subarray(0, length));
  } catch {
    return undefined;
  }
}

const NON_ASCII_RUN = /[\u0080-\uFFFF]+/g;
/** Mojibake spreads each character over two to four: a line whose non-ASCII characters all stand alone (Spanish accents) is not damaged. */
const NON_ASCII_PAIR = /[\u0080-\uFFFF]{2}/;

export interface EncodingRepair {
  readonly encoding: LegacyEncoding;
  readonly repaired: string;
}

export interface LineRepair {
  /** 0-based line number. */
  readonly line: number;
  /** The line as it was written. */
  readonly damaged: string;
  readonly repaired: string;
}

export interface LinesRepair {
  readonly encoding: LegacyEncoding;
  /** Only the lines that are mis-encoded, in order. */
  readonly lines: readonly LineRepair[];
}

/**
 * Finds the lines that are UTF-8 mis-read as one legacy encoding, and their repair. Each line
 * stands on its own, so correct lines added to a mis-encoded file (or the other way round) leave
 * the damaged ones found and the correct ones alone. A line qualifies when every run of non-ASCII
 * characters in it maps back to bytes that are valid UTF-8, and the repair is shorter (real
 * mojibake spreads each character over two to four). A line without two non-ASCII characters in a
 * row is skipped, and any other correct line fails at its first accented letter or emoji.
 */
export function detectMojibakeLines(text: string): LinesRepair | undefined {
  if (!NON_ASCII_PAIR.test(text)) return undefined;
  const candidates = detectEach(text);
  // Where both encodings decode, the right one repairs more lines, and the wrong one leaves stray combining marks or controls.
  candidates.sort((a, b) => b.lines.length - a.lines.length || a.oddity - b.oddity);
  const best = candidates[0];
  return best && { encoding: best.encoding, lines: best.lines };
}

/** Each encoding that repairs a line of the text, with its repairs and their oddities. */
function detectEach(text: string): { encoding: LegacyEncoding; lines: LineRepair[]; oddity: number }[] {
  const lines = text.split('\n');
  const candidates: { encoding: LegacyEncoding; lines: LineRepair[]; oddity: number }[] = [];
  for (const [encoding, map] of encoders) {
    const repairs: LineRepair[] = [];
    let oddity = 0;
    lines.forEach((line, index) => {
      if (!NON_ASCII_PAIR.test(line)) return;
      const repaired = repairLine(line, map);
      if (repaired === undefined) return;
      repairs.push({ line: index, damaged: line, repaired });
      oddity += oddities(repaired);
    });
    if (repairs.length > 0) candidates.push({ encoding, lines: repairs, oddity });
  }
  return candidates;
}

/** What one encoding repairs in a text: how many lines, their oddities, and the first of them. */
export interface MojibakeTally {
  readonly encoding: LegacyEncoding;
  readonly count: number;
  readonly oddity: number;
  readonly first: LineRepair | undefined;
}

/**
 * {@link detectMojibakeLines} in parts: each encoding's tally for a piece of text (a block, whose lines
 * stand on their own), to be added up with {@link bestTally}.
 */
export function mojibakeTallies(text: string, firstLine = 0): MojibakeTally[] {
  const found = NON_ASCII_PAIR.test(text) ? detectEach(text) : [];
  return encoders.map(([encoding]) => {
    const own = found.find((f) => f.encoding === encoding);
    const first = own?.lines[0];
    return {
      encoding,
      count: own?.lines.length ?? 0,
      oddity: own?.oddity ?? 0,
      first: first && { ...first, line: first.line + firstLine },
    };
  });
}

/** The encoding whose tallies (one list per piece, in document order) repair the most lines, as detectMojibakeLines picks it. */
export function bestTally(pieces: readonly (readonly MojibakeTally[])[]): MojibakeTally | undefined {
  const totals = encoders.map(([encoding], i) => {
    let count = 0;
    let oddity = 0;
    let first: LineRepair | undefined;
    for (const piece of pieces) {
      const tally = piece[i];
      if (!tally || tally.count === 0) continue;
      count += tally.count;
      oddity += tally.oddity;
      first ??= tally.first;
    }
    return { encoding, count, oddity, first };
  });
  const candidates = totals.filter((t) => t.count > 0);
  candidates.sort((a, b) => b.count - a.count || a.oddity - b.oddity);
  return candidates[0];
}

function repairLine(line: string, map: Map<string, number>): string | undefined {
  let changed = false;
  let failed = false;
  const repaired = line.replace(NON_ASCII_RUN, (run) => {
    if (failed) return run;
    const back = reencode(run, map);
    if (back === undefined) {
      failed = true;
      return run;
    }
    changed ||= back !== run;
    return back;
  });
  if (failed || !changed || nonAscii(repaired) >= nonAscii(line)) return undefined;
  return repaired;
}

/** Repairs every mis-encoded line of the text; the text itself when none is. */
export function repairMojibake(text: string): string {
  const repair = detectMojibakeLines(text);
  if (!repair) return text;
  const lines = text.split('\n');
  for (const fix of repair.lines) lines[fix.line] = fix.repaired;
  return lines.join('\n');
}

/** The whole text repaired, when some of its lines are UTF-8 mis-read as a legacy encoding. */
export function detectMojibake(text: string): EncodingRepair | undefined {
  const repair = detectMojibakeLines(text);
  return repair && { encoding: repair.encoding, repaired: repairMojibake(text) };
}

const nonAscii = (text: string): number => text.match(/[\u0080-\uFFFF]/g)?.length ?? 0;
// Combining marks (text is mostly precomposed; emoji selectors aside), C1 controls, private use: what a wrong decoding leaves.
const oddities = (text: string): number =>
  text.match(/(?![\uFE0F\u20E3])\p{M}|[\u0080-\u009F]|[\uE000-\uF8FE]/gu)?.length ?? 0;

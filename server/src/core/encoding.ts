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
const SAMPLED_RUNS = 20;

export interface EncodingRepair {
  readonly encoding: LegacyEncoding;
  readonly repaired: string;
}

/**
 * Returns the repaired text when the whole text is UTF-8 mis-read as one legacy
 * encoding. A few runs of non-ASCII characters are tried first, so a clean
 * document costs almost nothing: its first accented letter or emoji fails.
 */
export function detectMojibake(text: string): EncodingRepair | undefined {
  const runs: string[] = [];
  for (const match of text.matchAll(NON_ASCII_RUN)) if (runs.push(match[0]) >= SAMPLED_RUNS) break;
  if (runs.length === 0) return undefined;
  const candidates: EncodingRepair[] = [];
  for (const [encoding, map] of encoders) {
    if (!runs.every((run) => reencode(run, map) !== undefined)) continue;
    const repaired = reencode(text, map);
    // Real mojibake spreads each character over two to four: the repair is shorter.
    if (repaired !== undefined && !repaired.includes('\uFFFD') && nonAscii(repaired) < nonAscii(text)) candidates.push({ encoding, repaired });
  }
  // Where both encodings decode, the wrong one leaves stray combining marks.
  return candidates.sort((a, b) => combiningMarks(a.repaired) - combiningMarks(b.repaired))[0];
}

const nonAscii = (text: string): number => text.match(/[\u0080-\uFFFF]/g)?.length ?? 0;
const combiningMarks = (text: string): number => text.match(/\p{M}/gu)?.length ?? 0;

// Hostile documents: shapes nobody writes by hand that make a markdown parser
// (or a careless regular expression) superlinear, recurse too deep, or choke.
// Each is a real checklist with an item before and an item after the hostile
// part, so a test can check that the rest of the document keeps its findings.

export interface HostileInput {
  readonly name: string;
  readonly text: string;
  /**
   * A valid document that is hostile by size alone (hundreds of kilobytes of ordinary items): its analysis
   * cannot cost less than parsing it, so the bench holds it to the bare parse of the same text, and its
   * longest uninterrupted step (what keeps the server from answering) to the per-input goal.
   */
  readonly large?: boolean;
}

const BEFORE =
  '# Entregables\n\n## 🔴 BLOQUERS\n\n### 1. Before\n**Estado**: ⏳ Pendiente\n**Responsable**: @ana\n- PR: [PEGAR ENLACE AL PR]\n\n### 2. Hostile\n**Estado**: ⏳ Pendiente\n\n';
const AFTER = '\n\n### 3. After\n**Estado**: ⏳ Pendiente\n- Captura: [PEGAR SCREENSHOT]\n';

/** The blanks of items 1 and 3, which every analysis of a hostile input must still report. */
export const SENTINELS = ['[PEGAR ENLACE AL PR]', '[PEGAR SCREENSHOT]'] as const;

const times = (n: number, f: (i: number) => string, sep = '') => Array.from({ length: n }, (_, i) => f(i)).join(sep);

/** Pseudo-random but reproducible bytes as text (what a binary file read as Latin-1 looks like). */
function binaryish(length: number): string {
  let x = 0x2545f491;
  let out = '';
  for (let i = 0; i < length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out += String.fromCharCode((x >>> 0) % 256);
  }
  return out;
}

/**
 * @param scale sizes of the shapes beyond the four the issue names (7,000 quotes, 10,000 `- `,
 *   1,500 list levels, 100,000 `[X]`): 1 in `npm run bench`, smaller in the tests.
 */
export function hostileInputs(scale = 1): HostileInput[] {
  const n = (count: number) => Math.max(1, Math.round(count * scale));
  const shapes: Record<string, string> = {
    'nested quotes (7,000 >)': '>'.repeat(7000) + ' deep',
    'nested lists on one line (10,000 "- ")': '- '.repeat(10000) + 'x',
    'indented list levels (1,500)': times(1500, (i) => '  '.repeat(i) + '- level ' + i, '\n'),
    'placeholders (100,000 [X])': times(100000, () => '[X]', ' '),
    'nested emphasis (5,000)': '*a '.repeat(n(5000)) + 'x' + ' b*'.repeat(n(5000)),
    'nested links (5,000)': '['.repeat(n(5000)) + 'x' + '](u)'.repeat(n(5000)),
    'nested HTML (5,000 <div>)': '<div>'.repeat(n(5000)) + 'x' + '</div>'.repeat(n(5000)),
    'backtick runs (1..700)': times(n(700), (i) => '`'.repeat(i + 1), ' a '),
    'huge table (20,000 rows)': '| Check | Value |\n|---|---|\n' + times(n(20000), (i) => `| row ${i} | [X] |`, '\n'),
    'one 4 MB line': times(n(400000), (i) => (i % 11 === 0 ? 'word_x ' : 'wordsabc ')).slice(0, n(4_000_000)),
    'thousands of headings (10,000 items)': times(
      n(10000),
      (i) => `### ${i + 4}. Item ${i}\n**Estado**: ⏳ Pendiente\n- Link: [PEGAR ENLACE]`,
      '\n\n',
    ),
    'spaces in a field (1,000,000)': '**Responsable**: ' + ' '.repeat(n(1_000_000)) + 'x',
    'punctuation before a blank (500,000 !)': '!'.repeat(n(500_000)) + '[X]',
    'unclosed brackets (200,000 [)': '['.repeat(n(200_000)),
    'HTML comments (50,000)': times(n(50000), (i) => `<!-- c${i} --> [X]`, '\n'),
    'binary-looking text (1 MB)': binaryish(n(1_000_000)),
    'lone surrogates and controls': times(
      n(20000),
      (i) => String.fromCharCode(0xd800 + (i % 2048)) + '\u0000\u0007\u2028[X]\r',
      '',
    ),
  };
  const large = new Set(['thousands of headings (10,000 items)']);
  return Object.entries(shapes).map(([name, part]) => ({
    name,
    text: BEFORE + part + AFTER,
    ...(large.has(name) ? { large: true } : {}),
  }));
}

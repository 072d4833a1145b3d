// Every rule of Readiness in one registry, with one shape: its id (the finding code), default
// severity, description (a catalogue key, in English and Spanish), where the README documents it,
// which checklist languages it reads, and when it runs. Rules over the model are created once per
// analyzer (a rule may keep a cache, as the secret scanner does per block); `missing-file` runs in
// the front ends once file facts are gathered (core/references); `skipped-large-file` is the
// analyzer's own answer for a document over the size limit.
import type { Language, MessageKey } from '../messages';
import type { FindingCode, Severity } from '../types';
import { evidenceFindings } from './evidence';
import { bracketedValueRule } from './bracketedValue';
import { mojibakeRule } from './mojibake';
import { overdueItems } from './overdue';
import type { Rule } from './rule';
import { SecretScanner } from './secretFindings';
import { signOffFindings } from './signoffs';
import { statusMismatches } from './statusMismatch';
import { structure } from './structure';
import { unknownStates } from './unknownState';
import { unfilledPlaceholders } from './unfilledPlaceholder';
import { unparsedDeadlines } from './unparsedDeadline';

export interface RuleMetadata {
  readonly id: FindingCode;
  /** The severity its findings have unless settings say otherwise (placeholders: `readiness.severity.*`). */
  readonly defaultSeverity: Severity;
  readonly description: MessageKey;
  /** The README section that documents it (`README.md#<id>`); test/checks/rule-docs.test.ts keeps each a real heading. */
  readonly docsAnchor: string;
  /** The checklist languages whose words it reads (field names, states, placeholders). */
  readonly languages: readonly Language[];
  /** `model`: run by the analyzer on every analysis; `files`: after the front end gathered file facts; `document`: the analyzer's own. */
  readonly stage: 'model' | 'files' | 'document';
  /** For `model` rules: a new instance of the rule, for one analyzer. */
  readonly create?: () => Rule;
}

const BOTH: readonly Language[] = ['en', 'es'];
const STALE = new Set(['stale-evidence'] as const);
const EDITED = new Set(['edited-evidence'] as const);
const FAILED = new Set(['status-mismatch'] as const);

export const RULES: readonly RuleMetadata[] = Object.freeze([
  {
    id: 'unfilled-placeholder',
    defaultSeverity: 'information',
    description: 'rule.unfilled-placeholder',
    docsAnchor: 'README.md#unfilled-placeholder',
    languages: BOTH,
    stage: 'model',
    create: () => unfilledPlaceholders,
  },
  {
    id: 'bracketed-value',
    defaultSeverity: 'hint',
    description: 'rule.bracketed-value',
    docsAnchor: 'README.md#bracketed-value',
    languages: BOTH,
    stage: 'model',
    create: bracketedValueRule,
  },
  {
    id: 'status-mismatch',
    defaultSeverity: 'warning',
    description: 'rule.status-mismatch',
    docsAnchor: 'README.md#status-mismatch',
    languages: BOTH,
    stage: 'model',
    // Also an item marked done whose smoke-test evidence shows a failure.
    create: () => (ctx) => [...statusMismatches(ctx), ...evidenceFindings(ctx.evidence, ctx.checklist, ctx.t, FAILED)],
  },
  {
    id: 'overdue',
    defaultSeverity: 'warning',
    description: 'rule.overdue',
    docsAnchor: 'README.md#overdue',
    languages: BOTH,
    stage: 'model',
    create: () => overdueItems,
  },
  {
    id: 'unparsed-deadline',
    defaultSeverity: 'hint',
    description: 'rule.unparsed-deadline',
    docsAnchor: 'README.md#unparsed-deadline',
    languages: BOTH,
    stage: 'model',
    create: () => unparsedDeadlines,
  },
  {
    id: 'unknown-state',
    defaultSeverity: 'information',
    description: 'rule.unknown-state',
    docsAnchor: 'README.md#unknown-state',
    languages: BOTH,
    stage: 'model',
    create: () => unknownStates,
  },
  {
    id: 'structure',
    defaultSeverity: 'warning',
    description: 'rule.structure',
    docsAnchor: 'README.md#structure',
    languages: BOTH,
    stage: 'model',
    create: () => structure,
  },
  {
    id: 'mojibake',
    defaultSeverity: 'warning',
    description: 'rule.mojibake',
    docsAnchor: 'README.md#mojibake',
    languages: BOTH,
    stage: 'model',
    create: mojibakeRule,
  },
  {
    id: 'secret',
    defaultSeverity: 'error',
    description: 'rule.secret',
    docsAnchor: 'README.md#secret',
    languages: BOTH,
    stage: 'model',
    create: () => {
      const scanner = new SecretScanner();
      return (ctx) => scanner.findings(ctx.text, ctx.blocks, ctx.settings.secretsAllow, ctx.t);
    },
  },
  // The evidence rules read the analysis's evidence records (the failed-evidence status-mismatch is part of status-mismatch's rule).
  {
    id: 'stale-evidence',
    defaultSeverity: 'warning',
    description: 'rule.stale-evidence',
    docsAnchor: 'README.md#stale-evidence',
    languages: BOTH,
    stage: 'model',
    create: () => (ctx) => evidenceFindings(ctx.evidence, ctx.checklist, ctx.t, STALE),
  },
  {
    id: 'edited-evidence',
    defaultSeverity: 'warning',
    description: 'rule.edited-evidence',
    docsAnchor: 'README.md#edited-evidence',
    languages: BOTH,
    stage: 'model',
    create: () => (ctx) => evidenceFindings(ctx.evidence, ctx.checklist, ctx.t, EDITED),
  },
  {
    id: 'stale-signoff',
    defaultSeverity: 'warning',
    description: 'rule.stale-signoff',
    docsAnchor: 'README.md#stale-signoff',
    languages: BOTH,
    stage: 'model',
    create: () => (ctx) => signOffFindings(ctx.signOffs, ctx.t),
  },
  {
    id: 'missing-file',
    defaultSeverity: 'warning',
    description: 'rule.missing-file',
    docsAnchor: 'README.md#missing-file',
    languages: BOTH,
    stage: 'files',
  },
  {
    id: 'skipped-large-file',
    defaultSeverity: 'information',
    description: 'rule.skipped-large-file',
    docsAnchor: 'README.md#skipped-large-file',
    languages: BOTH,
    stage: 'document',
  },
  // The analyzer's own: a section read as plain text (core/markdown/overload.ts), and one check that failed.
  {
    id: 'plain-text-block',
    defaultSeverity: 'information',
    description: 'rule.plain-text-block',
    docsAnchor: 'README.md#plain-text-block',
    languages: BOTH,
    stage: 'document',
  },
  // The server's own: what it leaves out of a list longer than the editor shows (core/findingsLimit.ts).
  {
    id: 'too-many-findings',
    defaultSeverity: 'information',
    description: 'rule.too-many-findings',
    docsAnchor: 'README.md#too-many-findings',
    languages: BOTH,
    stage: 'document',
  },
  {
    id: 'internal-error',
    defaultSeverity: 'information',
    description: 'rule.internal-error',
    docsAnchor: 'README.md#internal-error',
    languages: BOTH,
    stage: 'document',
  },
] satisfies RuleMetadata[]);

export function ruleMetadata(id: FindingCode): RuleMetadata {
  const rule = RULES.find((r) => r.id === id);
  if (!rule) throw new Error(`no rule ${id}`);
  return rule;
}

/** The rules the analyzer runs, each a fresh instance. */
export function createModelRules(): Rule[] {
  return RULES.flatMap((rule) => (rule.stage === 'model' && rule.create ? [rule.create()] : []));
}

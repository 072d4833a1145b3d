// The rule table, most specific first: when two findings of the same tier overlap,
// the one from the rule listed first is kept.
import type { SecretRule } from '../types';
import { assignmentRules } from './assignments';
import { credentialRules } from './credentials';
import { secretManagerRules } from './secretManagers';
import { vendorTokenRules } from './vendorTokens';

export const SECRET_RULES: readonly SecretRule[] = [
  ...vendorTokenRules,
  ...secretManagerRules,
  ...credentialRules,
  ...assignmentRules,
];

const byId = new Map(SECRET_RULES.map((rule) => [rule.id, rule]));

/** The rule with this id, e.g. to word a diagnostic from a match's `ruleId`. */
export function secretRule(id: string): SecretRule | undefined {
  return byId.get(id);
}

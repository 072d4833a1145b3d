// Values printed by secret-manager CLIs. The checklist asks for proof that a secret
// exists; owners paste the command they ran, and its output is the secret itself.
// Each rule starts at the command (its keyword) and reads that command's output: the
// lines after it up to the next prompt, fence or heading (and never past the next such
// command, so dense repetitions cost no more than one pass).
import type { SecretRule } from '../types';

// A JSON string body, escapes included.
const JSON_STRING = String.raw`(?:[^"\\\n]|\\.){1,8192}`;
// Output piped into something that prints a digest, a count or nothing is not the secret.
const NOT_DIGESTED = String.raw`(?![^\n]{0,2048}(?:\|[ \t]{0,32}(?:wc|sha\d*sum|shasum|md5sum|cksum|xxd|od|head[ \t]{1,32}-c|cut|grep[ \t]{1,32}-c)\b|>))`;
// One line of raw output: not a prompt, comment, fence, placeholder or JSON opener.
const OUTPUT_LINE = String.raw`[ \t]{0,32}(?<secret>[^\s$#\x60\[<{][^\n]{0,4095}?)[ \t]{0,32}\r?$`;

const VAULT_METADATA_ROWS = [
  'Key',
  'created_time',
  'custom_metadata',
  'deletion_time',
  'destroyed',
  'version',
  'refresh_interval',
  'lease_duration',
  'lease_id',
  'lease_renewable',
  'cas_required',
  'delete_version_after',
  'max_versions',
  'oldest_version',
  'current_version',
  'updated_time',
  'accessor',
  'creation_time',
  'creation_ttl',
  'display_name',
  'entity_id',
  'expire_time',
  'explicit_max_ttl',
  'issue_time',
  'meta',
  'num_uses',
  'orphan',
  'path',
  'policies',
  'renewable',
  'ttl',
  'type',
  'token_accessor',
  'token_duration',
  'token_renewable',
  'token_policies',
  'identity_policies',
  'policy',
  'data',
  'metadata',
].join('|');

export const secretManagerRules: readonly SecretRule[] = [
  {
    id: 'aws-secrets-manager-value',
    description: 'Secret value printed by aws secretsmanager get-secret-value',
    tier: 'context',
    keywords: ['get-secret-value', 'secretstring', 'secretbinary'],
    patterns: [
      new RegExp(
        String.raw`get-secret-value\b(?:[^\n]{0,2048}?--secret-id[= ]["']?(?<name>[\w/+=.@:-]{1,256}))?(?:(?!get-secret-value)[\s\S]){0,4000}?"Secret(?:String|Binary)"\s{0,32}:\s{0,32}"(?<secret>${JSON_STRING})"`,
        'g',
      ),
      new RegExp(
        String.raw`get-secret-value\b${NOT_DIGESTED}(?=[^\n]{0,2048}--query[= ]["']?Secret(?:String|Binary))(?=[^\n]{0,2048}--output[= ]["']?text)(?:[^\n]{0,2048}?--secret-id[= ]["']?(?<name>[\w/+=.@:-]{1,256}))?[^\n]{0,2048}\r?\n${OUTPUT_LINE}`,
        'gm',
      ),
      new RegExp(String.raw`"Secret(?:String|Binary)"\s{0,32}:\s{0,32}"(?<secret>${JSON_STRING})"`, 'g'),
    ],
    minEntropy: 2,
    freeForm: true,
    followLines: 40,
  },
  {
    id: 'vault-kv-value',
    description: 'Secret value printed by vault kv get / vault read',
    tier: 'context',
    keywords: ['vault kv get', 'vault read'],
    patterns: [
      // Rows of the Key/Value table, less Vault's own metadata rows (KV metadata, leases,
      // token lookups).
      new RegExp(
        String.raw`^(?!(?:${VAULT_METADATA_ROWS})\b)(?<name>[A-Za-z_][\w.-]{0,63})[ \t]{2,}(?<secret>\S{1,1024})[ \t]{0,32}\r?$`,
        'gm',
      ),
      new RegExp(
        String.raw`vault (?:kv get|read)\b${NOT_DIGESTED}[^\n]{0,2048}?\s-field[= ]["']?(?<name>[\w.-]{1,64})["']?[^\n]{0,2048}\r?\n${OUTPUT_LINE}`,
        'gm',
      ),
    ],
    minEntropy: 2,
    freeForm: true,
    followLines: 40,
  },
  {
    id: 'gcloud-secret-value',
    description: 'Secret value printed by gcloud secrets versions access',
    tier: 'context',
    keywords: ['gcloud secrets versions access'],
    patterns: [
      new RegExp(
        String.raw`gcloud secrets versions access\b${NOT_DIGESTED}(?:[^\n]{0,2048}?--secret[= ]["']?(?<name>[\w.-]{1,255}))?[^\n]{0,2048}\r?\n${OUTPUT_LINE}`,
        'gm',
      ),
    ],
    minEntropy: 2,
    freeForm: true,
    followLines: 3,
  },
  {
    id: 'azure-key-vault-value',
    description: 'Secret value printed by az keyvault secret show',
    tier: 'context',
    keywords: ['az keyvault secret show'],
    patterns: [
      new RegExp(
        String.raw`az keyvault secret show\b(?:[^\n]{0,2048}?(?:--name|-n)[= ]["']?(?<name>[\w-]{1,127}))?[^\n]{0,2048}\r?\n(?:(?!az keyvault)[\s\S]){0,4000}?"value"\s{0,32}:\s{0,32}"(?<secret>${JSON_STRING})"`,
        'g',
      ),
      new RegExp(
        String.raw`az keyvault secret show\b${NOT_DIGESTED}(?=[^\n]{0,2048}--query[= ]["']?value)(?:[^\n]{0,2048}?(?:--name|-n)[= ]["']?(?<name>[\w-]{1,127}))?[^\n]{0,2048}\r?\n${OUTPUT_LINE}`,
        'gm',
      ),
    ],
    minEntropy: 2,
    freeForm: true,
    followLines: 40,
  },
];

// The sample checklist with secrets pasted the way owners paste them. Every value is
// synthetic: it follows a format and nothing more.
import { sampleText } from './texts';

export const LOG_TOKEN_VALUE = 'Zx81kQ0pLmN3vB7cR2tY6uW9';
export const OPENAI_KEY_VALUE = `sk-proj-${'aB3dE5fG7hJ9kL1mN3pQ5rS7tU9vW1xY3zA5bC7dE9fG1hJ3kL5m'}`;

export function sampleWithSecrets(): string {
  return sampleText()
    .replace(
      '"http://staging-host/api/logs?token=<LOG_TOKEN>"',
      `"http://staging-host/api/logs?token=${LOG_TOKEN_VALUE}"`,
    )
    .replace('[PEGAR LOG DE BUILD DOCKER]', `Step 4/9 : ENV OPENAI_API_KEY=${OPENAI_KEY_VALUE}`);
}

const MB = 1_000_000;

/**
 * Inputs built to make a careless pattern backtrack: very long lines, keywords packed
 * densely, unterminated structures. The unit tests check what they yield; the bench
 * times them against a bare parse of the 1 MB document.
 */
export function adversarialSecretInputs(): Readonly<Record<string, string>> {
  return {
    'the sample on one line': sampleText().repeat(60).replace(/\n/g, ' '),
    'curl -u packed on one line': 'curl -u a:b '.repeat(MB / 12),
    'token= packed on one line': 'token=abc&'.repeat(MB / 10),
    'LOG_TOKEN= packed on one line': 'LOG_TOKEN='.repeat(MB / 10),
    'unterminated PEM headers': '-----BEGIN RSA PRIVATE KEY-----\n'.repeat(MB / 32),
    'Authorization headers packed': 'Authorization: Bearer '.repeat(MB / 22),
    'command outputs without prompts': 'vault kv get x\nKey  Value\n'.repeat(MB / 26),
    'URL schemes without hosts': 'redis://:'.repeat(MB / 9),
    'one long word': 'a'.repeat(MB),
    'tabs after a PEM header': `-----BEGIN RSA PRIVATE KEY-----\n${'\t'.repeat(MB)}`,
    // Issue 11's forms: prose connectors, a secret's noun before many words, CONFIG GET replies, npm config set.
    'secret names and connectors packed': 'LOG_TOKEN to as the '.repeat(MB / 20),
    'a secret noun before many words': `la contraseña de ${'palabra '.repeat(MB / 8)}`,
    'CONFIG GET reply names without values': '1) "requirepass"\n'.repeat(MB / 17),
    'npm config set without values': 'npm config set _authToken '.repeat(MB / 26),
    // Markdown around names, Spanish names with complements, key IDs without their secret.
    'bold names without values': '**API key:** '.repeat(MB / 13),
    'code span openers after names': 'key: `'.repeat(MB / 6),
    'complements after a secret noun': 'contraseña de la '.repeat(MB / 17),
    'two-word table names': '| API key | '.repeat(MB / 12),
    'access key IDs packed': 'AKIAZ7QW3RT5YUIOPL2M / '.repeat(MB / 23),
  };
}

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { declaredSecretNames, scanSecrets } from '../../server/src/core/secrets';
import { syntheticSecret } from '../fixtures/secrets/synthetic';
import { sampleText } from '../support/texts';

const hex = syntheticSecret('hex64', 'vocabulary');
const password = syntheticSecret('password', 'vocabulary');
const sampleNames = declaredSecretNames(sampleText());
const suggested = (text: string, vocabulary: readonly string[] = sampleNames) =>
  scanSecrets(text, { vocabulary }).map((m) => m.suggestedName);

describe('declaredSecretNames', () => {
  test('reads the sample checklist: the "Secrets confirmados" list and <LOG_TOKEN>', () => {
    assert.deepEqual(sampleNames, ['LOG_TOKEN', 'OPENAI_API_KEY', 'WHATSAPP_NUMBER', 'DB_CREDENTIALS']);
  });

  test('takes command variables and env-style names that end in a secret word', () => {
    const text =
      'curl -H "x-api-key: <PARTNER_API_KEY>" -d "$DB_PASSWORD" ${SESSION_SECRET} %SMTP_PASS%\nexport REDIS_PASSWORD\nGRAFANA_ADMIN_CREDENTIALS';
    assert.deepEqual(declaredSecretNames(text), [
      'PARTNER_API_KEY',
      'DB_PASSWORD',
      'SESSION_SECRET',
      'SMTP_PASS',
      'REDIS_PASSWORD',
      'GRAFANA_ADMIN_CREDENTIALS',
    ]);
  });

  test('leaves out command variables and names that are not secrets', () => {
    const text =
      'curl -d \'{"sessionId":"<sid>"}\' (target: <SLA>) $HOME <PUBLIC_KEY> STRIPE_PUBLISHABLE_KEY MAX_TOKENS OPENAI_TIMEOUT';
    assert.deepEqual(declaredSecretNames(text), []);
  });

  test('reads lists under any "secrets" label, in English or Spanish, and stops at the list end', () => {
    const text = [
      'Required secrets:',
      '- `SENTRY_DSN`',
      '- [x] WEBHOOK_SIGNING (rotated)',
      '',
      '- NOT_THIS_ONE',
      '',
      '### Secretos',
      '1. PAGERDUTY_ROUTING',
      '',
      '### 4. Secrets en Secret Manager',
      '',
      '- NOR_THIS_ONE',
    ].join('\n');
    assert.deepEqual(declaredSecretNames(text), ['SENTRY_DSN', 'WEBHOOK_SIGNING', 'PAGERDUTY_ROUTING']);
  });
});

describe('suggestedName', () => {
  test("the token of the /api/logs URL is the document's LOG_TOKEN", () => {
    assert.deepEqual(suggested(`curl -sS "http://staging-host/api/logs?token=${hex}" | head -n 40`), ['LOG_TOKEN']);
    assert.deepEqual(suggested(`curl -H "Authorization: Bearer ${hex}" http://staging-host/api/logs`), ['LOG_TOKEN']);
  });

  test('an OpenAI key is OPENAI_API_KEY, written or not', () => {
    const key = syntheticSecret('openai-project-key', 'vocabulary');
    assert.deepEqual(suggested(`la clave es ${key}`), ['OPENAI_API_KEY']);
    assert.deepEqual(suggested(`OPENAI_API_KEY=${key}`), ['OPENAI_API_KEY']);
  });

  test('a name written in words, English or Spanish, is offered as an env-style name: what it is for, then the noun', () => {
    assert.deepEqual(suggested(`contraseña: ${password}`), ['PASSWORD']);
    assert.deepEqual(suggested(`**Contraseña de admin:** \`${password}\``), ['ADMIN_PASSWORD']);
    assert.deepEqual(suggested(`Clave de API: ${hex}`), ['API_KEY']);
    assert.deepEqual(suggested(`Password for Grafana: ${password}`), ['GRAFANA_PASSWORD']);
    assert.deepEqual(suggested(`Token para el webhook = "${password}"`), ['WEBHOOK_TOKEN']);
  });

  test('the name written next to the value wins', () => {
    assert.deepEqual(suggested(`DB_CREDENTIALS=admin:${password}`), ['DB_CREDENTIALS']);
    assert.deepEqual(suggested(`LOG_TOKEN usado: ${hex}`), ['LOG_TOKEN']);
    assert.deepEqual(suggested(`REDIS_PASSWORD=${password}`), ['REDIS_PASSWORD']);
  });

  test('secret-manager output is named after the secret it was read from', () => {
    assert.deepEqual(suggested(`$ gcloud secrets versions access latest --secret=LOG_TOKEN\n${hex}`), ['LOG_TOKEN']);
    assert.deepEqual(
      suggested(`$ az keyvault secret show --vault-name kv --name LOG-TOKEN --query value -o tsv\n${hex}`),
      ['LOG_TOKEN'],
    );
    assert.deepEqual(
      suggested(
        `aws secretsmanager get-secret-value --secret-id arn:aws:secretsmanager:us-east-1:123456789012:secret:prod/LOG_TOKEN-AbC123 --query SecretString --output text\n${hex}`,
      ),
      ['LOG_TOKEN'],
    );
    assert.deepEqual(suggested(`$ vault kv get -field=OPENAI_API_KEY secret/readiness\n${hex}`), ['OPENAI_API_KEY']);
  });

  test('falls back to the usual name of the kind, never to a non-secret declared name', () => {
    assert.deepEqual(suggested(`redis-cli -h redis-staging -a ${password} ping`), ['REDIS_PASSWORD']);
    assert.deepEqual(suggested(`WHATSAPP_TOKEN=${syntheticSecret('meta-access-token', 'vocabulary')}`), [
      'WHATSAPP_TOKEN',
    ]);
    assert.deepEqual(suggested(`curl -u admin:${password} http://staging-host/api/logs`), ['HTTP_PASSWORD']);
  });

  test('is absent when nothing points at a name', () => {
    assert.deepEqual(
      suggested(
        `-----BEGIN RSA PRIVATE KEY-----\n${syntheticSecret('private-key', 'vocabulary')}\n-----END RSA PRIVATE KEY-----`,
        [],
      ),
      [undefined],
    );
  });

  test('the scanned text supplies the vocabulary when none is given', () => {
    const text = `Secrets confirmados:\n- [ ] PARTNER_SECRET\n\nSe probó con PARTNER_SECRET: ${password}`;
    assert.deepEqual(
      scanSecrets(text).map((m) => m.suggestedName),
      ['PARTNER_SECRET'],
    );
  });
});

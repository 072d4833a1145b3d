import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { SECRET_RULES, scanSecrets, secretRule } from '../../server/src/core/secrets';
import { syntheticSecret } from '../fixtures/secrets/synthetic';

// Synthetic values in each provider's format, generated at run time (never real keys).
const v = (kind: string, seed?: string): string => syntheticSecret(kind, seed ?? `rules-${kind}`);
const x = (length: number): string => 'x'.repeat(length);

interface RuleCase {
  /** Text before the value, the value, text after it: exactly the value must be reported. */
  readonly positive: readonly [before: string, value: string, after: string];
  /** Close to the format or the context, but not a secret: nothing is reported. */
  readonly nearMiss: string;
  /** The positive's context with a placeholder or a mask instead of the value: nothing is reported. */
  readonly twin: string;
}

const pem = (label: string, body: string): string => `-----BEGIN ${label}-----\n${body}\n-----END ${label}-----`;
const hex64 = v('hex64');
const password = v('password', 'rules-password');

const cases: Readonly<Record<string, RuleCase>> = {
  'openai-project-key': {
    positive: ['OPENAI_API_KEY=', v('openai-project-key'), ''],
    nearMiss: 'see sk-proj-Ab3dE9 in the log',
    twin: `OPENAI_API_KEY=sk-proj-${x(80)}`,
  },
  'openai-service-account-key': {
    positive: ['key: ', v('openai-service-account-key'), ''],
    nearMiss: 'key: sk-svcacct-Q7pLm2',
    twin: 'key: sk-svcacct-********',
  },
  'openai-admin-key': {
    positive: ['OPENAI_ADMIN_KEY="', v('openai-admin-key'), '"'],
    nearMiss: 'sk-admin-roles-and-permissions',
    twin: 'OPENAI_ADMIN_KEY="sk-admin-…"',
  },
  'anthropic-api-key': {
    positive: ['-H "x-api-key: ', v('anthropic-api-key'), '"'],
    nearMiss: 'prefix sk-ant-Zz9 only',
    twin: '-H "x-api-key: sk-ant-api03-…"',
  },
  'openai-legacy-key': {
    positive: ['openai.api_key = "', v('openai-legacy-key'), '"'],
    nearMiss: `build sk-${v('alnum32').slice(0, 31)}`,
    twin: 'openai.api_key = "sk-..."',
  },
  'aws-access-key-id': {
    positive: ['AWS_ACCESS_KEY_ID=', v('aws-access-key-id'), ''],
    nearMiss: 'AWS_ACCESS_KEY_ID=AKIA2QZ7',
    twin: 'AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE',
  },
  'aws-secret-access-key': {
    positive: ['aws_secret_access_key = ', v('aws-secret-access-key'), ''],
    nearMiss: `content_digest = ${v('aws-secret-access-key')}`,
    twin: 'aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
  },
  'github-classic-pat': {
    positive: ['GITHUB_TOKEN=', v('github-classic-pat'), ''],
    nearMiss: `ghp_${v('alnum32')}123`,
    twin: `GITHUB_TOKEN=ghp_${x(36)}`,
  },
  'github-oauth-token': {
    positive: ['oauth_token: ', v('github-oauth-token'), ''],
    nearMiss: `ref gho_${v('alnum32')}12345`,
    twin: `oauth_token: gho_${'*'.repeat(36)}`,
  },
  'github-app-token': {
    positive: ['{"token":"', v('github-app-token'), '"}'],
    nearMiss: `{"id":"ghx_${v('alnum32')}1234"}`,
    twin: `{"token":"ghs_${'0'.repeat(36)}"}`,
  },
  'github-fine-grained-pat': {
    positive: ['GITHUB_TOKEN=', v('github-fine-grained-pat'), ''],
    nearMiss: 'see github_pat_ tokens in the docs',
    twin: `GITHUB_TOKEN=github_pat_11AAAAAAA0000000000000_${x(59)}`,
  },
  'gitlab-token': {
    positive: ['PRIVATE-TOKEN: ', v('gitlab-token'), ''],
    nearMiss: 'glpat-Ab3dE9Q7pLm2',
    twin: `PRIVATE-TOKEN: glpat-${'X'.repeat(20)}`,
  },
  'slack-token': {
    positive: ['SLACK_BOT_TOKEN=', v('slack-token'), ''],
    nearMiss: 'xoxq-1234-5678-AbCdEfGhIjKl',
    twin: 'SLACK_BOT_TOKEN=xoxb-your-slack-bot-token',
  },
  'slack-webhook': {
    positive: ['https://hooks.slack.com/services/', v('slack-webhook'), ''],
    nearMiss: 'https://hooks.slack.com/services/T0123/B0123/',
    twin: 'https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX',
  },
  'discord-webhook': {
    positive: ['alerts: https://discord.com/api/webhooks/1187654321098765432/', v('discord-webhook'), ''],
    nearMiss: 'https://discord.com/api/webhooks/1187654321098765432/',
    twin: 'alerts: https://discord.com/api/webhooks/<WEBHOOK_ID>/<WEBHOOK_TOKEN>',
  },
  'stripe-secret-key': {
    positive: ['STRIPE_SECRET_KEY=', v('stripe-secret-key'), ''],
    nearMiss: `STRIPE_PUBLISHABLE_KEY=pk_live_51${v('alnum32')}`,
    twin: 'STRIPE_SECRET_KEY=sk_live_...',
  },
  'stripe-restricted-key': {
    positive: ['key ', v('stripe-restricted-key'), ''],
    nearMiss: `ref rk_prod_${v('alnum32')}`,
    twin: 'key rk_live_••••••••••••',
  },
  'google-api-key': {
    positive: ['&key=', v('google-api-key'), ''],
    nearMiss: `id AIza${v('alnum32').slice(0, 30)}`,
    twin: 'GOOGLE_API_KEY=AIzaSy...',
  },
  'google-oauth-token': {
    positive: ['$ gcloud auth print-access-token\n', v('google-oauth-token'), ''],
    nearMiss: 'ya29.short',
    twin: `ya29.${x(60)}`,
  },
  'gcp-service-account-key': {
    positive: ['"private_key": "', v('gcp-service-account-key'), '",'],
    nearMiss: `"private_key_id": "${v('sha1')}",`,
    twin: '"private_key": "-----BEGIN PRIVATE KEY-----\\n...\\n-----END PRIVATE KEY-----\\n",',
  },
  'private-key': {
    positive: ['-----BEGIN RSA PRIVATE KEY-----\n', v('private-key'), '\n-----END RSA PRIVATE KEY-----'],
    nearMiss: pem('PUBLIC KEY', v('public-key')),
    twin: pem('RSA PRIVATE KEY', 'MIIEowIBAAKCAQEA...'),
  },
  'twilio-api-key': {
    positive: ['TWILIO_API_KEY=', v('twilio-api-key'), ''],
    nearMiss: `message SM${v('hex32')}`,
    twin: `TWILIO_API_KEY=SK${x(32)}`,
  },
  'twilio-auth-token': {
    positive: ['TWILIO_AUTH_TOKEN=', v('twilio-auth-token'), ''],
    nearMiss: `"etag": "${v('hex32')}"`,
    twin: `TWILIO_AUTH_TOKEN=${'*'.repeat(32)}`,
  },
  'sendgrid-api-key': {
    positive: ['SENDGRID_API_KEY=', v('sendgrid-api-key'), ''],
    nearMiss: 'SG.readme.md',
    twin: `SENDGRID_API_KEY=SG.${x(22)}.${x(43)}`,
  },
  'mailgun-api-key': {
    positive: ["--user 'api:", v('mailgun-api-key'), "'"],
    nearMiss: `key-${v('hex32').slice(0, 31)}`,
    twin: `--user 'api:key-${x(32)}'`,
  },
  'npm-token': {
    positive: ['//registry.npmjs.org/:_authToken=', v('npm-token'), ''],
    nearMiss: `npm_${v('alnum32')}`,
    twin: `NPM_TOKEN=npm_${'*'.repeat(36)}`,
  },
  'npm-legacy-auth-token': {
    positive: ['//registry.npmjs.org/:_authToken=', v('npm-legacy-auth-token'), ''],
    nearMiss: '//registry.npmjs.org/:always-auth=true',
    twin: '//registry.npmjs.org/:_authToken=${NPM_TOKEN}',
  },
  'huggingface-token': {
    positive: ['HF_TOKEN=', v('huggingface-token'), ''],
    nearMiss: 'hf_hub_download_model_weights_now',
    twin: `HF_TOKEN=hf_${'*'.repeat(34)}`,
  },
  'telegram-bot-token': {
    positive: ['https://api.telegram.org/bot', v('telegram-bot-token'), '/getMe'],
    nearMiss: `chat 123456789:BB${v('opaque').slice(0, 33)}`,
    twin: `https://api.telegram.org/bot123456789:AA${x(33)}/getMe`,
  },
  'dockerhub-token': {
    positive: ['DOCKERHUB_TOKEN=', v('dockerhub-token'), ''],
    nearMiss: 'dckr_pat_Ab3dE9',
    twin: `DOCKERHUB_TOKEN=dckr_pat_${'*'.repeat(27)}`,
  },
  'digitalocean-token': {
    positive: ['doctl auth init -t ', v('digitalocean-token'), ''],
    nearMiss: `dop_v1_${v('hex64').slice(0, 63)}`,
    twin: `doctl auth init -t dop_v1_${x(64)}`,
  },
  'vault-token': {
    positive: ['export VAULT_TOKEN=', v('vault-token'), ''],
    nearMiss: 'hvs.Ab3dE9Q7pLm2',
    twin: `export VAULT_TOKEN=hvs.${'X'.repeat(24)}`,
  },
  'vault-legacy-token': {
    positive: ['X-Vault-Token: ', v('vault-legacy-token'), ''],
    nearMiss: `see ${v('vault-legacy-token')} in the index`,
    twin: `VAULT_TOKEN=s.${x(24)}`,
  },
  'azure-storage-key': {
    positive: ['AccountName=backups;AccountKey=', v('azure-storage-key'), ';EndpointSuffix=core.windows.net'],
    nearMiss: `"sha512": "${v('azure-storage-key', 'digest')}"`,
    twin: 'AccountKey=<storage-account-key>;',
  },
  'azure-ad-client-secret': {
    positive: ['AZURE_CLIENT_SECRET=', v('azure-ad-client-secret'), ''],
    nearMiss: `build ${v('azure-ad-client-secret').replace('Q~', 'Q-')}`,
    twin: `AZURE_CLIENT_SECRET=abc8Q~${'*'.repeat(34)}`,
  },
  'meta-access-token': {
    positive: ['-H "Authorization: Bearer ', v('meta-access-token'), '"'],
    nearMiss: 'EAAB is a prefix of Meta tokens',
    twin: `WHATSAPP_TOKEN=EAA${x(120)}`,
  },
  jwt: {
    positive: ['{"token": "', v('jwt'), '"}'],
    nearMiss: `header ${v('jwt').split('.').slice(0, 2).join('.')}`,
    twin: '{"token": "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c"}',
  },
  'aws-secrets-manager-value': {
    positive: ['    "SecretString": "', hex64, '",'],
    nearMiss: '    "SecretId": "prod/LOG_TOKEN",',
    twin: '    "SecretString": "<redacted>",',
  },
  'vault-kv-value': {
    positive: [
      '$ vault kv get secret/readiness\nKey          Value\n---          -----\napi_token    ',
      v('opaque'),
      '',
    ],
    nearMiss: '$ vault kv get secret/readiness\nKey          Value\n---          -----\nversion      3',
    twin: '$ vault kv get secret/readiness\nKey          Value\n---          -----\napi_token    <hidden>',
  },
  'gcloud-secret-value': {
    positive: ['$ gcloud secrets versions access latest --secret=LOG_TOKEN\n', hex64, ''],
    nearMiss: '$ gcloud secrets versions access latest --secret=LOG_TOKEN | wc -c\n65',
    twin: '$ gcloud secrets versions access latest --secret=LOG_TOKEN\n[NO PEGAR EL TOKEN]',
  },
  'azure-key-vault-value': {
    positive: ['$ az keyvault secret show --vault-name kv --name LOG-TOKEN --query value -o tsv\n', hex64, ''],
    nearMiss: '$ az keyvault secret show --vault-name kv --name LOG-TOKEN --query attributes\n{\n  "enabled": true\n}',
    twin: '$ az keyvault secret show --vault-name kv --name LOG-TOKEN\n{\n  "value": "<oculto>"\n}',
  },
  'postgres-url-password': {
    positive: ['postgres://app:', password, '@db:5432/app'],
    nearMiss: 'postgres://db:5432/app',
    twin: 'postgres://app:<PASSWORD>@db:5432/app',
  },
  'mysql-url-password': {
    positive: ['mysql://root:', password, '@db:3306/app'],
    nearMiss: 'mysql://root@db:3306/app',
    twin: 'mysql://root:${MYSQL_PASSWORD}@db:3306/app',
  },
  'mongodb-url-password': {
    positive: ['mongodb+srv://app:', password, '@cluster0.ab1cd.mongodb.net/'],
    nearMiss: 'mongodb://mongo-0:27017,mongo-1:27017/?replicaSet=rs0',
    twin: 'mongodb+srv://app:<password>@cluster0.ab1cd.mongodb.net/',
  },
  'redis-url-password': {
    positive: ['REDIS_URL=redis://:', password, '@redis-staging:6379/0'],
    nearMiss: 'REDIS_URL=redis://redis-staging:6379/0',
    twin: 'REDIS_URL=redis://:***@redis-staging:6379/0',
  },
  'amqp-url-password': {
    positive: ['amqp://worker:', password, '@rabbitmq:5672/'],
    nearMiss: 'amqp://guest:guest@localhost:5672/',
    twin: 'amqp://worker:{{ rabbitmq_password }}@rabbitmq:5672/',
  },
  'http-basic-auth-url': {
    positive: ['https://admin:', password, '@staging-host/api/metrics'],
    nearMiss: 'https://admin@staging-host/api/metrics',
    twin: 'https://admin:•••••@staging-host/api/metrics',
  },
  'url-password': {
    positive: ['smtps://alerts:', password, '@smtp.acme.com:465'],
    nearMiss: 'smtps://smtp.acme.com:465',
    twin: 'smtps://alerts:<password>@smtp.acme.com:465',
  },
  'authorization-header': {
    positive: ['-H "Authorization: Bearer ', v('opaque'), '"'],
    nearMiss: 'WWW-Authenticate: Bearer realm="api"',
    twin: '-H "Authorization: Bearer YOUR_TOKEN_HERE"',
  },
  'api-key-header': {
    positive: ['-H "x-api-key: ', v('alnum32'), '"'],
    nearMiss: '-H "x-api-version: 2023-06-01"',
    twin: '-H "x-api-key: YOUR_API_KEY"',
  },
  'curl-user-password': {
    positive: ['curl -sS -u admin:', password, ' http://staging-host/api/metrics'],
    nearMiss: 'curl -u admin http://staging-host/api/metrics',
    twin: 'curl -u admin:$ADMIN_PASSWORD http://staging-host/api/metrics',
  },
  'redis-cli-password': {
    positive: ['redis-cli -h redis-staging -a ', password, ' ping'],
    nearMiss: 'redis-cli -h redis-staging -p 6379 ping',
    twin: 'redis-cli -h redis-staging -a <REDIS_PASSWORD> ping',
  },
  'cli-password-flag': {
    positive: ['argocd login argocd.acme.internal --password ', password, ''],
    nearMiss: 'docker login -u ci --password-stdin registry.acme.internal',
    twin: 'argocd login argocd.acme.internal --password "$ARGOCD_PASSWORD"',
  },
  'query-parameter-secret': {
    positive: ['curl "http://staging-host/api/logs?token=', hex64, '"'],
    nearMiss: `curl "http://staging-host/api/session/validate?sessionId=${v('uuid')}"`,
    twin: 'curl "http://staging-host/api/logs?token=<LOG_TOKEN>"',
  },
  'secret-assignment': {
    positive: ['LOG_TOKEN=', hex64, ''],
    nearMiss: `SESSION_ID=${password}`,
    twin: 'LOG_TOKEN=[NO PEGAR EL TOKEN]',
  },
  'secret-in-prose': {
    positive: ['Se usó el token ', hex64, ' para la prueba.'],
    nearMiss: 'Se usó el token de staging para la prueba de /api/logs.',
    twin: `Se usó el token ${'*'.repeat(24)} para la prueba.`,
  },
};

const found = (text: string) => scanSecrets(text).map((m) => ({ ruleId: m.ruleId, value: text.slice(m.start, m.end) }));

describe('every secret rule', () => {
  test('has a positive, a near miss and a placeholder twin here', () => {
    assert.deepEqual(Object.keys(cases).sort(), SECRET_RULES.map((rule) => rule.id).sort());
  });

  for (const rule of SECRET_RULES) {
    const c = cases[rule.id];
    if (c === undefined) continue;
    describe(rule.id, () => {
      test('reports exactly the value of a positive', () => {
        const [before, value, after] = c.positive;
        const text = before + value + after;
        const matches = scanSecrets(text);
        assert.deepEqual(
          matches.map((m) => ({ ruleId: m.ruleId, start: m.start, end: m.end })),
          [{ ruleId: rule.id, start: before.length, end: before.length + value.length }],
        );
      });

      test('stays quiet on a near miss', () => {
        assert.deepEqual(found(c.nearMiss), []);
      });

      test('stays quiet on a placeholder or mask in the same place', () => {
        assert.deepEqual(found(c.twin), []);
      });
    });
  }
});

describe('the rule table', () => {
  test('ids are unique kebab-case and each rule is described in English', () => {
    const ids = SECRET_RULES.map((rule) => rule.id);
    assert.equal(new Set(ids).size, ids.length);
    for (const rule of SECRET_RULES) {
      assert.match(rule.id, /^[a-z0-9]+(?:-[a-z0-9]+)*$/);
      assert.ok(rule.description.length > 5, rule.id);
      assert.equal(secretRule(rule.id), rule);
    }
  });

  test('keywords are lower-case and every pattern is global with a secret group', () => {
    for (const rule of SECRET_RULES) {
      assert.ok(rule.keywords.length > 0, rule.id);
      for (const keyword of rule.keywords) assert.equal(keyword, keyword.toLowerCase(), rule.id);
      for (const pattern of rule.patterns) {
        assert.ok(pattern.global, `${rule.id}: ${pattern.source}`);
        assert.ok(pattern.source.includes('(?<secret>'), `${rule.id}: ${pattern.source}`);
      }
    }
  });

  test('covers every kind the issue lists', () => {
    const ids = new Set(SECRET_RULES.map((rule) => rule.id));
    for (const id of [
      'openai-legacy-key',
      'openai-project-key',
      'openai-service-account-key',
      'openai-admin-key',
      'anthropic-api-key',
      'aws-access-key-id',
      'aws-secret-access-key',
      'github-classic-pat',
      'github-oauth-token',
      'github-app-token',
      'github-fine-grained-pat',
      'gitlab-token',
      'slack-token',
      'slack-webhook',
      'discord-webhook',
      'stripe-secret-key',
      'stripe-restricted-key',
      'google-api-key',
      'gcp-service-account-key',
      'twilio-api-key',
      'twilio-auth-token',
      'sendgrid-api-key',
      'mailgun-api-key',
      'npm-token',
      'npm-legacy-auth-token',
      'huggingface-token',
      'telegram-bot-token',
      'dockerhub-token',
      'digitalocean-token',
      'vault-token',
      'vault-legacy-token',
      'azure-storage-key',
      'azure-ad-client-secret',
      'meta-access-token',
      'jwt',
      'private-key',
      'postgres-url-password',
      'mysql-url-password',
      'mongodb-url-password',
      'redis-url-password',
      'amqp-url-password',
      'http-basic-auth-url',
      'authorization-header',
      'curl-user-password',
      'redis-cli-password',
      'query-parameter-secret',
      'aws-secrets-manager-value',
      'vault-kv-value',
      'gcloud-secret-value',
      'azure-key-vault-value',
      'secret-assignment',
    ]) {
      assert.ok(ids.has(id), id);
    }
  });
});

describe('a finding', () => {
  test('never carries the secret value', () => {
    const text = `OPENAI_API_KEY=${v('openai-project-key')}\nredis-cli -a ${password} ping\nLOG_TOKEN=${hex64}`;
    const matches = scanSecrets(text);
    assert.equal(matches.length, 3);
    const serialised = JSON.stringify(matches);
    for (const m of matches) assert.ok(!serialised.includes(text.slice(m.start, m.end)));
    for (const m of matches)
      assert.deepEqual(
        Object.keys(m).sort(),
        ['description', 'end', 'ruleId', 'start', 'suggestedName'].filter((k) => k in m).sort(),
      );
  });

  test('offsets are UTF-16 offsets into the text, after emoji and accents', () => {
    const text = `📦 Configuración — ñandú ✅\nLOG_TOKEN usado: ${hex64}`;
    const [match] = scanSecrets(text);
    assert.equal(match?.start, text.indexOf(hex64));
    assert.equal(match?.end, text.indexOf(hex64) + hex64.length);
  });

  test('a value inside another credential is reported once, by the most specific rule', () => {
    const token = v('github-classic-pat');
    const matches = scanSecrets(`git clone https://x-access-token:${token}@github.com/acme/app.git`);
    assert.deepEqual(
      matches.map((m) => m.ruleId),
      ['github-classic-pat'],
    );
  });

  test('an AWS secret access key pasted next to its key ID is a finding of its own, however they are joined', () => {
    const id = v('aws-access-key-id');
    const key = v('aws-secret-access-key');
    for (const pair of [
      `${id} / ${key}`,
      `${id} ${key}`,
      `${id}:${key}`,
      `\`${id}\`, \`${key}\``,
      `| ${id} | ${key} |`,
      `"${id}","${key}"`,
    ]) {
      assert.deepEqual(
        found(`Credentials rotated: ${pair}`),
        [
          { ruleId: 'aws-access-key-id', value: id },
          { ruleId: 'aws-secret-access-key', value: key },
        ],
        pair,
      );
    }
    // 40 characters after an ID that are a placeholder, or prose, are not a key.
    assert.deepEqual(
      found(`${id} ${'x'.repeat(40)}`).map((m) => m.ruleId),
      ['aws-access-key-id'],
    );
    assert.deepEqual(
      found(`${id} is the deploy user's key, rotated last week by the platform team`).map((m) => m.ruleId),
      ['aws-access-key-id'],
    );
  });

  test('markdown around a name or its value, and Spanish names, do not hide a value', () => {
    const password = 'Xk9#mQ2$vL7pR4tZ';
    const hex = '9c8e7d6c5b4a39281706f5e4d3c2b1a0';
    for (const line of [
      `- [ ] password: \`${password}\``,
      `DB_PASSWORD=\`${password}\``,
      `**Password:** ${password}`,
      `**API key:** \`${hex}\``,
      `- API key: ${hex}`,
      `Integration key: \`${hex}\``,
      `| **API key** | \`${hex}\` |`,
      `| Contraseña | ${password} |`,
      `contraseña: ${password}`,
      `**Contraseña de admin:** \`${password}\``,
      `Clave de API: ${hex}`,
      `Password for Grafana: ${password}`,
      `Token para el webhook = "${password}"`,
    ]) {
      assert.deepEqual(
        found(line).map((m) => m.value),
        [line.includes(hex) ? hex : password],
        line,
      );
    }
  });

  test("a database client's password: quoted after mysql -p, or in the variable the client reads", () => {
    const password = 'Xk9mQ2vL7pR4tZq';
    for (const line of [
      `mysql -u root -p'${password}' -h db`,
      `PGPASSWORD=${password} psql -h db -U app`,
      `SSHPASS=${password} sshpass -e ssh deploy@host`,
    ])
      assert.deepEqual(
        found(line).map((m) => m.value),
        [password],
        line,
      );
    assert.deepEqual(found('mysql -u root -p -h db'), []);
    assert.deepEqual(found('PGPASSWORD=$DB_PASSWORD psql -h db'), []);
  });

  test('code spans that hold a command, a variable, a placeholder or a word are not values', () => {
    for (const line of [
      'OPENAI_API_KEY=`cat /run/secrets/openai`',
      'token: `$(gh auth token)`',
      'password: `${DB_PASSWORD}`',
      'token: `<your-token>`',
      'api key: `sk-...`',
      'key: `config.database.url`',
      'The `api_key` field: `string`',
      '| Clave | Valor |',
      '| Sort key | `created_at_desc` |',
      '| Public key | `ssh-ed25519` |',
      'Clave de partición: `tenant_id`',
      'Password for Grafana: see 1Password',
    ]) {
      assert.deepEqual(found(line), [], line);
    }
  });

  test('findings are sorted and do not overlap', () => {
    const text = `A=${v('openai-project-key')} B=postgres://u:${password}@h/db C=${v('jwt')}`;
    const matches = scanSecrets(text);
    assert.equal(matches.length, 3);
    for (let i = 1; i < matches.length; i++) assert.ok((matches[i - 1]?.end ?? 0) <= (matches[i]?.start ?? 0));
  });
});

describe('scan options', () => {
  test('allow drops accepted values (readiness.secrets.allow)', () => {
    const text = `LOG_TOKEN=${hex64}\nredis-cli -a ${password} ping`;
    assert.equal(scanSecrets(text).length, 2);
    assert.deepEqual(
      scanSecrets(text, { allow: [new RegExp(`^${hex64}$`)] }).map((m) => m.ruleId),
      ['redis-cli-password'],
    );
    assert.equal(scanSecrets(text, { allow: [/./g, /x/y] }).length, 0);
  });

  test('a name declared elsewhere makes its values secrets (vocabulary)', () => {
    const value = `${password}Z9`;
    assert.deepEqual(scanSecrets(`WHATSAPP_VERIFY=${value}`), []);
    assert.deepEqual(
      scanSecrets(`WHATSAPP_VERIFY=${value}`, { vocabulary: ['WHATSAPP_VERIFY'] }).map((m) => m.ruleId),
      ['secret-assignment'],
    );
  });

  test('empty and secret-free texts give nothing', () => {
    assert.deepEqual(scanSecrets(''), []);
    assert.deepEqual(scanSecrets('# Título\n\nNada que ver aquí.\n'), []);
  });
});

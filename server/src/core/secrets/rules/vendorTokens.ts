// Provider credentials recognised by their own format: a fixed prefix (sk-proj-,
// ghp_, xoxb-, AKIA) or structure (JWT, PEM) plus a random body. The prefix is the
// keyword, so these rules cost one indexOf each on text that has none of them.
//
// Boundaries: (?<![\w-]) … (?![\w-]) keep a token from matching inside a longer
// identifier; every quantifier is bounded so no line can make a rule backtrack far.
import type { SecretRule } from '../types';

export const vendorTokenRules: readonly SecretRule[] = [
  {
    id: 'openai-project-key',
    description: 'OpenAI project API key',
    tier: 'vendor',
    keywords: ['sk-proj-'],
    patterns: [/(?<![\w-])(?<secret>sk-proj-[A-Za-z0-9_-]{40,300})(?![\w-])/g],
    minEntropy: 4,
    minClasses: 3,
    conventionalName: 'OPENAI_API_KEY',
  },
  {
    id: 'openai-service-account-key',
    description: 'OpenAI service-account API key',
    tier: 'vendor',
    keywords: ['sk-svcacct-'],
    patterns: [/(?<![\w-])(?<secret>sk-svcacct-[A-Za-z0-9_-]{40,300})(?![\w-])/g],
    minEntropy: 4,
    minClasses: 3,
    conventionalName: 'OPENAI_API_KEY',
  },
  {
    id: 'openai-admin-key',
    description: 'OpenAI admin API key',
    tier: 'vendor',
    keywords: ['sk-admin-'],
    patterns: [/(?<![\w-])(?<secret>sk-admin-[A-Za-z0-9_-]{40,300})(?![\w-])/g],
    minEntropy: 4,
    minClasses: 3,
    conventionalName: 'OPENAI_ADMIN_KEY',
  },
  {
    id: 'anthropic-api-key',
    description: 'Anthropic API key',
    tier: 'vendor',
    keywords: ['sk-ant-'],
    patterns: [/(?<![\w-])(?<secret>sk-ant-[A-Za-z0-9_-]{40,200})(?![\w-])/g],
    minEntropy: 4,
    minClasses: 3,
    conventionalName: 'ANTHROPIC_API_KEY',
  },
  {
    // Listed after the prefixed OpenAI and Anthropic keys: sk- plus 32 to 64 letters and
    // digits, no dashes (the 48-character user keys, some with T3BlbkFJ in the middle).
    id: 'openai-legacy-key',
    description: 'OpenAI API key (legacy)',
    tier: 'vendor',
    keywords: ['sk-'],
    patterns: [/(?<![\w-])(?<secret>sk-[A-Za-z0-9]{32,64})(?![\w-])/g],
    minEntropy: 3.8,
    minClasses: 3,
    conventionalName: 'OPENAI_API_KEY',
  },
  {
    id: 'aws-access-key-id',
    description: 'AWS access key ID',
    tier: 'vendor',
    keywords: ['akia', 'asia', 'abia', 'acca', 'a3t'],
    patterns: [/(?<![A-Za-z0-9])(?<secret>(?:AKIA|ASIA|ABIA|ACCA|A3T[A-Z0-9])[A-Z2-7]{16})(?![A-Za-z0-9])/g],
    minEntropy: 3,
    conventionalName: 'AWS_ACCESS_KEY_ID',
  },
  {
    // 40 base64 characters say nothing alone; the key name next to them does
    // (credentials files, env, `aws configure`, STS JSON output), and so does the
    // access key ID they are pasted with ("AKIA… / wJal…", a table row, "ID:SECRET").
    id: 'aws-secret-access-key',
    description: 'AWS secret access key',
    tier: 'vendor',
    keywords: [
      'secret_access_key',
      'secretaccesskey',
      'secret access key',
      'secret-access-key',
      'aws_secret_key',
      'akia',
      'asia',
      'abia',
      'acca',
      'a3t',
    ],
    patterns: [
      /(?:aws_?secret_?(?:access_?)?key|secret[_-]?access[_-]?key|secret access key(?: \[[^\]\n]{0,40}\])?)["']?(?:\s{0,32}(?:[:=]|=>)\s{0,32}|[ \t]{1,32})["']?(?<secret>[A-Za-z0-9/+]{40})(?![A-Za-z0-9/+=])/gi,
      /(?<![A-Za-z0-9])(?:AKIA|ASIA|ABIA|ACCA|A3T[A-Z0-9])[A-Z2-7]{16}["'`]?(?:[ \t]{0,8}[/:,;|=][ \t]{0,8}|[ \t]{1,8})["'`]?(?<secret>[A-Za-z0-9/+]{40})(?![A-Za-z0-9/+=])/g,
    ],
    minEntropy: 3.5,
    minClasses: 3,
    conventionalName: 'AWS_SECRET_ACCESS_KEY',
  },
  {
    id: 'github-classic-pat',
    description: 'GitHub personal access token (classic)',
    tier: 'vendor',
    keywords: ['ghp_'],
    patterns: [/(?<![\w-])(?<secret>ghp_[A-Za-z0-9]{36})(?![\w-])/g],
    minEntropy: 3.5,
    minClasses: 3,
    conventionalName: 'GITHUB_TOKEN',
  },
  {
    id: 'github-oauth-token',
    description: 'GitHub OAuth access token',
    tier: 'vendor',
    keywords: ['gho_'],
    patterns: [/(?<![\w-])(?<secret>gho_[A-Za-z0-9]{36})(?![\w-])/g],
    minEntropy: 3.5,
    minClasses: 3,
    conventionalName: 'GITHUB_TOKEN',
  },
  {
    id: 'github-app-token',
    description: 'GitHub App token (user-to-server, server-to-server or refresh)',
    tier: 'vendor',
    keywords: ['ghu_', 'ghs_', 'ghr_'],
    patterns: [/(?<![\w-])(?<secret>gh[usr]_[A-Za-z0-9]{36,76})(?![\w-])/g],
    minEntropy: 3.5,
    minClasses: 3,
    conventionalName: 'GITHUB_TOKEN',
  },
  {
    id: 'github-fine-grained-pat',
    description: 'GitHub fine-grained personal access token',
    tier: 'vendor',
    keywords: ['github_pat_'],
    patterns: [/(?<![\w-])(?<secret>github_pat_[A-Za-z0-9]{22}_[A-Za-z0-9]{59})(?![\w-])/g],
    minEntropy: 3.5,
    minClasses: 3,
    conventionalName: 'GITHUB_TOKEN',
  },
  {
    id: 'gitlab-token',
    description: 'GitLab access token',
    tier: 'vendor',
    keywords: ['glpat-', 'gldt-', 'glrt-', 'glptt-', 'gloas-', 'glcbt-', 'glimt-', 'glsoat-'],
    patterns: [
      /(?<![\w-])(?<secret>gl(?:pat|dt|rt|ptt|oas|cbt|imt|soat)-[A-Za-z0-9_-]{20,64}(?:\.[A-Za-z0-9_-]{2,20}){0,2})(?![\w-])/g,
    ],
    minEntropy: 3.3,
    minClasses: 3,
    conventionalName: 'GITLAB_TOKEN',
  },
  {
    id: 'slack-token',
    description: 'Slack token',
    tier: 'vendor',
    keywords: ['xox', 'xapp-'],
    patterns: [
      /(?<![\w-])(?<secret>xox(?:[abprs]|e(?:\.xox[bp])?)-[A-Za-z0-9-]{10,250}|xapp-\d-[A-Z0-9]{9,12}-\d{10,16}-[a-z0-9]{32,80})(?![\w-])/g,
    ],
    minEntropy: 3.2,
    minClasses: 3,
    conventionalName: 'SLACK_TOKEN',
  },
  {
    id: 'slack-webhook',
    description: 'Slack incoming webhook URL',
    tier: 'vendor',
    keywords: ['hooks.slack.com'],
    patterns: [
      /hooks\.slack\.com\/(?:services|workflows|triggers)\/(?<secret>T[A-Z0-9]{6,12}\/[AB][A-Z0-9]{6,12}\/[A-Za-z0-9]{20,32})(?![A-Za-z0-9])/g,
    ],
    minEntropy: 3.5,
    conventionalName: 'SLACK_WEBHOOK_URL',
  },
  {
    // Whoever has the URL can post to the channel; the token is its last part.
    id: 'discord-webhook',
    description: 'Discord webhook URL',
    tier: 'vendor',
    keywords: ['discord.com/api/webhooks', 'discordapp.com/api/webhooks'],
    patterns: [
      /(?:ptb\.|canary\.)?discord(?:app)?\.com\/api\/webhooks\/\d{17,20}\/(?<secret>[A-Za-z0-9_-]{60,80})(?![A-Za-z0-9_-])/g,
    ],
    minEntropy: 3.5,
    conventionalName: 'DISCORD_WEBHOOK_URL',
  },
  {
    id: 'stripe-secret-key',
    description: 'Stripe secret key',
    tier: 'vendor',
    keywords: ['sk_live_', 'sk_test_'],
    patterns: [/(?<![\w-])(?<secret>sk_(?:live|test)_[A-Za-z0-9]{20,247})(?![\w-])/g],
    minEntropy: 3.5,
    minClasses: 3,
    conventionalName: 'STRIPE_SECRET_KEY',
  },
  {
    id: 'stripe-restricted-key',
    description: 'Stripe restricted key',
    tier: 'vendor',
    keywords: ['rk_live_', 'rk_test_'],
    patterns: [/(?<![\w-])(?<secret>rk_(?:live|test)_[A-Za-z0-9]{20,247})(?![\w-])/g],
    minEntropy: 3.5,
    minClasses: 3,
    conventionalName: 'STRIPE_RESTRICTED_KEY',
  },
  {
    id: 'google-api-key',
    description: 'Google API key',
    tier: 'vendor',
    keywords: ['aiza'],
    patterns: [/(?<![\w-])(?<secret>AIza[A-Za-z0-9_-]{35})(?![\w-])/g],
    minEntropy: 3.5,
    minClasses: 3,
    conventionalName: 'GOOGLE_API_KEY',
  },
  {
    // What `gcloud auth print-access-token` prints; valid for an hour, but an hour is enough.
    id: 'google-oauth-token',
    description: 'Google OAuth access token',
    tier: 'vendor',
    keywords: ['ya29.'],
    patterns: [/(?<![\w.-])(?<secret>ya29\.[A-Za-z0-9_-]{20,2048})(?![\w-])/g],
    minEntropy: 4,
    minClasses: 3,
    conventionalName: 'GOOGLE_ACCESS_TOKEN',
  },
  {
    // The key file's private_key is one JSON string with \n escapes; listed before the
    // PEM rule so the whole string is reported as this kind.
    id: 'gcp-service-account-key',
    description: 'Google Cloud service-account private key (JSON key file)',
    tier: 'vendor',
    keywords: ['"private_key"'],
    patterns: [
      /"private_key"\s{0,32}:\s{0,32}"(?<secret>-----BEGIN (?:RSA )?PRIVATE KEY-----\\n[^"]{40,8000}?-----END (?:RSA )?PRIVATE KEY-----(?:\\n)?)"/g,
    ],
    minEntropy: 4,
    conventionalName: 'GCP_SERVICE_ACCOUNT_KEY',
  },
  {
    id: 'private-key',
    description: 'Private key (PEM or OpenSSH)',
    tier: 'vendor',
    keywords: ['private key-----', 'private key block-----'],
    // The body between the armour lines, on real lines or in one string with \n escapes
    // (indentation and blockquote markers before the first line are not part of it). The
    // body never holds five dashes, which keeps each attempt from running past the next
    // armour line.
    patterns: [
      /-----BEGIN (?:(?:RSA|EC|DSA|OPENSSH|ENCRYPTED|PGP) )?PRIVATE KEY(?: BLOCK)?-----(?:\r?\n|(?:\\r)?\\n)[ \t>]{0,16}(?<secret>(?:(?!-----)[\s\S]){16,16000}?)(?:\r?\n|(?:\\r)?\\n)[ \t>]{0,16}-----END /g,
    ],
    minEntropy: 3.5,
    // Armour around a placeholder, an ellipsis or a note (`<key here>`, `MIIE...`, `REDACTED`) is not a key.
    isValue: isPemKeyMaterial,
    followLines: 300,
  },
  {
    id: 'twilio-api-key',
    description: 'Twilio API key',
    tier: 'vendor',
    keywords: ['sk'],
    patterns: [/(?<![A-Za-z0-9])(?<secret>SK[0-9a-f]{32})(?![A-Za-z0-9])/g],
    minEntropy: 3,
    minClasses: 3,
    conventionalName: 'TWILIO_API_KEY',
  },
  {
    // 32 hex digits need Twilio's name next to them, or the account SID before a colon (curl -u).
    id: 'twilio-auth-token',
    description: 'Twilio auth token',
    tier: 'vendor',
    keywords: ['twilio'],
    patterns: [
      /(?:twilio[\w. -]{0,30}?(?:auth[_ -]?token|secret)["']?\s{0,32}[:=]\s{0,32}["']?|(?<![A-Za-z0-9])AC[0-9a-f]{32}:)(?<secret>[0-9a-f]{32})(?![A-Za-z0-9])/gi,
    ],
    minEntropy: 3,
    conventionalName: 'TWILIO_AUTH_TOKEN',
  },
  {
    id: 'sendgrid-api-key',
    description: 'SendGrid API key',
    tier: 'vendor',
    keywords: ['sg.'],
    patterns: [/(?<![\w.-])(?<secret>SG\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43})(?![\w-])/g],
    minEntropy: 4,
    conventionalName: 'SENDGRID_API_KEY',
  },
  {
    id: 'mailgun-api-key',
    description: 'Mailgun API key',
    tier: 'vendor',
    keywords: ['key-', 'mailgun'],
    patterns: [/(?<![\w-])(?<secret>key-[0-9a-f]{32}|[0-9a-f]{32}-[0-9a-f]{8}-[0-9a-f]{8})(?![\w-])/g],
    minEntropy: 3,
    conventionalName: 'MAILGUN_API_KEY',
  },
  {
    id: 'npm-token',
    description: 'npm access token',
    tier: 'vendor',
    keywords: ['npm_'],
    patterns: [/(?<![\w-])(?<secret>npm_[A-Za-z0-9]{36})(?![\w-])/g],
    minEntropy: 3.5,
    minClasses: 3,
    conventionalName: 'NPM_TOKEN',
  },
  {
    // .npmrc: //registry.npmjs.org/:_authToken=… (legacy tokens are UUIDs), _auth, _password.
    id: 'npm-legacy-auth-token',
    description: 'npm registry credential in .npmrc (_authToken, _auth, _password)',
    tier: 'vendor',
    keywords: ['_authtoken', '_auth', '_password', 'npmauthtoken', 'npmauthident'],
    patterns: [
      // .npmrc and `npm config set KEY=VALUE` or `npm config set KEY VALUE` (npm, pnpm), the key
      // quoted or not; yarn berry's npmAuthToken/npmAuthIdent (`yarn config set`, .yarnrc.yml).
      /(?:^|[:\s"'])(?:_(?:authToken|auth|password)|npmAuth(?:Token|Ident))["']?(?:[ \t]{0,32}[=:][ \t]{0,32}|[ \t]{1,32})["']?(?<secret>[^\s"'#;()<>]{8,512})/gi,
      // `npm config get //registry…/:_authToken` prints the value on the next line.
      /\b(?:npm|pnpm|yarn)[ \t]{1,32}config[ \t]{1,32}get[ \t]{1,32}["']?[^\s"']{0,256}(?:_authToken|_auth|_password|npmAuthToken|npmAuthIdent)["']?[ \t]{0,32}\r?\n[ \t]{0,32}(?<secret>[^\s"'#;()<>]{8,512})[ \t]{0,32}\r?$/gim,
    ],
    minEntropy: 3,
    followLines: 1,
    freeForm: true,
    conventionalName: 'NPM_TOKEN',
  },
  {
    id: 'huggingface-token',
    description: 'Hugging Face access token',
    tier: 'vendor',
    keywords: ['hf_'],
    patterns: [/(?<![\w-])(?<secret>hf_[A-Za-z0-9]{30,40})(?![\w-])/g],
    minEntropy: 3.5,
    minClasses: 3,
    conventionalName: 'HF_TOKEN',
  },
  {
    id: 'telegram-bot-token',
    description: 'Telegram bot token',
    tier: 'vendor',
    keywords: [':aa'],
    // Often right after /bot in the API URL, so no word boundary before the digits.
    patterns: [/(?<![\d:])(?<secret>\d{8,10}:AA[A-Za-z0-9_-]{33})(?![\w-])/g],
    minEntropy: 3.5,
    conventionalName: 'TELEGRAM_BOT_TOKEN',
  },
  {
    id: 'dockerhub-token',
    description: 'Docker Hub access token',
    tier: 'vendor',
    keywords: ['dckr_'],
    patterns: [/(?<![\w-])(?<secret>dckr_(?:pat|oat)_[A-Za-z0-9_-]{27,64})(?![\w-])/g],
    minEntropy: 3.5,
    conventionalName: 'DOCKERHUB_TOKEN',
  },
  {
    id: 'digitalocean-token',
    description: 'DigitalOcean token',
    tier: 'vendor',
    keywords: ['_v1_'],
    patterns: [/(?<![\w-])(?<secret>do[opr]_v1_[a-f0-9]{64})(?![\w-])/g],
    minEntropy: 3,
    conventionalName: 'DIGITALOCEAN_TOKEN',
  },
  {
    id: 'vault-token',
    description: 'HashiCorp Vault token',
    tier: 'vendor',
    keywords: ['hvs.', 'hvb.', 'hvr.'],
    patterns: [/(?<![\w.-])(?<secret>hv[sbr]\.[A-Za-z0-9_-]{24,400})(?![\w-])/g],
    minEntropy: 3.5,
    minClasses: 3,
    conventionalName: 'VAULT_TOKEN',
  },
  {
    // Pre-1.10 tokens (s. plus 24 characters) are only recognisable next to Vault's name
    // or in the `token` row that `vault login` prints.
    id: 'vault-legacy-token',
    description: 'HashiCorp Vault token (legacy s. format)',
    tier: 'vendor',
    keywords: ['vault_token', 'vault-token', 'vault login', 'vault token'],
    patterns: [
      /(?:vault[_ -]token|vault login)["']?(?:\s{0,32}[:=]\s{0,32}|\s{1,32})["']?(?<secret>[sbr]\.[A-Za-z0-9]{24})(?![\w.-])/gi,
      /^token[ \t]{2,}(?<secret>s\.[A-Za-z0-9]{24})[ \t]{0,32}\r?$/gm,
    ],
    minEntropy: 3.5,
    followLines: 12,
    conventionalName: 'VAULT_TOKEN',
  },
  {
    id: 'azure-storage-key',
    description: 'Azure storage account key',
    tier: 'vendor',
    keywords: ['accountkey', 'account_key', 'storage_key', 'storagekey', '"keyname"'],
    patterns: [
      /(?:account|storage)_?key["']?\s{0,32}[:=]\s{0,32}["']?(?<secret>[A-Za-z0-9+/]{86}==)/gi,
      // az storage account keys list: {"keyName": "key1", "permissions": "FULL", "value": "…=="}
      /"keyName"\s{0,32}:\s{0,32}"key\d"[\s\S]{0,200}?"value"\s{0,32}:\s{0,32}"(?<secret>[A-Za-z0-9+/]{86}==)"/g,
    ],
    minEntropy: 4,
    followLines: 4,
    conventionalName: 'AZURE_STORAGE_KEY',
  },
  {
    // Entra ID (Azure AD) client secrets have had a Q~ after the fourth character since 2022.
    id: 'azure-ad-client-secret',
    description: 'Azure AD (Entra ID) client secret',
    tier: 'vendor',
    keywords: ['q~'],
    patterns: [/(?<![\w~.-])(?<secret>[A-Za-z0-9_~.-]{3}\dQ~[A-Za-z0-9_~.-]{31,34})(?![\w~.-])/g],
    minEntropy: 3.5,
    conventionalName: 'AZURE_CLIENT_SECRET',
  },
  {
    id: 'meta-access-token',
    description: 'Meta (Facebook, WhatsApp Business) access token',
    tier: 'vendor',
    keywords: ['eaa'],
    patterns: [/(?<![A-Za-z0-9])(?<secret>EAA[A-Za-z0-9]{80,400})(?![A-Za-z0-9])/g],
    minEntropy: 4,
    minClasses: 3,
    conventionalName: 'WHATSAPP_TOKEN',
  },
  {
    id: 'jwt',
    description: 'JSON Web Token',
    tier: 'vendor',
    keywords: ['eyj'],
    patterns: [
      /(?<![\w-])(?<secret>eyJ[A-Za-z0-9_-]{8,4000}\.eyJ[A-Za-z0-9_-]{8,8000}\.[A-Za-z0-9_-]{16,2000})(?![\w-])/g,
    ],
    minEntropy: 4,
  },
];

// RFC 1421 headers of a legacy encrypted key (Proc-Type, DEK-Info) and PGP armour headers (Version, Comment).
const ARMOUR_HEADER = /^[A-Za-z][\w-]{0,40}: /;
// The CRC-24 line that ends a PGP armoured block: `=` and four base64 characters.
const PGP_CHECKSUM = /^=[A-Za-z0-9+/]{4}$/;
const BASE64_LINE = /^[A-Za-z0-9+/]+={0,2}$/;
/** Less than this many base64 characters is the start of a key at most, not a key. */
const MIN_KEY_MATERIAL = 64;

/**
 * Whether the text between PEM armour lines is key material: lines of base64 (written on real
 * lines or with `\n` escapes, indented or quoted), after any armour headers, and enough of it.
 */
export function isPemKeyMaterial(body: string): boolean {
  const lines = body
    .split(/\r?\n|(?:\\r)?\\n/)
    .map((line) => line.replace(/^[ \t>]+/, '').trimEnd())
    .filter((line) => line !== '' && !ARMOUR_HEADER.test(line) && !PGP_CHECKSUM.test(line));
  return lines.length > 0 && lines.every((line) => BASE64_LINE.test(line)) && lines.join('').length >= MIN_KEY_MATERIAL;
}

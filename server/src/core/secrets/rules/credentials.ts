// Credentials recognised by where they stand rather than by their shape: the password
// of a connection URL, an Authorization header, `curl -u`, `redis-cli -a`, a --password
// flag, a token=… query parameter. The values are free-form, so besides entropy they
// must not look like a word, a number, a path (shapes.ts) or a placeholder (allowlist.ts).
import type { SecretRule } from '../types';

// scheme://user:password@host: the user part may be empty (redis://:pw@host); the
// password stops at the characters a URL would have percent-encoded.
function urlPasswordRule(
  id: string,
  description: string,
  schemes: string,
  keywords: readonly string[],
  conventionalName?: string,
): SecretRule {
  const pattern = new RegExp(
    String.raw`(?<![\w+.-])(?:${schemes})://(?<user>[^\s:@/?#\[\]"'<>]{0,128}):(?<secret>[^\s@/?#"'<>]{1,256})@(?=[\w\[])`,
    'gi',
  );
  const rule: SecretRule = {
    id,
    description,
    tier: 'context',
    keywords,
    patterns: [pattern],
    minEntropy: 2,
    freeForm: true,
  };
  return conventionalName === undefined ? rule : { ...rule, conventionalName };
}

const OTHER_URL_SCHEMES = [
  'smtp',
  'smtps',
  'imap',
  'imaps',
  'pop3',
  'pop3s',
  'ldap',
  'ldaps',
  'sqlserver',
  'mssql',
  'oracle',
  'cockroachdb',
  'clickhouse',
  'nats',
  'kafka',
  'sftp',
  'ssh',
  'memcached',
  'couchdb',
  'neo4j',
  'neo4j+s',
  'bolt',
  'cassandra',
  'influxdb',
  'mqtt',
  'mqtts',
  'stomp',
  'git',
  'svn',
];

// A header value: base64, base64url, hex and the like, up to the next quote or space.
const HEADER_VALUE = String.raw`[A-Za-z0-9._~+/=:-]{8,4096}(?![A-Za-z0-9._~+/=-])`;
// A command-line value: up to whitespace, a quote or a shell metacharacter, not starting
// like the next flag.
const ARGUMENT = String.raw`[^\s"'()<>|&;\x60-][^\s"'()<>|&;\x60]{0,511}`;
// The lines of one shell command: its own line and any ending in a backslash continuation.
const CONTINUED = String.raw`(?:[^\n]{0,2048}\\\r?\n){0,8}?[^\n]{0,2048}?`;

// A Redis configuration parameter that holds a secret: requirepass, masterauth, or any
// name with a password or secret word in it (tls-key-file-pass, sentinel-pass).
const REDIS_SECRET_PARAMETER = String.raw`(?:requirepass|masterauth|[\w.-]{0,64}(?:pass|passwd|password|secret|token)(?![\w-]{0,64}(?:file|user|name)\b))`;

export const credentialRules: readonly SecretRule[] = [
  urlPasswordRule(
    'postgres-url-password',
    'Password in a PostgreSQL connection URL',
    String.raw`postgres(?:ql)?(?:\+[a-z0-9]+)?`,
    ['postgres'],
    'POSTGRES_PASSWORD',
  ),
  urlPasswordRule(
    'mysql-url-password',
    'Password in a MySQL connection URL',
    String.raw`mysqlx?(?:\+[a-z0-9]+)?|mariadb`,
    ['mysql', 'mariadb'],
    'MYSQL_PASSWORD',
  ),
  urlPasswordRule(
    'mongodb-url-password',
    'Password in a MongoDB connection URL',
    String.raw`mongodb(?:\+srv)?`,
    ['mongodb'],
    'MONGODB_PASSWORD',
  ),
  urlPasswordRule(
    'redis-url-password',
    'Password in a Redis connection URL',
    String.raw`rediss?`,
    ['redis'],
    'REDIS_PASSWORD',
  ),
  urlPasswordRule(
    'amqp-url-password',
    'Password in an AMQP (RabbitMQ) connection URL',
    String.raw`amqps?`,
    ['amqp'],
    'AMQP_PASSWORD',
  ),
  urlPasswordRule('http-basic-auth-url', 'Password in an HTTP(S) URL (basic auth)', String.raw`https?|ftps?|wss?`, [
    'http',
    'ftp',
    'ws://',
    'wss://',
  ]),
  urlPasswordRule(
    'url-password',
    'Password in a connection URL',
    OTHER_URL_SCHEMES.map((s) => s.replace('+', String.raw`\+`)).join('|'),
    OTHER_URL_SCHEMES.map((s) => `${s}://`),
  ),
  {
    id: 'authorization-header',
    description: 'Credential in an Authorization header',
    tier: 'context',
    keywords: ['authorization'],
    // Authorization: …, "Authorization": "…", proxy_set_header Authorization "…", and
    // Postman's {"key": "Authorization", "value": "…"}.
    patterns: [
      new RegExp(
        String.raw`authorization["']?(?:\s{0,32},\s{0,32}["']?value["']?)?(?:\s{0,32}[:=]\s{0,32}|[ \t]{1,32})["']?(?:Bearer|Basic|Token|Bot|Digest|ApiKey|Api-Key|SSWS|Key|OAuth|JWT|sso-key|GenieKey)\s{1,32}(?<secret>${HEADER_VALUE})`,
        'gi',
      ),
    ],
    minEntropy: 3,
    minClasses: 2,
    freeForm: true,
  },
  {
    id: 'api-key-header',
    description: 'API key in a request header',
    tier: 'context',
    keywords: [
      'api-key',
      'apikey',
      'auth-token',
      'private-token',
      'access-token',
      'subscription-key',
      'functions-key',
      'x-token',
    ],
    patterns: [
      new RegExp(
        String.raw`(?<![\w-])(?:x-api-key|api-key|x-apikey|apikey|x-auth-token|x-access-token|private-token|x-goog-api-key|ocp-apim-subscription-key|x-functions-key|x-token)["']?\s{0,32}:\s{0,32}["']?(?<secret>${HEADER_VALUE})`,
        'gi',
      ),
    ],
    minEntropy: 3,
    minClasses: 2,
    freeForm: true,
    conventionalName: 'API_KEY',
  },
  {
    id: 'curl-user-password',
    description: 'Password in a curl -u/--user (or HTTPie -a) option',
    tier: 'context',
    keywords: ['curl', 'http'],
    patterns: [
      new RegExp(
        String.raw`\bcurl\b${CONTINUED}\s(?:-u|--user)(?:[ \t]{1,32}|=)?["']?(?<user>[^\s:"'/]{1,128}):(?<secret>[^\s"']{1,256})`,
        'g',
      ),
      new RegExp(
        String.raw`(?:^|[\s$>])https?(?=[ \t])${CONTINUED}\s(?:-a|--auth)(?:[ \t]{1,32}|=)["']?(?<user>[^\s:"'/]{1,128}):(?<secret>[^\s"']{1,256})`,
        'g',
      ),
    ],
    minEntropy: 2,
    freeForm: true,
    followLines: 8,
    conventionalName: 'HTTP_PASSWORD',
  },
  {
    id: 'redis-cli-password',
    description: 'Redis password (redis-cli -a, AUTH, requirepass)',
    tier: 'context',
    keywords: ['redis-cli', 'auth', 'requirepass', 'pass', 'config get', 'config set'],
    patterns: [
      new RegExp(String.raw`\bredis-cli\b${CONTINUED}\s(?:-a|--pass)[ \t]{1,32}["']?(?<secret>${ARGUMENT})`, 'g'),
      // AUTH typed at a redis-cli prompt (host:port>) or on its own line (telnet, nc).
      /(?:(?<![\w.-])[\w.-]{1,253}:\d{2,5}(?:\[\d{1,2}\])?>[ \t]{0,32}|^[ \t]{0,32})(?:AUTH|auth)[ \t]{1,32}(?:(?<user>[^\s"']{1,64})[ \t]{1,32})?["']?(?<secret>[^\s"']{1,256})["']?[ \t]{0,32}\r?$/gm,
      // redis.conf
      /^[ \t]{0,32}(?:requirepass|masterauth)[ \t]{1,32}["']?(?<secret>[^\s"']{1,256})["']?[ \t]{0,32}\r?$/gm,
      // A CONFIG GET reply: `1) "requirepass"` then `2) "value"` (any secret-named parameter:
      // masterauth, tls-key-file-pass…), or the two bare lines redis-cli --raw prints.
      new RegExp(
        String.raw`^[ \t]{0,32}\d{1,4}\)[ \t]{1,32}"${REDIS_SECRET_PARAMETER}"[ \t]{0,32}\r?\n[ \t]{0,32}\d{1,4}\)[ \t]{1,32}"(?<secret>[^"\n]{1,256})"`,
        'gim',
      ),
      new RegExp(
        String.raw`\bconfig[ \t]{1,32}get[ \t]{1,32}[^\n]{1,256}\r?\n[ \t]{0,32}${REDIS_SECRET_PARAMETER}[ \t]{0,32}\r?\n[ \t]{0,32}(?<secret>[^\s"']{1,256})[ \t]{0,32}\r?$`,
        'gim',
      ),
      // CONFIG SET requirepass "value"
      new RegExp(
        String.raw`\bconfig[ \t]{1,32}set[ \t]{1,32}${REDIS_SECRET_PARAMETER}[ \t]{1,32}["']?(?<secret>[^\s"']{1,256})`,
        'gi',
      ),
    ],
    minEntropy: 2,
    freeForm: true,
    followLines: 4,
    conventionalName: 'REDIS_PASSWORD',
  },
  {
    id: 'cli-password-flag',
    description: 'Password or token passed as a command-line option',
    tier: 'context',
    keywords: [
      '--pass',
      '--token',
      '--api-key',
      '--apikey',
      '--client-secret',
      '--auth-token',
      '--access-token',
      '-password',
      ' login',
      'sshpass',
      'mysql',
    ],
    patterns: [
      new RegExp(
        String.raw`(?<=\s)--(?:[a-z0-9]{1,20}-){0,3}(?:password|passwd|pass|token|api-key|apikey|client-secret|auth-token|access-token)(?:=|[ \t]{1,32})["']?(?<secret>${ARGUMENT})`,
        'g',
      ),
      new RegExp(
        String.raw`\b(?:(?:docker|podman|nerdctl|buildah) login|sshpass)\b[^\n]{0,2048}?\s-p[ \t]{0,32}["']?(?<secret>${ARGUMENT})`,
        'g',
      ),
      // mysql takes its password glued to -p (-pS3cret); a bare -p prompts for it.
      new RegExp(String.raw`\bmysql(?:dump|admin|sh)?\b[^\n]{0,2048}?\s-p["']?(?<secret>${ARGUMENT})`, 'g'),
    ],
    minEntropy: 2,
    freeForm: true,
  },
  {
    id: 'query-parameter-secret',
    description: 'Secret in a URL query parameter',
    tier: 'context',
    keywords: ['token=', 'key=', 'secret=', 'password=', 'passwd=', 'pwd=', 'sig=', 'auth='],
    // Not in the URL of an image: badges carry display tokens meant to be public
    // (Codecov's badge.svg?token=…).
    patterns: [
      /(?<!\.(?:svg|png|gif|jpe?g|webp)(?:\?[^\s?#"'<>]{0,512})?)[?&](?<name>[A-Za-z][\w.-]{0,40})=(?<secret>[^\s&#"'<>\\`)\]]{1,1024})/g,
    ],
    minEntropy: 2.5,
    freeForm: true,
    needsSecretName: 'lenient',
  },
];

// Starts the staging stand-in from the command line:
//   node --import tsx test/staging-server/main.ts [--port N] [--host H] [--log-token T]
//        [--slow-chat MS] [--fail PATH]... [--changed-shape] [--log-secret [VALUE]]
// Port 0 (the default) picks a free port; the URL is printed on the first line.
import { parseArgs } from 'node:util';
import { DEFAULT_LOG_TOKEN, startStagingServer } from './server';

const USAGE = `Usage: staging-server [--port N] [--host 127.0.0.1] [--log-token TOKEN] [--slow-chat MS] [--fail PATH]... [--log-secret [VALUE]]

The LOG_TOKEN accepted by /api/logs is --log-token, else $LOG_TOKEN, else ${DEFAULT_LOG_TOKEN}.`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '0' },
      host: { type: 'string', default: '127.0.0.1' },
      'log-token': { type: 'string' },
      'slow-chat': { type: 'string' },
      fail: { type: 'string', multiple: true },
      'log-secret': { type: 'boolean' },
      'changed-shape': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
    allowPositionals: true,
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const port = Number(values.port);
  const chatDelayMs = values['slow-chat'] === undefined ? undefined : Number(values['slow-chat']);
  if (!Number.isInteger(port) || port < 0 || port > 65535 || (chatDelayMs !== undefined && !(chatDelayMs >= 0))) {
    console.error(USAGE);
    process.exitCode = 2;
    return;
  }
  const server = await startStagingServer({
    host: values.host,
    port,
    logToken: values['log-token'] ?? process.env['LOG_TOKEN'] ?? DEFAULT_LOG_TOKEN,
    ...(chatDelayMs === undefined ? {} : { chatDelayMs }),
    failing: values.fail ?? [],
    changedShape: values['changed-shape'] === true,
    ...(values['log-secret'] ? { loggedSecret: 'sk-demo0123456789abcdefghijklmnop' } : {}),
  });
  console.log(`Staging stand-in listening on ${server.url}`);
  const stop = () => void server.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

void main();

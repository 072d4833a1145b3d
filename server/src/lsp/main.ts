// The language server (dist/server.js, through `server/src/main.ts`). The transport
// (--stdio, --node-ipc, --socket) is chosen from the command line; over stdio (what
// the extension uses) messages are encoded with cached diagnostics JSON (`cachedJson.ts`).
import {
  createConnection,
  ProposedFeatures,
  StreamMessageReader,
  StreamMessageWriter,
  type Connection,
} from 'vscode-languageserver/node';
import { cachedJsonEncoder } from './cachedJson';
import { startServer, type ServerHooks } from './server';

export type { ServerHooks };

function stdioConnection(): Connection {
  // Without the client at the other end of stdin there is nothing left to serve.
  for (const event of ['end', 'close'] as const) process.stdin.on(event, () => process.exit(1));
  return createConnection(
    ProposedFeatures.all,
    new StreamMessageReader(process.stdin),
    new StreamMessageWriter(process.stdout, { charset: 'utf-8', contentTypeEncoder: cachedJsonEncoder }),
  );
}

export function serve(hooks: ServerHooks = {}): void {
  const connection = process.argv.includes('--stdio') ? stdioConnection() : createConnection(ProposedFeatures.all);
  // Anything a library prints must not corrupt a stdio transport.
  console.log = connection.console.log.bind(connection.console);
  console.error = connection.console.error.bind(connection.console);
  startServer(connection, hooks);
  connection.listen();
}

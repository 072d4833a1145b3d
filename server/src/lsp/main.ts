// Entry point of dist/server.js. The transport (--stdio, --node-ipc, --socket)
// is chosen by vscode-languageserver from the command line.
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './server';

const connection = createConnection(ProposedFeatures.all);
// Anything a library prints must not corrupt a stdio transport.
console.log = connection.console.log.bind(connection.console);
console.error = connection.console.error.bind(connection.console);
startServer(connection);
connection.listen();

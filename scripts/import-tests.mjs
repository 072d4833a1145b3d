// Imports the given test files into this one process; node:test runs the tests they declare once
// they are all loaded, and sets a failing exit code if one fails. Used by run-tests.mjs for test/unit.
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

for (const file of process.argv.slice(2)) await import(pathToFileURL(resolve(file)).href);

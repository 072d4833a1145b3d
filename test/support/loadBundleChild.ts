// One process start for test/integration/code-cache.test.ts: loads a bundle through the
// code cache loader (`node --import tsx loadBundleChild.ts BUNDLE FOLDER|-`), calls its
// `value()` and saves the cache, and prints what happened as JSON. A fresh process per
// start, so V8 really reads the cache file rather than its in-process compilation cache.
import { loadBundle } from '../../server/src/node/codeCache';

const [bundlePath, folder] = process.argv.slice(2);
if (!bundlePath || !folder) throw new Error('usage: loadBundleChild.ts BUNDLE FOLDER|-');
const bundle = loadBundle<{ value(): unknown }>(bundlePath, folder === '-' ? undefined : folder);
const value = bundle.exports.value();
process.stdout.write(JSON.stringify({ cache: bundle.cache, value, saved: bundle.save() }));

// Checks that a packaged .vsix holds what an installed extension needs and no sources or tests.
import yauzl from 'yauzl';

const vsix = process.argv[2];
if (!vsix) {
  console.error('usage: node scripts/check-vsix.mjs FILE.vsix');
  process.exit(2);
}

const entries = await new Promise((resolve, reject) => {
  yauzl.open(vsix, { lazyEntries: true }, (error, zip) => {
    if (error) return reject(error);
    const names = [];
    zip.on('entry', (entry) => {
      names.push(entry.fileName);
      zip.readEntry();
    });
    zip.on('end', () => resolve(names));
    zip.on('error', reject);
    zip.readEntry();
  });
});
// vsce puts the extension's own files under extension/.
const files = entries.filter((name) => name.startsWith('extension/')).map((name) => name.slice('extension/'.length));
const required = [
  'dist/extension.js',
  'dist/server.js',
  'dist/cli.js',
  'dist/readiness.js',
  'package.json',
  'README.md',
  'CHANGELOG.md',
];
const requiredFolders = ['media/', 'syntaxes/', 'templates/'];
// README screenshots are linked from the repository, not shipped.
const forbidden = [/^test\//, /^client\//, /^server\//, /^scripts\//, /^docs\//, /\.ts$/, /\.map$/, /^node_modules\//];
const problems = [
  // vsce stores the licence as LICENSE.txt.
  ...(files.some((file) => /^LICENSE(\.txt|\.md)?$/i.test(file)) ? [] : ['missing LICENSE']),
  ...required
    .filter((file) => !files.some((name) => name.toLowerCase() === file.toLowerCase()))
    .map((file) => `missing ${file}`),
  ...requiredFolders
    .filter((folder) => !files.some((file) => file.startsWith(folder)))
    .map((folder) => `missing ${folder}`),
  ...files.filter((file) => forbidden.some((pattern) => pattern.test(file))).map((file) => `should not ship ${file}`),
];
if (problems.length > 0) {
  console.error(`${vsix}:\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
console.log(`${vsix}: ${files.length} files, contents as expected:\n  ${files.join('\n  ')}`);

// `npm run package`: builds readiness-<version>.vsix with vsce. The README's
// screenshots (docs/images/) stay in the repository, not in the VSIX, so the
// README inside the VSIX must point at where they are published: vsce rewrites
// relative image links against package.json's `repository`, or against
// READINESS_IMAGES_URL (e.g. https://raw.githubusercontent.com/OWNER/REPO/main/)
// when given. With neither, the links stay relative (the images show in the
// repository, not on the Marketplace page) and a warning says so.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

const manifest = JSON.parse(readFileSync('package.json', 'utf8'));
// `--out FILE` overrides where the VSIX goes (the bench packages into a temporary folder).
const outAt = process.argv.indexOf('--out');
const out = outAt === -1 ? `readiness-${manifest.version}.vsix` : process.argv[outAt + 1];
const args = ['package', '--no-dependencies', '--out', out];
const imagesUrl = process.env.READINESS_IMAGES_URL;
if (manifest.repository) {
  // vsce derives the image URLs from the repository.
} else if (imagesUrl) {
  args.push('--allow-missing-repository', '--baseImagesUrl', imagesUrl, '--baseContentUrl', imagesUrl);
} else {
  console.warn(
    'package: no `repository` in package.json and no READINESS_IMAGES_URL: README image links stay relative, so the Marketplace page will not show the screenshots.',
  );
  args.push('--allow-missing-repository', '--no-rewrite-relative-links');
}
const vsce = new URL('../node_modules/@vscode/vsce/vsce', import.meta.url);
const result = spawnSync(process.execPath, [vsce.pathname, ...args], { stdio: 'inherit' });
process.exit(result.status ?? 1);

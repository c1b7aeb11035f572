import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { minifyCssPlugin } from '../../scripts/minify-css.mjs';
import { libraryConfig } from '../../scripts/rollup-config.mjs';

// Entry points are exactly the package's exports (the barrel plus each `at-*.ts` registration
// file), read from their source condition, so a new subpath cannot be exported without being built.
const { exports } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));
const input = Object.values(exports)
  .map((target) => (typeof target === 'object' ? target['@all-together/source'] : undefined))
  .filter((source) => typeof source === 'string')
  .map((source) => source.replace(/^\.\//, ''));

// The CSS in this package's css`…` templates ships minified (comments and spare whitespace out).
const src = fileURLToPath(new URL('./src/', import.meta.url));
export default libraryConfig({
  input,
  after: [minifyCssPlugin({ include: (id) => id.startsWith(src) && id.endsWith('.ts') })],
});

import { readFileSync } from 'node:fs';
import json from '@rollup/plugin-json';
import { libraryConfig } from '../../scripts/rollup-config.mjs';

// Entry points are exactly the package's exports (the root and one per definition or fragment, see
// scripts/generate-catalogue.ts), read from their source condition. Definitions and fragments are
// JSON files (shipped as they are) and also bundled as ES modules, so that `getDefinition()` works
// in Node and in a browser bundle alike.
const { exports } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));
const input = Object.values(exports)
  .map((target) => (typeof target === 'object' ? target['@all-together/source'] : undefined))
  .filter((source) => typeof source === 'string')
  .map((source) => source.replace(/^\.\//, ''));

export default libraryConfig({ input, plugins: [json({ preferConst: true })] });

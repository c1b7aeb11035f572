import json from '@rollup/plugin-json';
import { libraryConfig } from '../../scripts/rollup-config.mjs';

// Definitions and fragments are JSON files (shipped as they are) and also bundled as ES modules, so
// that `getDefinition()` works in Node and in a browser bundle alike.
export default libraryConfig({ plugins: [json({ preferConst: true })] });

import { libraryConfig } from '../../scripts/rollup-config.mjs';

// Two entries: the package root, and the zod-free rules (`@all-together/model/rules.js`).
export default libraryConfig({ input: ['src/index.ts', 'src/rules.ts'] });

import { libraryConfig } from '../../scripts/rollup-config.mjs';

export default libraryConfig();

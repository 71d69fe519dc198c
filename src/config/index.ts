// The configuration layer's public face. Importing it is cheap: YAML and the
// schema library load on the first loadConfig call.
export { loadConfig, type LoadOptions, type LoadResult } from './load.js';
export { sampleConfig } from './sample.js';
export { listFlavors, isKnownFlavor, visibleFlavors, allFlavorNames, type FlavorSummary } from './flavors.js';
export type { Config } from './types.js';

// Node host networking: configuration generators (node-config) and the
// preflight check (node-check).
export { nodeNetworkParams, uplinkMtu, type NodeNetworkParams } from './params.js';
export { parseInventory, type RawInventory } from './inventory.js';
export { validateInventory } from './validate.js';
export { DEFAULT_NODE_FORMAT, formatFor, nodeFiles, writeNodeFiles, formatForStdout, NODE_FORMATS, type NodeFormat } from './files.js';
export type { NodeSpec } from './node.js';
export type { HostFile } from './host-file.js';
export { factsFromDir, factsFromHost, type NodeFacts } from './check/facts.js';
export { runNodeChecks, type CheckResult } from './check/checks.js';
export { checksFailed, formatChecksJson, formatChecksText } from './check/report.js';

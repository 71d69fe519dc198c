// The cluster model every command goes through: discoverFabric (what the
// fabric reports), then buildCluster (file + flags + facts -> Config + desired tree).
export { buildCluster, probeCluster, probeDesired, type Cluster, type ClusterSource } from './build.js';
export { discoverFabric, type DiscoverOptions, type FabricReader } from './discover.js';
export { offlineFacts, type FabricFacts } from './facts.js';

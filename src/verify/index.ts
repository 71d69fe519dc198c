// `verify`: the post-install checks, read off the same desired tree that
// provisioning posts, against what the APIC holds now.
import type { Config } from '../config/types.js';
import { buildDesiredState, type DesiredState } from '../provision/desired/index.js';
import type { StateReader } from '../provision/engine/state.js';
import { buildChecklist } from './checklist.js';
import { readClusterInfo, type InventoryReader } from './inventory.js';
import { readApicState } from './read.js';
import type { VerifyReport } from './report.js';

export type { VerifyReport } from './report.js';
export { formatVerifyJson, formatVerifyText } from './report.js';

export interface VerifyInput {
  config: Config;
  /** The cluster's desired objects (src/cluster); default: built from `config`. */
  desired?: DesiredState;
  /** Reads the desired objects' current state (an ApicClient through apicStateReader, or memory). */
  reader: StateReader;
  /** Reads the running cluster's inventory; omitted: no information section. */
  inventory?: InventoryReader;
  /** Where the state comes from, for the report's heading. */
  apic: string;
  /** `className.attribute` pairs not to compare. */
  ignore?: ReadonlySet<string>;
  notes?: string[];
}

export async function verifyCluster(input: VerifyInput): Promise<VerifyReport> {
  const state = input.desired ?? buildDesiredState(input.config);
  let requests = 0;
  const counting: InventoryReader | undefined = input.inventory && {
    getChildren: (dn, classes) => {
      requests++;
      return input.inventory!.getChildren(dn, classes);
    },
  };
  const [snapshot, info] = await Promise.all([
    readApicState(input.reader, state),
    counting ? readClusterInfo(counting, input.config) : Promise.resolve([]),
  ]);
  const checklist = buildChecklist(state, snapshot, input.ignore ? { ignore: input.ignore } : {});
  return {
    ok: checklist.ok,
    apic: input.apic,
    tenant: input.config.aci_config.cluster_tenant,
    systemId: input.config.aci_config.system_id,
    checklist,
    info,
    requests: requests + snapshot.reads,
    notes: input.notes ?? [],
  };
}

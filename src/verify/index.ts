// `verify`: the post-install checks, read off the same desired tree that
// provisioning posts, against what the APIC holds now.
import type { Config } from '../config/types.js';
import { buildDesiredState, type DesiredState } from '../provision/desired/index.js';
import type { StateReader } from '../provision/engine/state.js';
import { buildChecklist } from './checklist.js';
import { readClusterInfo, type InventoryReader } from './inventory.js';
import { readApicState } from './read.js';
import { checkRunningCluster, type RunningExpectation, type RunningReader } from './running.js';
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
  /**
   * Check the running cluster (`--nodes`, `--kubeconfig`): these nodes, the usual namespaces
   * and the L4-L7 objects of its LoadBalancer services become FAIL/PASS lines
   * instead of information. Read through `inventory`'s client.
   */
  running?: { expect: RunningExpectation; reader: RunningReader };
  /** Where the state comes from, for the report's heading. */
  apic: string;
  /** `className.attribute` pairs not to compare. */
  ignore?: ReadonlySet<string>;
  /** Remarks printed before the checks. */
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
  const [snapshot, info, running] = await Promise.all([
    readApicState(input.reader, state),
    counting && !input.running ? readClusterInfo(counting, input.config) : Promise.resolve([]),
    input.running ? checkRunningCluster(input.running.reader, input.config, input.running.expect) : Promise.resolve(undefined),
  ]);
  const checklist = buildChecklist(state, snapshot, input.ignore ? { ignore: input.ignore } : {});
  if (running) {
    requests += running.reads;
    const lines = running.group.checks;
    const failed = lines.filter((c) => c.status === 'fail').length;
    checklist.groups.push(running.group);
    checklist.summary = {
      checks: checklist.summary.checks + lines.length,
      passed: checklist.summary.passed + lines.length - failed,
      failed: checklist.summary.failed + failed,
      objects: checklist.summary.objects + lines.length,
    };
    checklist.ok = checklist.summary.failed === 0;
  }
  return {
    ok: checklist.ok,
    apic: input.apic,
    tenant: input.config.aci_config.cluster_tenant,
    systemId: String(input.config.aci_config.system_id),
    checklist,
    info,
    requests: requests + snapshot.reads,
    notes: [...(input.notes ?? []), ...(running?.notes ?? [])],
  };
}

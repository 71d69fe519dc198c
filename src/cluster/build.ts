// Step two of every command: the cluster as one typed model. The user's
// file and flags, layered with what the fabric reported (src/cluster/facts.ts),
// give the Config; the Config gives the desired ACI objects. Generation,
// the dump, -a, -d, plan, verify and the node commands all read this one
// model, so what -a writes is exactly what verify checks.
import { nameRule } from '../aci/names.js';
import { loadConfig, type LoadOptions, type LoadResult } from '../config/load.js';
import type { Config } from '../config/types.js';
import { InputError, type Problem } from '../errors.js';
import { buildDesiredState } from '../provision/desired/index.js';
import { allObjects } from '../provision/desired/requests.js';
import type { DesiredState } from '../provision/desired/types.js';
import { offlineFacts, type FabricFacts } from './facts.js';
import { neighbourFindings } from './neighbours.js';

/** The configuration as given: the file's text and the flags. */
export interface ClusterSource {
  text: string;
  /** Shown in problems (`cfg.yaml:12:3`); `<stdin>` for standard input. */
  file: string;
  /** The flags; `infraVlan` is `--infra-vlan`. */
  options: LoadOptions;
}

export interface Cluster {
  config: Config;
  facts: FabricFacts;
  /** Non-fatal findings of loading and of the fabric, one line each. */
  warnings: string[];
  /**
   * The desired ACI objects of the Config as it is now (built on each call,
   * so the controller's certificate, attached once it is known, is in it;
   * generation without a dump never needs them).
   */
  desired(): DesiredState;
}

/**
 * The configuration validated in full before the first request to an APIC.
 * Only the infra VLAN may still be missing: the fabric reports it.
 */
export function probeCluster(source: ClusterSource): LoadResult {
  return loadConfig(source.text, source.file, { ...source.options, infraVlanFromFabric: true });
}

/**
 * The desired tree of a probed configuration, before the fabric's facts: the
 * objects it names are, but for rare cases, those of the cluster built later
 * (`-a` reads them while discovery runs). Undefined when the facts are needed.
 */
export function probeDesired(probe: Config, infraVlan?: number): DesiredState | undefined {
  try {
    return buildDesiredState(probe, offlineFacts(infraVlan ?? probe.net_config.infra_vlan ?? undefined));
  } catch {
    return undefined;
  }
}

export function buildCluster(source: ClusterSource, facts: FabricFacts): Cluster {
  const infraVlan = facts.infraVlan ?? source.options.infraVlan;
  const loaded = loadConfig(source.text, source.file, { ...source.options, ...(infraVlan !== undefined ? { infraVlan } : {}) });
  const config = loaded.config;
  if (facts.apicVersion) config.aci_config.apic_version = facts.apicVersion.normalized;
  if (facts.nestedVlanPool !== undefined) config.aci_config.vmm_domain.nested_inside.vlan_pool = facts.nestedVlanPool;
  const warnings = [...loaded.warnings];
  const cluster: Cluster = { config, facts, warnings, desired: () => checkedDesired(config, facts) };
  if (facts.neighbours) {
    const found = neighbourFindings(config, cluster.desired(), facts.neighbours);
    if (found.problems.length > 0) throw new InputError(found.problems);
    warnings.push(...found.warnings);
  }
  return cluster;
}

/** The desired tree, with every name in it checked against the APIC's rules (derived names included). */
function checkedDesired(config: Config, facts: FabricFacts): DesiredState {
  const state = buildDesiredState(config, facts);
  const problems: Problem[] = [];
  for (const m of allObjects(state)) {
    if (m.context) continue;
    const rule = nameRule(m.className);
    const name = m.attributes['name'];
    if (rule && name !== undefined && !rule.pattern.test(name)) {
      problems.push({ field: m.dn, value: name, rule: `must be ${rule.text} (the ${m.className} name derived from the configuration)` });
    }
  }
  if (problems.length > 0) throw new InputError(problems);
  return state;
}

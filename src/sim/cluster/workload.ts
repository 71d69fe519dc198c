// The running cluster the emulated controller reports: its nodes (from the
// node inventory node-config reads), the namespaces every cluster has, and
// N services of type LoadBalancer with addresses from the configuration's
// pools. Deterministic: the same inputs give the same objects, so a second
// run changes nothing on the APIC.
import { createHash } from 'node:crypto';
import type { Config } from '../../config/types.js';
import { formatIp, networkAddress, parseCidr, size } from '../../config/ip.js';
import type { NodeSpec } from '../../node/node.js';
import { InputError } from '../../errors.js';

import { USUAL_NAMESPACES } from '../../cluster/cni.js';

export interface WorkloadNode {
  name: string;
  /** The node's address on the node subnet (the controller's `mgmtIp`). */
  ip: string;
  /** The node's service endpoint on `node_svc_subnet`: where the redirect policy sends load-balanced traffic. */
  serviceIp: string;
  serviceMac: string;
}

export interface LoadBalancerService {
  namespace: string;
  name: string;
  uid: string;
  /** From `net_config.extern_dynamic`. */
  lbIp: string;
  port: number;
  targetPort: number;
  nodePort: number;
}

export interface Workload {
  nodes: WorkloadNode[];
  namespaces: string[];
  services: LoadBalancerService[];
}

/** The `i`-th host address (1-based) of a CIDR, or an InputError naming the field. */
function hostOf(field: string, cidr: string, i: number): string {
  const c = parseCidr(cidr);
  if (!c) throw new InputError([{ field, value: cidr, rule: 'must be a subnet (address/prefix)' }]);
  if (BigInt(i) >= size(c) - 1n) {
    throw new InputError([{ field, value: cidr, rule: `is too small for ${i} addresses` }]);
  }
  return formatIp(c.version, networkAddress(c) + BigInt(i));
}

/** A locally administered MAC for a node's service endpoint, stable per name. */
function serviceMac(name: string): string {
  const h = createHash('sha256').update(`service-endpoint/${name}`).digest();
  const bytes = [0x02, h[0], h[1], h[2], h[3], h[4]];
  return bytes.map((b) => b.toString(16).padStart(2, '0')).join(':');
}

function uid(key: string): string {
  const h = createHash('sha256').update(`service/${key}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

export function buildWorkload(config: Config, nodes: readonly NodeSpec[], loadBalancers: number): Workload {
  const net = config.net_config;
  // The gateway holds the first address of node_svc_subnet; the nodes take the next ones.
  const workloadNodes = nodes.map((n, i) => ({
    name: n.name,
    ip: n.addresses[0]?.address ?? '',
    serviceIp: hostOf('net_config.node_svc_subnet', String(net.node_svc_subnet), i + 2),
    serviceMac: serviceMac(n.name),
  }));
  const pool = net.extern_dynamic?.[0] ?? '';
  if (loadBalancers > 0 && pool === '') {
    throw new InputError([
      { field: 'net_config.extern_dynamic', rule: 'must hold a subnet to give LoadBalancer services their addresses' },
    ]);
  }
  const services = Array.from({ length: loadBalancers }, (_, i) => {
    const name = `lb-${i + 1}`;
    return {
      namespace: 'default',
      name,
      uid: uid(`default/${name}`),
      lbIp: hostOf('net_config.extern_dynamic', pool, i + 2),
      port: 80,
      targetPort: 8080,
      nodePort: 30080 + i,
    };
  });
  return { nodes: workloadNodes, namespaces: [...USUAL_NAMESPACES], services };
}

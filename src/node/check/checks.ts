// The preflight checklist of a node before Kubernetes is installed: the
// steps of the integration guide's node preparation, each checked against
// what the kernel reports, each with what to do when it fails.
import { MULTICAST_ROUTE } from '../host-file.js';
import type { ApiServerTarget } from './api-server.js';
import type { NodeNetworkParams } from '../params.js';
import { inSubnet, parseAddress, sameAddress } from '../subnet.js';
import type { IpLink, NodeFacts } from './facts.js';

export type CheckStatus = 'pass' | 'fail' | 'skip';

export interface CheckResult {
  id: string;
  title: string;
  status: CheckStatus;
  /** What was found. */
  detail: string;
  /** What to do; present on failures and skips. */
  fix?: string;
}

/** Open vSwitch daemons: the ACI CNI brings its own OVS, a host one conflicts. */
const OVS_PROCESSES = ['ovs-vswitchd', 'ovsdb-server'];

export interface CheckOptions {
  /** The Kubernetes API server (an address, or a name with what it resolves to), when known. */
  apiServer?: ApiServerTarget;
}

function vlanOf(facts: NodeFacts, id: number): IpLink | undefined {
  return facts.links.find((l) => l.linkinfo?.info_kind === 'vlan' && l.linkinfo.info_data?.id === id);
}

function pass(id: string, title: string, detail: string): CheckResult {
  return { id, title, status: 'pass', detail };
}
function fail(id: string, title: string, detail: string, fix: string): CheckResult {
  return { id, title, status: 'fail', detail, fix };
}
function skip(id: string, title: string, detail: string, fix: string): CheckResult {
  return { id, title, status: 'skip', detail, fix };
}

export function runNodeChecks(facts: NodeFacts, params: NodeNetworkParams, options: CheckOptions = {}): CheckResult[] {
  const { infraVlan, kubeapiVlan, mtu, nodeSubnets } = params;
  const results: CheckResult[] = [];
  const infra = vlanOf(facts, infraVlan);
  const nodeVlan = vlanOf(facts, kubeapiVlan);
  const nodeConfigHint = 'acc-provision node-config writes this configuration';

  results.push(
    infra
      ? pass('infra-vlan', 'infra VLAN subinterface', `${infra.ifname} is VLAN ${infraVlan}${infra.link ? ` on ${infra.link}` : ''}`)
      : fail(
          'infra-vlan',
          'infra VLAN subinterface',
          `no interface is VLAN ${infraVlan}`,
          `create a VLAN ${infraVlan} subinterface on the ACI uplink (${nodeConfigHint})`,
        ),
  );
  results.push(
    nodeVlan
      ? pass(
          'node-vlan',
          'node VLAN subinterface',
          `${nodeVlan.ifname} is VLAN ${kubeapiVlan}${nodeVlan.link ? ` on ${nodeVlan.link}` : ''}`,
        )
      : fail(
          'node-vlan',
          'node VLAN subinterface',
          `no interface is VLAN ${kubeapiVlan} (kubeapi_vlan)`,
          `create a VLAN ${kubeapiVlan} subinterface on the ACI uplink (${nodeConfigHint})`,
        ),
  );

  // The uplink: the lower device of the VLANs (a NIC or a bond). ip names it
  // in `link`; without it (another namespace), the name before the dot.
  const lowerOf = (l: IpLink | undefined): string | undefined =>
    l && (l.link ?? (l.ifname.includes('.') ? l.ifname.slice(0, l.ifname.lastIndexOf('.')) : undefined));
  const uplinkNames = [...new Set([lowerOf(infra), lowerOf(nodeVlan)].filter((x): x is string => !!x))];
  const uplinks = uplinkNames.map((n) => facts.links.find((l) => l.ifname === n)).filter((l): l is IpLink => !!l);
  if (uplinks.length === 0) {
    results.push(skip('uplink-mtu', 'uplink MTU', 'no VLAN subinterface names its uplink', 'create the VLAN subinterfaces first'));
  } else {
    const small = uplinks.filter((u) => u.mtu < mtu);
    results.push(
      small.length
        ? fail(
            'uplink-mtu',
            'uplink MTU',
            small.map((u) => `${u.ifname} has MTU ${u.mtu}`).join(', ') + `; at least ${mtu} needed for VXLAN`,
            `set MTU ${mtu} (or more, up to 9000) on ${small.map((u) => u.ifname).join(', ')}`,
          )
        : pass('uplink-mtu', 'uplink MTU', uplinks.map((u) => `${u.ifname} has MTU ${u.mtu}`).join(', ') + ` (≥ ${mtu})`),
    );
  }

  for (const [id, title, link, vlan] of [
    ['infra-mtu', 'infra VLAN MTU', infra, infraVlan],
    ['node-mtu', 'node VLAN MTU', nodeVlan, kubeapiVlan],
  ] as const) {
    if (!link) results.push(skip(id, title, `no VLAN ${vlan} subinterface`, `create the VLAN ${vlan} subinterface first`));
    else if (link.mtu < mtu)
      results.push(
        fail(
          id,
          title,
          `${link.ifname} has MTU ${link.mtu}; at least ${mtu} needed`,
          `set MTU ${mtu} on ${link.ifname} (and on its uplink first)`,
        ),
      );
    else results.push(pass(id, title, `${link.ifname} has MTU ${link.mtu} (≥ ${mtu})`));
  }

  if (!infra) {
    results.push(
      skip(
        'infra-dhcp',
        'infra VLAN address from DHCP',
        `no VLAN ${infraVlan} subinterface`,
        `create the VLAN ${infraVlan} subinterface first`,
      ),
    );
    results.push(
      skip(
        'multicast-route',
        `route ${MULTICAST_ROUTE} through the infra VLAN`,
        `no VLAN ${infraVlan} subinterface`,
        `create the VLAN ${infraVlan} subinterface first`,
      ),
    );
  } else {
    const v4 = (infra.addr_info ?? []).filter((a) => a.family === 'inet');
    const leased = v4.find((a) => a.dynamic);
    if (leased)
      results.push(pass('infra-dhcp', 'infra VLAN address from DHCP', `${infra.ifname} has ${leased.local}/${leased.prefixlen} from DHCP`));
    else if (v4.length)
      results.push(
        fail(
          'infra-dhcp',
          'infra VLAN address from DHCP',
          `${infra.ifname} has ${v4.map((a) => `${a.local}/${a.prefixlen}`).join(', ')}, set statically`,
          `configure ${infra.ifname} for DHCP: the APIC assigns the infra address (client identifier 01:<MAC>, see the dhclient file node-config writes)`,
        ),
      );
    else
      results.push(
        fail(
          'infra-dhcp',
          'infra VLAN address from DHCP',
          `${infra.ifname} has no IPv4 address`,
          `run a DHCP client on ${infra.ifname} with client identifier 01:<its MAC>; check that the AEP of the node's port has the infra VLAN enabled`,
        ),
      );

    const mroute = facts.routes.find((r) => r.dst === MULTICAST_ROUTE && r.dev === infra.ifname);
    const elsewhere = facts.routes.find((r) => r.dst === MULTICAST_ROUTE);
    results.push(
      mroute
        ? pass('multicast-route', `route ${MULTICAST_ROUTE} through the infra VLAN`, `${MULTICAST_ROUTE} dev ${infra.ifname}`)
        : fail(
            'multicast-route',
            `route ${MULTICAST_ROUTE} through the infra VLAN`,
            elsewhere ? `${MULTICAST_ROUTE} goes through ${elsewhere.dev ?? elsewhere.gateway}` : `no route for ${MULTICAST_ROUTE}`,
            `ip route replace ${MULTICAST_ROUTE} dev ${infra.ifname}, and make it permanent in the interface configuration`,
          ),
    );
  }

  const subnetsText = nodeSubnets.map((s) => s.network).join(', ');
  if (!nodeVlan) {
    results.push(
      skip(
        'node-address',
        'node address in node_subnet',
        `no VLAN ${kubeapiVlan} subinterface`,
        `create the VLAN ${kubeapiVlan} subinterface first`,
      ),
    );
  } else {
    const inside = (nodeVlan.addr_info ?? []).filter(
      (a) => nodeSubnets.some((s) => inSubnet(a.local, s)) && !nodeSubnets.some((s) => sameAddress(a.local, s.gateway)),
    );
    results.push(
      inside.length
        ? pass(
            'node-address',
            'node address in node_subnet',
            `${nodeVlan.ifname} has ${inside.map((a) => `${a.local}/${a.prefixlen}`).join(', ')}`,
          )
        : fail(
            'node-address',
            'node address in node_subnet',
            `${nodeVlan.ifname} has no address inside ${subnetsText}`,
            `give ${nodeVlan.ifname} the node's own address in ${subnetsText}`,
          ),
    );
  }

  // `ip -j route` lists the IPv4 table; the default route must use the IPv4 node gateway.
  const gw4 = nodeSubnets.find((s) => s.family === 4);
  if (!gw4) {
    results.push(
      skip(
        'default-route',
        'default route through the node_subnet gateway',
        'node_subnet has no IPv4 subnet',
        'check the IPv6 default route with ip -6 route',
      ),
    );
  } else {
    const defaults = facts.routes
      .filter((r) => r.dst === 'default' || r.dst === '0.0.0.0/0')
      .sort((a, b) => (a.metric ?? 0) - (b.metric ?? 0));
    const best = defaults[0];
    const viaNode =
      best && best.gateway !== undefined && sameAddress(best.gateway, gw4.gateway) && (!nodeVlan || best.dev === nodeVlan.ifname);
    const want = `default via ${gw4.gateway}${nodeVlan ? ` dev ${nodeVlan.ifname}` : ''}`;
    if (viaNode)
      results.push(pass('default-route', 'default route through the node_subnet gateway', `default via ${best.gateway} dev ${best.dev}`));
    else
      results.push(
        fail(
          'default-route',
          'default route through the node_subnet gateway',
          best ? `the default route is via ${best.gateway ?? '(none)'} dev ${best.dev ?? '?'}` : 'there is no default route',
          `make the default route "${want}" (installers pick the API server address from it); reach the management networks with static routes instead`,
        ),
      );
  }

  const ovs = facts.processes.filter((p) => OVS_PROCESSES.includes(p));
  results.push(
    ovs.length
      ? fail(
          'openvswitch',
          'Open vSwitch not running',
          `running: ${[...new Set(ovs)].join(', ')}`,
          'stop and disable the host Open vSwitch (e.g. systemctl disable --now openvswitch-switch or openvswitch); the ACI CNI runs its own',
        )
      : pass('openvswitch', 'Open vSwitch not running', 'no ovs-vswitchd or ovsdb-server process'),
  );

  if (options.apiServer !== undefined) {
    const api = options.apiServer;
    const named = parseAddress(api.given) ? '' : `${api.given} = `;
    const title = 'API server address in node_subnet';
    const outside = api.addresses.filter((a) => !nodeSubnets.some((s) => inSubnet(a, s)));
    if (api.addresses.length === 0) {
      results.push(
        fail(
          'api-server',
          title,
          `${api.given} does not resolve on this node (${api.error ?? 'no address'})`,
          `make ${api.given} resolve (DNS or /etc/hosts) to the API server's node VLAN address, inside ${subnetsText}, or pass that address`,
        ),
      );
    } else if (outside.length === 0) {
      results.push(
        pass('api-server', title, `${named}${api.addresses.join(', ')} ${api.addresses.length === 1 ? 'is' : 'are'} inside ${subnetsText}`),
      );
    } else {
      results.push(
        fail(
          'api-server',
          title,
          `${named}${outside.join(', ')} ${outside.length === 1 ? 'is' : 'are'} outside ${subnetsText}`,
          `advertise the API server on its node VLAN address (kubeadm: --apiserver-advertise-address), inside ${subnetsText}${named ? `, and make ${api.given} resolve to it` : ''}`,
        ),
      );
    }
  }
  return results;
}

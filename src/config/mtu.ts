// The MTU rule, in one place: the main command's validation and node-config
// (and node-check) read it from here. Pods send `interface_mtu`-sized
// packets; VXLAN wraps them in `interface_mtu_headroom` more bytes, so the
// uplink (and its VLAN subinterfaces) must carry at least the sum, and the
// fabric's ports carry at most 9216.
import type { Problem } from '../errors.js';

/** The pods' MTU when `interface_mtu` is unset (the ACI CNI's default). */
export const DEFAULT_POD_MTU = 1500;
export const DEFAULT_MTU_HEADROOM = 100;
/** The uplink MTU the integration guide asks for at the least. */
export const MIN_UPLINK_MTU = 1600;
/** The largest MTU of an ACI leaf port. */
export const MAX_UPLINK_MTU = 9216;

/** The smallest uplink MTU the pods need: their MTU plus the VXLAN headroom. */
export function requiredUplinkMtu(interfaceMtu: number | null | undefined, headroom: number | null | undefined): number {
  return (interfaceMtu ?? DEFAULT_POD_MTU) + (headroom ?? DEFAULT_MTU_HEADROOM);
}

/** The uplink MTU node-config sets: what the pods need, and never below 1600. */
export function uplinkMtu(interfaceMtu: number | null | undefined, headroom: number | null | undefined): number {
  return Math.max(MIN_UPLINK_MTU, requiredUplinkMtu(interfaceMtu, headroom));
}

/**
 * Problems with the MTU settings: the pod MTU plus its headroom must fit the
 * fabric's ports, and an uplink MTU given on the command line (`--mtu`) must
 * carry the pods' packets. Values of the wrong type are left to the schema.
 */
export function mtuProblems(interfaceMtu: unknown, headroom: unknown, uplinkOverride?: number): Problem[] {
  const pod = typeof interfaceMtu === 'number' ? interfaceMtu : interfaceMtu == null ? null : undefined;
  const room = typeof headroom === 'number' ? headroom : headroom == null ? null : undefined;
  if (pod === undefined || room === undefined) return [];
  const needed = requiredUplinkMtu(pod, room);
  const out: Problem[] = [];
  if (needed > MAX_UPLINK_MTU) {
    const field = room !== null ? 'net_config.interface_mtu_headroom' : 'net_config.interface_mtu';
    out.push({
      field,
      value: room ?? pod,
      rule: `interface_mtu (${pod ?? DEFAULT_POD_MTU}) plus interface_mtu_headroom (${room ?? DEFAULT_MTU_HEADROOM}) is ${needed}, above the ${MAX_UPLINK_MTU} an ACI port carries`,
    });
  }
  if (uplinkOverride !== undefined) {
    if (!Number.isInteger(uplinkOverride) || uplinkOverride < MIN_UPLINK_MTU || uplinkOverride > MAX_UPLINK_MTU) {
      out.push({ field: '--mtu', value: uplinkOverride, rule: `must be an integer from ${MIN_UPLINK_MTU} to ${MAX_UPLINK_MTU}` });
    } else if (uplinkOverride < needed) {
      out.push({
        field: '--mtu',
        value: uplinkOverride,
        rule: `is below the pods' MTU (${pod ?? DEFAULT_POD_MTU}) plus the VXLAN headroom (${room ?? DEFAULT_MTU_HEADROOM}): at least ${needed}`,
      });
    }
  }
  return out;
}

// node-check output: a line per check for people, one JSON object for scripts.
import type { NodeNetworkParams } from '../params.js';
import type { CheckResult } from './checks.js';

export function checksFailed(results: CheckResult[]): boolean {
  return results.some((r) => r.status === 'fail');
}

export function formatChecksText(results: CheckResult[], params: NodeNetworkParams): string {
  const width = Math.max(...results.map((r) => r.title.length));
  const lines = [
    `node-check: infra VLAN ${params.infraVlan}, node VLAN ${params.kubeapiVlan}, MTU ${params.mtu}, node_subnet ${params.nodeSubnets.map((s) => s.network).join(', ')}`,
  ];
  for (const r of results) {
    lines.push(`${r.status.toUpperCase().padEnd(4)}  ${r.title.padEnd(width)}  ${r.detail}`);
    if (r.fix && r.status !== 'pass') lines.push(`${' '.repeat(6 + width + 2)}-> ${r.fix}`);
  }
  const failed = results.filter((r) => r.status === 'fail').length;
  lines.push(
    failed ? `${failed} of ${results.length} checks failed` : `all ${results.filter((r) => r.status === 'pass').length} checks passed`,
  );
  return lines.join('\n') + '\n';
}

export function formatChecksJson(results: CheckResult[], params: NodeNetworkParams): string {
  return (
    JSON.stringify(
      {
        ok: !checksFailed(results),
        infraVlan: params.infraVlan,
        kubeapiVlan: params.kubeapiVlan,
        mtu: params.mtu,
        nodeSubnets: params.nodeSubnets.map((s) => s.network),
        checks: results,
      },
      null,
      2,
    ) + '\n'
  );
}

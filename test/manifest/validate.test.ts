// Every built object of a kubernetes-models kind passes that model's schema.
import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../src/manifest/index.js';
import { objects } from './helpers.js';

// Kinds kubernetes-models does not define (OpenShift's and the ACI CNI's own).
const CUSTOM_KINDS = new Set(['SecurityContextConstraints', 'AciContainersOperator']);

async function validate(o: KubeObject): Promise<void> {
  const [group, version] = o.apiVersion.includes('/') ? o.apiVersion.split('/') : [undefined, o.apiVersion];
  const mod = group ? `kubernetes-models/${group}/${version}/${o.kind}` : `kubernetes-models/${version}/${o.kind}`;
  const Model = (await import(mod))[o.kind] as new (d: unknown) => { validate(): void };
  new Model(o).validate();
}

const variants: [string, Record<string, unknown>][] = [
  ['defaults', {}],
  [
    'sriov + priority class + digests + pull secret + limits',
    {
      sriov_config: { enable: true },
      resourcePrefix: 'p',
      resourceName: 'r',
      vendors: 'v',
      devices: 'd',
      drivers: 'x',
      isRdma: 'false',
      kube_config: {
        use_acicni_priority_class: true,
        acicni_priority_class_value: 1000,
        opflex_agent_memory_limit: '1Gi',
        opflex_agent_prometheus: 'true',
      },
      registry: { use_digest: true, image_pull_secret: 'regcred' },
    },
  ],
  [
    'dpu + multus + upgrade + no drop log',
    {
      dpu_config: { enable: true },
      dpuIp: '1.2.3.4',
      dpuUser: 'u',
      multus: { disable: false },
      provision: { upgrade_cluster: true },
      drop_log_config: { enable: false },
    },
  ],
];

describe('kubernetes-models validation', () => {
  for (const [name, patch] of variants) {
    it(`every object validates (${name})`, async () => {
      const objs = objects(patch);
      let checked = 0;
      for (const o of objs) {
        if (CUSTOM_KINDS.has(o.kind)) continue;
        await expect(validate(o), `${o.kind}/${o.metadata.name}`).resolves.toBeUndefined();
        checked++;
      }
      expect(checked).toBeGreaterThan(30);
    });
  }

  it('the schema check does catch a bad object', async () => {
    const [ds] = objects().filter((o) => o.kind === 'DaemonSet');
    const bad = structuredClone(ds) as any;
    bad.spec.template.spec.containers[0].ports = [{ containerPort: 'not-a-port' }];
    await expect(validate(bad)).rejects.toThrow();
  });
});

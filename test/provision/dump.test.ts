import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Config } from '../../src/config/types.js';
import { renderApicDump, renderDesiredDump } from '../../src/provision/dump.js';
import { buildDesiredState } from '../../src/provision/desired/index.js';
import { removalTargets, verifyChecks } from '../../src/provision/desired/requests.js';
import { mo, POST_SELF, TreeBuilder } from '../../src/provision/desired/tree.js';
import { dumpDifference, parseDump } from './dump-compare.js';
import { smallClusterConfig } from './fixtures/small-cluster.js';

const fixtures = join(dirname(fileURLToPath(import.meta.url)), 'fixtures');

describe('renderApicDump against the Python tool', () => {
  // Configurations the shared cases do not cover, with the Python tool's own
  // config and dump for them (nested VMware with a second kube-api port group
  // on an enhanced LAG; node subnet creation disabled with two node subnets).
  for (const name of ['nested-second-portgroup', 'disable-node-subnet']) {
    it(`${name}: same requests`, () => {
      const config = JSON.parse(readFileSync(join(fixtures, `${name}.config.json`), 'utf8')) as Config;
      const expected = parseDump(readFileSync(join(fixtures, `${name}.apic.txt`), 'utf8'));
      const diff = dumpDifference(expected, parseDump(renderApicDump(config)));
      expect(diff).toEqual({ missing: [], unexpected: [] });
    });
  }
});

describe('renderApicDump reads its configuration only', () => {
  // The command line hands it a copy that shares all but the password with
  // the configuration the manifest was built from.
  it('a deeply frozen configuration renders the same dump', () => {
    const freeze = (v: unknown): unknown => {
      if (v !== null && typeof v === 'object') {
        for (const k of Object.keys(v)) freeze((v as Record<string, unknown>)[k]);
        Object.freeze(v);
      }
      return v;
    };
    for (const name of ['nested-second-portgroup', 'disable-node-subnet']) {
      const text = readFileSync(join(fixtures, `${name}.config.json`), 'utf8');
      const frozen = freeze(JSON.parse(text)) as Config;
      expect(renderApicDump(frozen)).toBe(renderApicDump(JSON.parse(text) as Config));
    }
    expect(() => renderApicDump(freeze(smallClusterConfig()) as Config)).not.toThrow();
  });
});

describe('dump format', () => {
  const text = renderApicDump(smallClusterConfig());
  it('writes a path line then a 4-space-indented JSON body', () => {
    const lines = text.split('\n');
    expect(lines[0]).toBe('/api/mo/uni/infra/vlanns-[mycluster-pool]-static.json');
    expect(lines[1]).toBe('{');
    expect(lines[2]).toBe('    "fvnsVlanInstP": {');
    expect(text.endsWith('\n')).toBe(true);
  });
  it('lists objects removed by their own DN with the body None', () => {
    const entries = parseDump(text);
    const none = entries.filter(([, b]) => b === null).map(([p]) => p);
    expect(none).toEqual([
      '/api/mo/uni/infra/attentp-my-aep/rsdomP-[uni/vmmp-Kubernetes/dom-mycluster].json',
      '/api/mo/uni/infra/attentp-my-aep/rsdomP-[uni/phys-mycluster-pdom].json',
      '/api/mo/uni/infra/attentp-my-aep/gen-default/rsfuncToEpg-[uni/tn-mycluster/ap-aci-containers-mycluster/epg-aci-containers-nodes].json',
      '/api/mo/uni/tn-mycluster/flt-mycluster-allow-all-filter.json',
      '/api/mo/uni/tn-mycluster/brc-mycluster-l3out-allow-all.json',
      '/api/mo/uni/tn-mycluster/out-my-l3out/instP-ext/rsprov-mycluster-l3out-allow-all.json',
    ]);
  });
  it('sends the controller user and then its certificate wrapped in the user', () => {
    const users = parseDump(text).filter(([p]) => p === '/api/node/mo/uni/userext/user-mycluster.json');
    expect(users.map(([, b]) => b)).toEqual([
      {
        aaaUser: {
          attributes: { name: 'mycluster', accountStatus: 'active', pwd: 'Secret-1', annotation: 'orchestrator:aci-containers-controller' },
          children: [
            {
              aaaUserDomain: {
                attributes: { name: 'all', annotation: 'orchestrator:aci-containers-controller' },
                children: [
                  {
                    aaaUserRole: {
                      attributes: { name: 'admin', privType: 'writePriv', annotation: 'orchestrator:aci-containers-controller' },
                    },
                  },
                ],
              },
            },
          ],
        },
      },
      {
        aaaUser: {
          attributes: { name: 'mycluster', annotation: 'orchestrator:aci-containers-controller' },
          children: [
            {
              aaaUserCert: { attributes: { name: 'mycluster.crt', data: 'CERT\n', annotation: 'orchestrator:aci-containers-controller' } },
            },
          ],
        },
      },
    ]);
  });
});

describe('one tree drives everything', () => {
  it('an object added to the tree is dumped, removed and verified with no other change', () => {
    const t = new TreeBuilder();
    const infra = t.context(t.context('', 'polUni'), 'infraInfra');
    t.add(infra, mo('fvnsVlanInstP', { name: 'extra', allocMode: 'static' }, [], { owner: 'cluster', post: POST_SELF }));
    const state = { root: t.root, annotation: 'x', controllerUser: 'u' };
    expect(parseDump(renderDesiredDump(state))).toEqual([
      [
        '/api/mo/uni/infra/vlanns-[extra]-static.json',
        { fvnsVlanInstP: { attributes: { name: 'extra', allocMode: 'static', annotation: 'orchestrator:aci-containers-controller' } } },
      ],
    ]);
    expect(removalTargets(state)).toEqual([{ dn: 'uni/infra/vlanns-[extra]-static', className: 'fvnsVlanInstP', ifAnnotated: false }]);
    expect(verifyChecks(state).find((c) => c.dn === 'uni/infra/vlanns-[extra]-static')?.existenceOnly).toBe(false);
  });

  it('builds the same tree twice from the same configuration', () => {
    const a = renderDesiredDump(buildDesiredState(smallClusterConfig()));
    const b = renderDesiredDump(buildDesiredState(smallClusterConfig()));
    expect(a).toBe(b);
  });
});

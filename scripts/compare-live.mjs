#!/usr/bin/env node
// Live comparison with the Python acc-provision (not a test: CI has no Python
// checkout). Each tool runs `-a`, then `-d`, against its own apic-sim (HTTPS,
// in this process, seeded alike with the prerequisites the configuration
// names); the two fabrics are compared as whole-tree snapshots after `-a` and
// after `-d`, leaving out what differs by nature (timestamps, ids, passwords,
// the controller's certificate, which each tool makes for itself).
//
//   npm run build
//   ACC_PY_REF=/path/to/acc-provision node scripts/compare-live.mjs [-f FLAVOR] [-c CONFIG]
//
// Default: RKE2-kubernetes-1.24 on ../shared/conformance/testdata/flavor_RKE2_kubernetes_1_24.inp.yaml.
// The Python tool runs as `ACC_PY_PYTHON -m acc_provision.acc_provision` (default /usr/bin/python3)
// with PYTHONPATH=$ACC_PY_REF/provision. Exit 0: the same fabrics; 1: differences, printed; 2: cannot run.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseDocument } from 'yaml';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const PASSWORD = 'compare-Live-pw-1';
/**
 * Properties that differ between any two runs (timestamps, ids, passwords)
 * or that come from the controller's certificate, which each tool makes for
 * itself (the certificate object, and the pair in the cluster details of the
 * VMM controller's injected-container info).
 */
const IGNORED = new Set([
  'modTs',
  'ts',
  'uid',
  'status',
  'childAction',
  'lcOwn',
  'dn',
  'rn',
  'pwd',
  'creator',
  'userdom',
  'extMngdBy',
  'monPolDn',
  'userCert',
  'userKey',
]);
const IGNORED_BY_CLASS = { aaaUserCert: new Set(['data', 'certValidUntil', 'fingerprint']) };

function usage(message) {
  process.stderr.write(`compare-live: ${message}\n`);
  process.exit(2);
}

function option(name, fallback) {
  const i = process.argv.indexOf(name);
  if (i < 0) return fallback;
  const v = process.argv[i + 1];
  if (v === undefined) usage(`${name} needs a value`);
  return v;
}

const pyRef = process.env.ACC_PY_REF;
if (!pyRef) usage('set ACC_PY_REF to a checkout of the Python acc-provision (its provision/ folder holds acc_provision/)');
if (!existsSync(join(pyRef, 'provision', 'acc_provision', 'acc_provision.py')))
  usage(`no provision/acc_provision/acc_provision.py in ${pyRef}`);
const python = process.env.ACC_PY_PYTHON ?? '/usr/bin/python3';
const flavor = option('-f', 'RKE2-kubernetes-1.24');
const configFile = resolve(option('-c', join(repo, '..', 'shared', 'conformance', 'testdata', 'flavor_RKE2_kubernetes_1_24.inp.yaml')));
if (!existsSync(configFile)) usage(`no configuration file ${configFile}`);
if (!existsSync(join(repo, 'dist', 'sim', 'server.js'))) usage('run npm run build first');

const { startSim } = await import(join(repo, 'dist', 'sim', 'server.js'));
const { seedSchema } = await import(join(repo, 'dist', 'sim', 'seed.js'));
const { loadConfig } = await import(join(repo, 'dist', 'config', 'load.js'));

const text = readFileSync(configFile, 'utf8');
const { config } = loadConfig(text, configFile, { flavor });
const calico = flavor.startsWith('calico-');

/** The prerequisites the configuration names, as the e2e tests seed them. */
function seed() {
  const a = config.aci_config;
  const nested = a.vmm_domain?.nested_inside;
  const [major = '1', minor = '0', patch = '0'] = String(a.apic_version).split('.');
  const l3 = a.cluster_l3out;
  // Calico: the route reflector AS the file names, and the racks' anchor leaves.
  const asn = l3?.bgp?.peering?.aci_as_number;
  const racks = Array.isArray(config.topology?.rack) ? config.topology.rack : [];
  const leaves = racks.flatMap((r) => (Array.isArray(r?.leaf) ? r.leaf : []).map((l) => Number(l.id)));
  return seedSchema.parse({
    ...(calico && asn !== undefined ? { bgp_asn: Number(asn) } : {}),
    ...(calico && leaves.length > 0 ? { nodes: [...new Set(leaves)].map((id) => ({ id, name: `leaf-${id}`, role: 'leaf' })) } : {}),
    version: `${major}.${minor}(${patch}a)`,
    infra_vlan: config.net_config.infra_vlan ?? 4093,
    aeps: [a.aep, ...(l3?.aep ? [l3.aep] : [])].filter(Boolean),
    vrfs: [{ tenant: a.vrf.tenant, name: a.vrf.name }],
    l3outs: [{ tenant: a.vrf.tenant, name: a.l3out.name, vrf: a.vrf.name, external_networks: a.l3out.external_networks ?? [] }],
    vmware_domains: nested?.type && nested.name ? [{ name: String(nested.name) }] : [],
    tenants: a.use_pre_existing_tenant ? [a.cluster_tenant] : [],
  });
}

function run(cmd, args, cwd, env) {
  return new Promise((done) => {
    const child = spawn(cmd, args, { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (c) => (out += c));
    child.stderr.on('data', (c) => (out += c));
    child.on('close', (code) => done({ code, out }));
  });
}

function snapshot(sim) {
  const out = new Map();
  for (const r of sim.store.all()) {
    const skip = IGNORED_BY_CLASS[r.className];
    const attrs = Object.fromEntries(
      Object.entries(r.attrs)
        .filter(([k]) => !IGNORED.has(k) && !skip?.has(k))
        .sort(([a], [b]) => a.localeCompare(b)),
    );
    out.set(r.dn, { className: r.className, attrs });
  }
  return out;
}

const tools = {
  python: (cfg, mode, cwd) =>
    run(
      python,
      ['-m', 'acc_provision.acc_provision', '-c', cfg, '-f', flavor, mode, '-u', 'admin', '-p', PASSWORD, '-o', 'out.yaml'],
      cwd,
      {
        PYTHONPATH: join(pyRef, 'provision'),
      },
    ),
  ours: (cfg, mode, cwd) =>
    run(process.execPath, [join(repo, 'bin', 'acc-provision.js'), '-c', cfg, '-f', flavor, mode, '-u', 'admin', '-o', 'out.yaml'], cwd, {
      ACC_PROVISION_PASS: PASSWORD,
    }),
};

/**
 * Calico reads the leaves of the user's L3Out (the Python tool fails when it
 * has no node profile): leaf 102 routes there with router ID 9.9.9.9.
 */
async function userL3outLeaf(sim) {
  const { ApicClient } = await import(join(repo, 'dist', 'apic', 'client.js'));
  const client = new ApicClient({ hosts: [sim.url], username: 'admin', password: PASSWORD, ca: sim.certificate });
  const a = config.aci_config;
  try {
    await client.post(`uni/tn-${a.vrf.tenant}/out-${a.l3out.name}/lnodep-border`, {
      className: 'l3extLNodeP',
      attributes: { name: 'border' },
      children: [{ className: 'l3extRsNodeL3OutAtt', attributes: { tDn: 'topology/pod-1/node-102', rtrId: '9.9.9.9' }, children: [] }],
    });
  } finally {
    await client.close();
  }
}

/**
 * -a then -d of one tool on a fresh fabric: the snapshots after each. `port`:
 * the port of the first fabric, so both configurations (which the objects
 * quote) name the same APIC address.
 */
async function fabricOf(tool, port = 0) {
  const sim = await startSim({ listen: `127.0.0.1:${port}`, data: ':memory:', adminPassword: PASSWORD, seed: seed() });
  const dir = mkdtempSync(join(tmpdir(), `compare-live-${tool}-`));
  try {
    const doc = parseDocument(text);
    doc.setIn(['aci_config', 'apic_hosts'], [`127.0.0.1:${sim.port}`]);
    const cfg = join(dir, 'cfg.yaml');
    writeFileSync(cfg, doc.toString());
    if (calico) await userL3outLeaf(sim);
    const before = snapshot(sim);
    const a = await tools[tool](cfg, '-a', dir);
    if (a.code !== 0) throw new Error(`${tool} -a exited ${a.code}:\n${a.out}`);
    const applied = snapshot(sim);
    const d = await tools[tool](cfg, '-d', dir);
    if (d.code !== 0) throw new Error(`${tool} -d exited ${d.code}:\n${d.out}`);
    return { port: sim.port, before, applied, deleted: snapshot(sim) };
  } finally {
    await sim.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

const shown = (v) => {
  const t = JSON.stringify(v) ?? 'absent';
  return t.length > 160 ? `${t.slice(0, 160)}...` : t;
};

/** Lines naming what differs between two snapshots. */
function differences(py, ours) {
  const lines = [];
  for (const [dn, p] of py) {
    const o = ours.get(dn);
    if (!o) {
      lines.push(`  only after the Python tool: ${dn} (${p.className})`);
      continue;
    }
    for (const k of new Set([...Object.keys(p.attrs), ...Object.keys(o.attrs)])) {
      if (p.attrs[k] !== o.attrs[k]) lines.push(`  ${dn} ${k}: Python ${shown(p.attrs[k])}, ours ${shown(o.attrs[k])}`);
    }
  }
  for (const [dn, o] of ours) if (!py.has(dn)) lines.push(`  only after ours: ${dn} (${o.className})`);
  return lines.sort();
}

let py;
let ours;
try {
  py = await fabricOf('python');
  ours = await fabricOf('ours', py.port);
} catch (e) {
  process.stderr.write(`compare-live: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(2);
}
const created = (s) => [...s.applied.keys()].filter((dn) => !s.before.has(dn)).length;
process.stdout.write(`${flavor} (${configFile}): -a created ${created(py)} objects with the Python tool, ${created(ours)} with ours\n`);
let failed = false;
for (const [step, key] of [
  ['after -a', 'applied'],
  ['after -d', 'deleted'],
]) {
  const lines = differences(py[key], ours[key]);
  process.stdout.write(`${step}: ${lines.length === 0 ? 'the same fabric' : `${lines.length} differences`}\n`);
  if (lines.length > 0) {
    failed = true;
    process.stdout.write(`${lines.join('\n')}\n`);
  }
}
process.exit(failed ? 1 : 0);

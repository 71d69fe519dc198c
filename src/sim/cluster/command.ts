// `apic-sim cluster`: plays the ACI CNI controller of a running cluster
// against an APIC (or apic-sim). It signs every request with the key of the
// certificate `-a` registered for the controller's user, as the controller
// does, and writes what the controller writes for the inventory's nodes, the
// usual namespaces and N LoadBalancer services. The APIC's own part (the
// deployed graph instances) is left to the APIC.
import { createPrivateKey, X509Certificate, type KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dnOf } from '../../aci/dns.js';
import { ApicClient } from '../../apic/client.js';
import { buildCluster, discoverFabric, probeCluster } from '../../cluster/index.js';
import { DEFAULT_FLAVOR } from '../../config/file.js';
import { InputError } from '../../errors.js';
import { nodeNetworkParams } from '../../node/params.js';
import { parseInventory } from '../../node/inventory.js';
import { validateInventory } from '../../node/validate.js';
import { controllerPosts } from './objects.js';
import { buildWorkload } from './workload.js';

export interface ClusterFlags {
  apic: string;
  config: string;
  flavor?: string;
  nodes: string;
  loadBalancers?: string;
  cert: string;
  key: string;
}

function readInput(path: string, flag: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (e) {
    throw new InputError([
      { field: flag, value: path, rule: `must be a readable file (${(e as NodeJS.ErrnoException).code ?? 'unreadable'})` },
    ]);
  }
}

function readKey(path: string): KeyObject {
  try {
    return createPrivateKey(readInput(path, '--key'));
  } catch (e) {
    if (e instanceof InputError) throw e;
    // The key's text never reaches the message.
    throw new InputError([{ field: '--key', value: path, rule: 'must be a PEM private key' }]);
  }
}

function readCertificate(path: string): X509Certificate {
  try {
    return new X509Certificate(readInput(path, '--cert'));
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw new InputError([{ field: '--cert', value: path, rule: 'must be a PEM certificate' }]);
  }
}

function loadBalancerCount(value: string | undefined): number {
  if (value === undefined) return 1;
  if (!/^\d+$/.test(value) || Number(value) > 1000) {
    throw new InputError([{ field: '--load-balancers', value, rule: 'must be a whole number from 0 to 1000' }]);
  }
  return Number(value);
}

export async function runCluster(flags: ClusterFlags, say: (line: string) => void, warn: (line: string) => void): Promise<void> {
  // Every input is checked before the first request.
  const loadBalancers = loadBalancerCount(flags.loadBalancers);
  const source = { text: readInput(flags.config, '--config'), file: flags.config, options: { flavor: flags.flavor ?? DEFAULT_FLAVOR } };
  const probe = probeCluster(source);
  const inventoryText = readInput(flags.nodes, '--nodes');
  const cert = readCertificate(flags.cert);
  const key = readKey(flags.key);
  if (!/^https?:\/\//.test(flags.apic))
    throw new InputError([{ field: '--apic', value: flags.apic, rule: 'must be a URL (https://host:port)' }]);
  const user = probe.config.aci_config.sync_login.username;
  const certDn = dnOf(['polUni'], ['aaaUserEp'], ['aaaUser', { name: user }], ['aaaUserCert', { name: `${user}.crt` }]);
  // The APIC holds the copy of the certificate that counts and is the one to
  // refuse a wrong key; a pair that does not match is worth a warning first.
  if (!cert.checkPrivateKey(key))
    warn(`the key ${flags.key} does not belong to the certificate ${flags.cert}: the APIC will refuse the requests`);
  const caFile = probe.config.aci_config.apic_tls_cert;
  const client = new ApicClient({
    hosts: [flags.apic],
    username: user,
    password: '',
    signer: { certDn, key },
    ...(typeof caFile === 'string' && caFile !== '' ? { caFile } : {}),
    maxRetries: 2,
    retryBaseDelayMs: 200,
    onWarning: warn,
  });
  try {
    const facts = await discoverFabric(client, probe.config);
    const cluster = buildCluster(source, facts);
    const nodes = validateInventory(parseInventory(inventoryText, flags.nodes), nodeNetworkParams(cluster.config, {}));
    const workload = buildWorkload(cluster.config, nodes, loadBalancers);
    say(`controller of cluster ${cluster.config.aci_config.system_id}: signing as ${certDn} on ${client.currentHost}`);
    for (const post of controllerPosts(cluster.config, workload)) {
      await client.post(post.dn, post.mo);
      say(`  wrote ${post.what}: ${post.dn}`);
    }
    say(
      `done: ${workload.nodes.length} node${workload.nodes.length === 1 ? '' : 's'}, ${workload.namespaces.length} namespaces, ` +
        `${workload.services.length} LoadBalancer service${workload.services.length === 1 ? '' : 's'}`,
    );
  } finally {
    await client.close();
  }
}

// The fabric view in headless Chromium against an in-process apic-sim with a
// provisioned cluster: login, the tree down to the EPGs, an object's
// attributes, search by DN and by class, and a live update over the websocket.
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { Agent, fetch } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toWire } from '../../src/aci/json.js';
import { cniNames } from '../../src/cluster/cni.js';
import { controllerPosts } from '../../src/sim/cluster/objects.js';
import { buildWorkload } from '../../src/sim/cluster/workload.js';
import type { RunningSim } from '../../src/sim/server.js';
import { artifactsDir, CHROMIUM, CHROMIUM_MISSING, clusterConfig, launchChromium, PASSWORD, provisionedSim, type Rest } from './support.js';

const haveChromium = existsSync(CHROMIUM);
if (!haveChromium) console.warn(CHROMIUM_MISSING);

const AP = 'uni/tn-kube/ap-kubernetes';
const insecureAgent = new Agent({ connect: { rejectUnauthorized: false } });

describe.skipIf(!haveChromium)('fabric view', () => {
  let sim: RunningSim;
  let rest: Rest;
  let browser: Browser;
  let page: Page;
  /** Moves the simulator's clock (subscriptions expire 80 s after their last refresh). */
  let skew = 0;

  beforeAll(async () => {
    [{ sim, rest }, browser] = await Promise.all([provisionedSim(undefined, { clock: () => Date.now() + skew }), launchChromium()]);
    const context = await browser.newContext({ ignoreHTTPSErrors: true, viewport: { width: 1280, height: 800 } });
    page = await context.newPage();
  });

  afterAll(async () => {
    await browser?.close();
    await sim?.close();
  });

  const folder = (label: string) => page.locator(`#tree .row[data-folder="${label}"]`);
  const object = (dn: string) => page.locator(`#tree .row[data-dn="${dn}"]`);
  const epgFolder = () => page.locator(`#tree li:has(> .row[data-dn="${AP}"]) .row[data-folder="Application EPGs"]`);
  const epgDns = async (): Promise<string[]> => {
    const a = await rest.call('GET', `/api/mo/${AP}.json?query-target=children&target-subtree-class=fvAEPg`);
    return a.imdata.map((w: any) => w.fvAEPg.attributes.dn);
  };

  it('serves the page at / and refuses a wrong password', async () => {
    await page.goto(sim.url);
    await expect(page.title()).resolves.toBe('apic-sim fabric view');
    await page.fill('#login-user', 'admin');
    await page.fill('#login-password', 'not-the-password');
    await page.click('#login-submit');
    await page.locator('#login-error', { hasText: 'Username or password is incorrect' }).waitFor();
    expect(await page.isVisible('#app')).toBe(false);
  });

  it('logs in and opens the cluster tenant down to its EPGs', async () => {
    await page.fill('#login-password', PASSWORD);
    await page.click('#login-submit');
    await page.locator('#live', { hasText: 'live' }).waitFor();
    // The start screen lists the tenants (the one query made at start).
    await object('uni/tn-kube').click();
    await object('uni/tn-kube').locator('xpath=..').locator('.row[data-folder="Application Profiles"]').click();
    await object(AP).click();
    await epgFolder().click();
    for (const epg of ['kube-default', 'kube-nodes', 'kube-system']) await object(`${AP}/epg-${epg}`).waitFor();
    mkdirSync(artifactsDir, { recursive: true });
    await page.screenshot({ path: join(artifactsDir, 'fabric-view-epgs.png') });
    // The folder shows what the APIC holds: every EPG of the profile (custom ones too), and its count.
    const held = await epgDns();
    expect(held).toEqual(expect.arrayContaining(['kube-default', 'kube-nodes', 'kube-system'].map((e) => `${AP}/epg-${e}`)));
    await expect(epgFolder().locator('.count').textContent()).resolves.toBe(` (${held.length})`);
    // The work pane lists the folder's objects, as the APIC does.
    await page.locator('#detail h2', { hasText: 'Application EPGs' }).waitFor();
    expect(await page.locator('#detail table.list a').allTextContents()).toEqual(held);
  });

  it("shows an object's attributes and children", async () => {
    await object(`${AP}/epg-kube-nodes`).click();
    await page.locator('#detail h2', { hasText: 'fvAEPg kube-nodes' }).waitFor();
    await expect(page.locator('#detail tr[data-attr="dn"] td').textContent()).resolves.toBe(`${AP}/epg-kube-nodes`);
    await expect(page.locator('#detail tr[data-attr="name"] td').textContent()).resolves.toBe('kube-nodes');
    // Its relation to the node BD is among the children.
    await page.locator('#detail table.list a', { hasText: `${AP}/epg-kube-nodes/rsbd` }).waitFor();
    // Relations show their resolved target.
    await page
      .locator('#detail table.list tr', { hasText: `${AP}/epg-kube-nodes/rsbd` })
      .locator('td', { hasText: 'uni/tn-kube/BD-kube-node-bd (formed)' })
      .waitFor();
    await page.screenshot({ path: join(artifactsDir, 'fabric-view-object.png') });
  });

  it('finds an object by DN and lists a class', async () => {
    await page.fill('#search', 'uni/tn-kube/BD-kube-pod-bd');
    await page.press('#search', 'Enter');
    await page.locator('#detail h2', { hasText: 'fvBD kube-pod-bd' }).waitFor();
    await expect(page.locator('#detail tr[data-attr="dn"] td').textContent()).resolves.toBe('uni/tn-kube/BD-kube-pod-bd');

    await page.fill('#search', 'vmmDomP');
    await page.press('#search', 'Enter');
    await page.locator('#detail h2', { hasText: 'Class vmmDomP' }).waitFor();
    await page.locator('#detail table.list a', { hasText: 'uni/vmmp-Kubernetes/dom-kube' }).waitFor();

    await page.fill('#search', 'uni/tn-kube/ap-nothing-here');
    await page.press('#search', 'Enter');
    await page.locator('#detail .error', { hasText: 'No object at uni/tn-kube/ap-nothing-here' }).waitFor();
  });

  it('shows an EPG created through the REST API without a reload', async () => {
    const before = await page.evaluate(() => performance.getEntriesByType('navigation').length);
    await rest.call('POST', `/api/mo/${AP}/epg-live-epg.json`, { fvAEPg: { attributes: { name: 'live-epg' } } });
    await object(`${AP}/epg-live-epg`).waitFor({ timeout: 10_000 });
    const count = ` (${(await epgDns()).length})`;
    await page.waitForFunction(([el, want]) => el?.textContent === want, [
      await epgFolder().locator('.count').elementHandle(),
      count,
    ] as const);
    // Deleted through the API: gone from the tree too.
    await rest.call('DELETE', `/api/mo/${AP}/epg-live-epg.json`);
    await object(`${AP}/epg-live-epg`).waitFor({ state: 'detached', timeout: 10_000 });
    expect(await page.evaluate(() => performance.getEntriesByType('navigation').length)).toBe(before);
  });

  it('lists the Kubernetes inventory and the access policies, and follows the inventory live', async () => {
    const ctrlr = 'comp/prov-Kubernetes/ctrlr-[kube]-kube';
    const under = (dn: string, label: string) => page.locator(`#tree li:has(> .row[data-dn="${dn}"]) .row[data-folder="${label}"]`);
    await folder('VM Networking').click();
    await folder('Inventory').click();
    await folder('Kubernetes').click();
    await object(ctrlr).click();
    await under(ctrlr, 'Nodes').click();
    await under(ctrlr, 'Nodes').locator('.count', { hasText: '(0)' }).waitFor();
    // The CNI controller posts a node: it appears under Nodes.
    await rest.call('POST', `/api/mo/${ctrlr}/injcont/host-[node-1].json`, {
      vmmInjectedHost: { attributes: { name: 'node-1', os: 'linux' } },
    });
    await object(`${ctrlr}/injcont/host-[node-1]`).waitFor({ timeout: 10_000 });
    await under(ctrlr, 'Nodes').locator('.count', { hasText: '(1)' }).waitFor();
    await under(ctrlr, 'Namespaces').click();
    await under(ctrlr, 'Namespaces').locator('.count', { hasText: '(0)' }).waitFor();

    await folder('Fabric').click();
    await folder('Access Policies').click();
    await folder('VMM Domains').click();
    await object('uni/vmmp-Kubernetes/dom-kube').waitFor();
    await folder('Attachable Access Entity Profiles').click();
    await object('uni/infra/attentp-kube-aep').waitFor();
    await folder('Physical and External Domains').click();
    await folder('Physical Domains').click();
    await object('uni/phys-kube-pdom').waitFor();
  });

  it("shows what the running cluster's controller writes: inventory and L4-L7 objects", async () => {
    const config = clusterConfig();
    const names = cniNames(config);
    const nodes = ['node-1', 'node-2'].map((name, i) => ({
      name,
      uplink: 'ens192',
      infraMac: `00:50:56:aa:00:0${i}`,
      addresses: [{ family: 4 as const, address: `10.1.0.${11 + i}`, prefix: 16, gateway: '10.1.0.1' }],
    }));
    // The emulated controller's writes (apic-sim cluster posts these, signed; here as admin).
    for (const post of controllerPosts(config, buildWorkload(config, nodes, 1)))
      await rest.call('POST', `/api/mo/${post.dn}.json`, toWire(post.mo));
    const ctrlr = names.injectedCont.replace(/\/injcont$/, '');
    const under = (dn: string, label: string) => page.locator(`#tree li:has(> .row[data-dn="${dn}"]) .row[data-folder="${label}"]`);
    // The inventory folders opened before follow the controller's writes live.
    await under(ctrlr, 'Nodes').locator('.count', { hasText: '(2)' }).waitFor({ timeout: 10_000 });
    await under(ctrlr, 'Namespaces').locator('.count', { hasText: '(5)' }).waitFor({ timeout: 10_000 });
    await object(`${names.injectedCont}/host-[node-2]`).click();
    await page.locator('#detail tr[data-attr="mgmtIp"] td', { hasText: '10.1.0.12' }).waitFor();
    // A namespace holds its LoadBalancer service.
    await object(`${names.injectedCont}/ns-[default]`).click();
    await page.locator('#detail table.list a', { hasText: `${names.injectedCont}/ns-[default]/svc-[lb-1]` }).waitFor();

    const tenant = `uni/tn-${names.vrfTenant}`;
    await object(tenant).click();
    await under(tenant, 'L4-L7 Services').click();
    await under(tenant, 'L4-L7 Service Graph Templates').click();
    await object(names.graphDn).waitFor();
    await under(tenant, 'L4-L7 Devices').click();
    await object(names.deviceDn).click();
    await page.locator('#detail table.list a', { hasText: `${names.deviceDn}/cDev-node-1` }).waitFor();
    await under(tenant, 'Device Selection Policies').click();
    await under(tenant, 'Device Selection Policies').locator('.count', { hasText: '(1)' }).waitFor();
    await under(tenant, 'Service Redirect Policies').click();
    await object(`${tenant}/svcCont/svcRedirectPol-${names.serviceName('default/lb-1')}`).waitFor();
    // The deployed graph instance is the simulator's own doing, as on an APIC.
    await under(tenant, 'Deployed Graph Instances').click();
    await under(tenant, 'Deployed Graph Instances').locator('.count', { hasText: '(1)' }).waitFor();
    await page
      .locator('#detail table.list a', { hasText: `${tenant}/GraphInst_C-[${tenant}/brc-${names.serviceName('default/lb-1')}]` })
      .waitFor();
    await page.screenshot({ path: join(artifactsDir, 'fabric-view-l4l7.png') });
  });

  it('pages long lists and follows class-wide changes', async () => {
    const tenants = folder('Tenants');
    const before = Number(/\((\d+)\)/.exec((await tenants.locator('.count').textContent()) ?? '')?.[1]);
    // 120 tenants in one POST: more than one page (100) of the Tenants list.
    const children = Array.from({ length: 120 }, (_, i) => ({ fvTenant: { attributes: { name: `bulk-${String(i).padStart(3, '0')}` } } }));
    await rest.call('POST', '/api/mo/uni.json', { polUni: { attributes: {}, children } });
    const total = before + 120;
    await page.locator('#tree > li > ul > li.more', { hasText: `(${total - 100} not shown)` }).waitFor({ timeout: 10_000 });
    await expect(tenants.locator('.count').textContent()).resolves.toBe(` (${total})`);
    await page.click('#tree > li > ul > li.more');
    await object('uni/tn-mgmt').waitFor();
    expect(await page.locator('#tree > li > ul > li > .row.object').count()).toBe(total);
    expect(await page.locator('#tree > li > ul > li.more').count()).toBe(0);
  });

  it('keeps the session across a reload and ends it on logout', async () => {
    await page.reload();
    // The first page of tenants (the bulk ones sort first).
    await object('uni/tn-bulk-000').waitFor();
    await page.locator('#live', { hasText: 'live' }).waitFor();
    const token = await page.evaluate(() => JSON.parse(sessionStorage.getItem('apic-sim-session') ?? '{}').token as string);
    await page.click('#logout');
    await page.locator('#login-form').waitFor();
    // The token is dead on the server too.
    const res = await fetch(`${sim.url}/api/class/fvTenant.json`, {
      headers: { cookie: `APIC-cookie=${token}` },
      dispatcher: insecureAgent,
    });
    expect(res.status).toBe(403);
    await page.reload();
    await page.locator('#login-form').waitFor();
  });

  it('subscribes again when the simulator forgot its subscriptions (a tab that slept)', async () => {
    const context = await browser.newContext({ ignoreHTTPSErrors: true });
    try {
      const p = await context.newPage();
      await p.clock.install();
      await p.goto(sim.url);
      await p.fill('#login-password', PASSWORD);
      await p.click('#login-submit');
      await p.locator('#live', { hasText: 'live' }).waitFor();
      await p.fill('#search', AP);
      await p.press('#search', 'Enter');
      await p.locator('#detail h2', { hasText: 'fvAp kubernetes' }).waitFor();
      // 100 s pass on the simulator: every subscription of this page is gone there.
      skew += 100_000;
      const resubscribed = p.waitForResponse(
        (r) => r.url().includes(`/api/mo/${AP}.json?query-target=children`) && r.url().includes('subscription=yes'),
      );
      await p.clock.fastForward(31_000);
      await resubscribed;
      await rest.call('POST', `/api/mo/${AP}/epg-after-sleep.json`, { fvAEPg: { attributes: { name: 'after-sleep' } } });
      await p.locator('#detail table.list a', { hasText: `${AP}/epg-after-sleep` }).waitFor({ timeout: 10_000 });
    } finally {
      await context.close();
    }
  });
});

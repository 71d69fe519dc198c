#!/usr/bin/env node
// Fabric view benchmark: time to first paint with 10k objects in the
// simulator, in headless Chromium (Debian's /usr/bin/chromium, never a
// downloaded browser). Prints times; asserts nothing. Needs the build
// (npm run build). Runs in a few seconds.
//   login form   navigation start -> login form shown
//   login        click "Log in" -> tenants listed
//   first paint  reload with a live session -> tenants listed (navigation start based)
//   expand       click an application profile's EPG folder (200 EPGs) -> first page shown
import { existsSync } from 'node:fs';
import { Agent } from 'undici';
import { simCaller } from './sim-client.mjs';

const CHROMIUM = '/usr/bin/chromium';
if (!existsSync(CHROMIUM)) {
  console.error(`bench/ui.mjs: ${CHROMIUM} is absent: install the Debian package 'chromium'`);
  process.exit(1);
}
const { startSim } = await import('../dist/sim/server.js').catch(() => {
  console.error('bench/ui.mjs: run `npm run build` first (dist/sim/server.js is missing)');
  process.exit(1);
});
const { chromium } = await import('playwright-core');

const PASSWORD = 'bench-ui-pw-1';
const TENANTS = 50;
const EPGS = 200;

const sim = await startSim({ listen: '127.0.0.1:0', data: ':memory:', adminPassword: PASSWORD });
const agent = new Agent({ connect: { rejectUnauthorized: false } });
const call = simCaller(sim.url, agent);

// 50 tenants, each with one application profile of 200 EPGs: about 10k objects.
const token = (await call('POST', '/api/aaaLogin.json', { aaaUser: { attributes: { name: 'admin', pwd: PASSWORD } } })).imdata[0].aaaLogin
  .attributes.token;
for (let t = 0; t < TENANTS; t++) {
  const epgs = Array.from({ length: EPGS }, (_, e) => ({ fvAEPg: { attributes: { name: `epg-${e}` } } }));
  await call(
    'POST',
    `/api/mo/uni/tn-bench-${t}.json`,
    { fvTenant: { attributes: { name: `bench-${t}` }, children: [{ fvAp: { attributes: { name: 'app' }, children: epgs } }] } },
    token,
  );
}
const objects = (await call('GET', '/api/class/fvAEPg.json?rsp-subtree-include=count', undefined, token)).imdata[0].moCount.attributes
  .count;
const total = sim.store.count();

const browser = await chromium.launch({
  executablePath: CHROMIUM,
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
});
try {
  const page = await (await browser.newContext({ ignoreHTTPSErrors: true })).newPage();
  const ms = (x) => `${Math.round(x)} ms`;
  const firstTenant = '#tree .row[data-dn="uni/tn-bench-0"]';

  await page.goto(sim.url);
  await page.waitForSelector('#login-form', { state: 'visible' });
  const loginForm = await page.evaluate(() => performance.now());

  await page.fill('#login-password', PASSWORD);
  let t0 = performance.now();
  await page.click('#login-submit');
  await page.waitForSelector(firstTenant);
  const login = performance.now() - t0;

  await page.reload();
  await page.waitForSelector(firstTenant);
  const firstPaint = await page.evaluate(() => performance.now());

  await page.click('#tree .row[data-dn="uni/tn-bench-7"]');
  await page.click('#tree li:has(> .row[data-dn="uni/tn-bench-7"]) .row[data-folder="Application Profiles"]');
  await page.click('#tree .row[data-dn="uni/tn-bench-7/ap-app"]');
  t0 = performance.now();
  await page.click('#tree li:has(> .row[data-dn="uni/tn-bench-7/ap-app"]) .row[data-folder="Application EPGs"]');
  await page.waitForSelector('#tree .row[data-dn="uni/tn-bench-7/ap-app/epg-epg-0"]');
  const expand = performance.now() - t0;

  console.log(`fabric view, ${total} objects (${objects} EPGs):`);
  console.log(`  login form   ${ms(loginForm)}`);
  console.log(`  login        ${ms(login)}`);
  console.log(`  first paint  ${ms(firstPaint)}  (reload with a session; goal: under 1000 ms)`);
  console.log(`  expand       ${ms(expand)}  (${EPGS} EPGs, first page of 100)`);
} finally {
  await browser.close();
  await sim.close();
}

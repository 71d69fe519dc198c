#!/usr/bin/env node
// Helper of bench/sim.mjs, run as its own process so that receiving large
// answers does not load the simulator's process: N clients reading PATH
// over and over until killed. Usage: sim-readers.mjs URL TOKEN PATH N
import { Agent, fetch } from 'undici';

const [url, token, path, n] = process.argv.slice(2);
const agent = new Agent({ connect: { rejectUnauthorized: false }, connections: Number(n) });
process.stdout.write('ready\n');
await Promise.all(
  Array.from({ length: Number(n) }, async () => {
    for (;;) {
      const res = await fetch(url + path, { headers: { cookie: `APIC-cookie=${token}` }, dispatcher: agent });
      await res.arrayBuffer();
    }
  }),
);

// The fabric view (issue 8): a page served by apic-sim at `/` that browses
// the simulator through its own REST API and event stream. Plugged into
// startSim's `ui` hook; it answers only the few paths below.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { fabricViewClient } from './client.js';
import { PAGE_CSS, PAGE_HTML } from './page.js';
import { VIEW_SPEC } from './tree.js';

interface Asset {
  type: string;
  body: string;
}

let assets: Map<string, Asset> | undefined;

/** Made on first use: the client is the text of a type-checked function, called with the tree spec. */
function assetsByPath(): Map<string, Asset> {
  if (assets) return assets;
  const script = `// apic-sim fabric view\n(${fabricViewClient.toString()})(${JSON.stringify(VIEW_SPEC)});\n`;
  const html: Asset = { type: 'text/html; charset=utf-8', body: PAGE_HTML };
  assets = new Map([
    ['/', html],
    ['/index.html', html],
    ['/ui/fabric-view.js', { type: 'text/javascript; charset=utf-8', body: script }],
    ['/ui/fabric-view.css', { type: 'text/css; charset=utf-8', body: PAGE_CSS }],
  ]);
  return assets;
}

// Same-origin only: the page loads nothing from elsewhere and talks only to this server.
const SECURITY_HEADERS = {
  'Content-Security-Policy':
    "default-src 'self'; connect-src 'self'; img-src 'self' data:; frame-ancestors 'none'; base-uri 'none'; form-action 'self'",
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cache-Control': 'no-cache',
};

/** The `ui` hook of startSim: answers GET/HEAD of the page and its two assets. */
export function serveFabricView(req: IncomingMessage, res: ServerResponse): boolean {
  const method = req.method ?? 'GET';
  if (method !== 'GET' && method !== 'HEAD') return false;
  const path = new URL(req.url ?? '/', 'http://apic-sim').pathname;
  if (path === '/favicon.ico') {
    res.writeHead(204, SECURITY_HEADERS);
    res.end();
    return true;
  }
  const asset = assetsByPath().get(path);
  if (!asset) return false;
  res.writeHead(200, { 'Content-Type': asset.type, 'Content-Length': Buffer.byteLength(asset.body), ...SECURITY_HEADERS });
  res.end(method === 'HEAD' ? undefined : asset.body);
  return true;
}

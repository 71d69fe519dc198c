// Desired roots from request-shaped data (`POST /api/mo/<dn>.json` + body), as
// the `--apic-dump` file and the Python tool write them. A body may be posted
// at its own DN or at its parent's (`/api/mo/uni/infra.json` carrying an
// infraAttEntityP); the object's DN is worked out either way.
import type { ManagedObject } from '../../aci/types.js';
import { childDn, lastRn, resolveDn } from '../../aci/dn.js';
import { classInfo } from '../../aci/classes.js';
import { fromWire } from '../../aci/json.js';
import { classTableNaming, type MoNaming } from './naming.js';

export interface PostRequest {
  /** `/api/mo/uni/tn-kube.json`, `/api/node/mo/...`, or a bare DN. */
  path: string;
  body: ManagedObject;
}

/** `/api/node/mo/uni/tn-a.json?x=y` -> `uni/tn-a`. */
export function dnOfPath(path: string): string {
  return decodeURIComponent(
    path
      .replace(/\?.*$/, '')
      .replace(/^\/?api\/(node\/)?mo\//, '')
      .replace(/\.(json|xml)$/, ''),
  );
}

function hasNaming(body: ManagedObject): boolean {
  const info = classInfo(body.className);
  return !info || info.naming.every((p) => body.attributes[p] !== undefined);
}

export function desiredFromRequests(requests: readonly PostRequest[], naming: MoNaming = classTableNaming): ManagedObject[] {
  return requests.map(({ path, body }) => {
    const at = dnOfPath(path);
    let dn = body.attributes['dn'];
    if (!dn) {
      // A body without its naming properties posted at its own URL (the
      // Calico L3Out's route control) names the object the URL names.
      const self = resolveDn(at)?.at(-1)?.className === body.className && !hasNaming(body);
      if (self) dn = at;
      else {
        const rn = naming.rnOf(body);
        dn = lastRn(at) === rn ? at : childDn(at, rn);
      }
    }
    return { ...body, attributes: { ...body.attributes, dn } };
  });
}

/** Parses the dump format: a request path on one line, then its JSON body (or `None` for a path only). */
export function parseApicDump(text: string): PostRequest[] {
  const out: PostRequest[] = [];
  const lines = text.split('\n');
  let path: string | undefined;
  let body: string[] = [];
  const flush = (): void => {
    if (path === undefined) return;
    const json = body.join('\n').trim();
    if (json !== '' && json !== 'None' && json !== 'null') out.push({ path, body: fromWire(JSON.parse(json)) });
  };
  for (const line of lines) {
    if (line.startsWith('/api/')) {
      flush();
      path = line.trim();
      body = [];
    } else {
      body.push(line);
    }
  }
  flush();
  return out;
}

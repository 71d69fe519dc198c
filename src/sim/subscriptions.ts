// Event subscriptions: a query sent with `subscription=yes` registers what
// it matched; every later change that the same query would match is pushed
// to the websocket the session opened at /socket<TOKEN>. Subscriptions die
// unless refreshed (/api/subscriptionRefresh.json) within their timeout.
import type { WebSocket } from 'ws';
import { parentDn } from '../aci/dn.js';
import { matchFilter, type Filter } from './filter.js';
import type { MoEvent } from './write.js';

export type SubscriptionQuery =
  | { kind: 'mo'; dn: string; target: 'self' | 'children' | 'subtree'; classes?: Set<string>; filter?: Filter }
  | { kind: 'class'; className: string; filter?: Filter };

interface Subscription {
  id: string;
  token: string;
  query: SubscriptionQuery;
  timeoutSeconds: number;
  refreshed: number;
}

export const DEFAULT_SUBSCRIPTION_TIMEOUT = 80;

export class Subscriptions {
  private readonly subs = new Map<string, Subscription>();
  private readonly sockets = new Map<string, Set<WebSocket>>();
  // APIC subscription ids are large decimal numbers; keep the look.
  private next = 72057594037927937n;

  constructor(private readonly clock: () => number) {}

  add(token: string, query: SubscriptionQuery, timeoutSeconds = DEFAULT_SUBSCRIPTION_TIMEOUT): string {
    const id = String(this.next++);
    this.subs.set(id, { id, token, query, timeoutSeconds, refreshed: this.clock() });
    return id;
  }

  /** Extends a live subscription; false when unknown or already expired. */
  refresh(id: string): boolean {
    const s = this.live(id);
    if (!s) return false;
    s.refreshed = this.clock();
    return true;
  }

  private live(id: string): Subscription | undefined {
    const s = this.subs.get(id);
    if (s && this.clock() - s.refreshed > s.timeoutSeconds * 1000) {
      this.subs.delete(id);
      return undefined;
    }
    return s;
  }

  attach(token: string, ws: WebSocket): void {
    const set = this.sockets.get(token) ?? new Set<WebSocket>();
    set.add(ws);
    this.sockets.set(token, set);
    ws.on('close', () => {
      set.delete(ws);
      if (set.size === 0) this.sockets.delete(token);
    });
  }

  /** Drops a session's subscriptions (logout). */
  dropSession(token: string): void {
    for (const [id, s] of this.subs) if (s.token === token) this.subs.delete(id);
    for (const ws of this.sockets.get(token) ?? []) ws.close(1000, 'logged out');
  }

  /** Pushes committed changes; `present` turns an event into the wire object. */
  publish(events: readonly MoEvent[], present: (e: MoEvent) => unknown): void {
    if (this.subs.size === 0 || events.length === 0) return;
    for (const e of events) {
      const byToken = new Map<string, string[]>();
      for (const id of [...this.subs.keys()]) {
        const s = this.live(id);
        if (!s || !matches(s.query, e)) continue;
        const ids = byToken.get(s.token) ?? [];
        ids.push(s.id);
        byToken.set(s.token, ids);
      }
      if (byToken.size === 0) continue;
      const wire = present(e);
      for (const [token, ids] of byToken) {
        const msg = JSON.stringify({ subscriptionId: ids, imdata: [wire] });
        for (const ws of this.sockets.get(token) ?? []) if (ws.readyState === ws.OPEN) ws.send(msg);
      }
    }
  }

  closeAll(): void {
    for (const set of this.sockets.values()) for (const ws of set) ws.terminate();
    this.sockets.clear();
    this.subs.clear();
  }
}

function matches(q: SubscriptionQuery, e: MoEvent): boolean {
  if (q.kind === 'class') {
    if (e.className !== q.className) return false;
  } else {
    const inScope =
      q.target === 'self'
        ? e.dn === q.dn
        : q.target === 'children'
          ? parentDn(e.dn) === q.dn
          : e.dn === q.dn || e.dn.startsWith(`${q.dn}/`);
    if (!inScope) return false;
    if (q.classes && q.target !== 'self' && !q.classes.has(e.className)) return false;
  }
  return !q.filter || matchFilter(q.filter, e.full, e.className);
}

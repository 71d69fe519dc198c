// The fabric view's browser code. It is type-checked here with the DOM types
// and served as the text of this one function (see assets.ts), so it must
// stay self-contained: no imports, nothing from the module scope, only types.
// It talks to the simulator exactly as the APIC GUI talks to an APIC: aaaLogin
// (with a challenge token), /api/mo and /api/class queries, and the
// websocket /socket<token> fed by `subscription=yes` queries.
import type { FolderSpec, ListSpec, ViewSpec } from './tree.js';

export function fabricViewClient(spec: ViewSpec): void {
  interface Mo {
    className: string;
    attrs: Record<string, string>;
  }
  interface Answer {
    total: number;
    mos: Mo[];
    subscriptionId?: string;
  }
  interface TreeNode {
    key: string;
    label: string;
    /** Object nodes: the object. */
    mo?: Mo;
    /** The nearest object at or above this node (folders resolve `{dn}` with it). */
    baseDn: string;
    folder?: FolderSpec;
    /** Object nodes listed by a folder with item folders. */
    itemFolders?: FolderSpec[];
    expanded: boolean;
    loaded: boolean;
    children: TreeNode[];
    /** Items the last query reported in total (lists and raw children). */
    total?: number;
    /** Items asked for (grows with "more"). */
    want: number;
    subscriptionId?: string;
    li: HTMLLIElement;
    row: HTMLDivElement;
    twisty: HTMLSpanElement;
    count: HTMLSpanElement;
    ul: HTMLUListElement;
    dropped?: boolean;
  }

  const session = { token: '', challenge: '', user: '' };
  /** Subscription id -> what to refresh when it fires. */
  const listeners = new Map<string, () => void>();
  /** Subscription id -> how to subscribe again when the APIC forgot it (expired while the tab slept). */
  const renewers = new Map<string, () => void>();
  /** The detail pane's subscriptions: replaced on every selection. */
  let detailSubscriptions: string[] = [];
  let socket: WebSocket | undefined;
  let timers: number[] = [];
  let selected: { dn: string; generation: number } | undefined;
  let generation = 0;
  let roots: TreeNode[] = [];

  const byId = <T extends HTMLElement>(id: string): T => document.getElementById(id) as T;
  function el<K extends keyof HTMLElementTagNameMap>(tag: K, cls?: string, text?: string): HTMLElementTagNameMap[K] {
    const e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined) e.textContent = text;
    return e;
  }

  // --- the REST API -------------------------------------------------------

  class ApiError extends Error {
    constructor(
      message: string,
      readonly status: number,
    ) {
      super(message);
    }
  }

  function unwrap(wire: Record<string, { attributes?: Record<string, string> }>): Mo {
    const className = Object.keys(wire)[0] ?? '';
    return { className, attrs: wire[className]?.attributes ?? {} };
  }

  async function api(method: string, path: string, body?: unknown): Promise<Answer> {
    const headers: Record<string, string> = {};
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    if (session.challenge) headers['APIC-challenge'] = session.challenge;
    const res = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const data = (await res.json().catch(() => ({}))) as {
      totalCount?: string;
      imdata?: Record<string, { attributes?: Record<string, string> }>[];
      subscriptionId?: string;
    };
    const mos = (data.imdata ?? []).map(unwrap);
    if (!res.ok) {
      const err = mos[0]?.className === 'error' ? mos[0].attrs.text : undefined;
      if (res.status === 403 && session.token && path !== '/api/aaaLogin.json') expired();
      throw new ApiError(err ?? `HTTP ${res.status}`, res.status);
    }
    return { total: Number(data.totalCount ?? mos.length), mos, subscriptionId: data.subscriptionId };
  }

  const moUrl = (dn: string, query: string) => `/api/mo/${dn.split('/').map(encodeURIComponent).join('/')}.json${query ? `?${query}` : ''}`;
  const classUrl = (cls: string, query: string) => `/api/class/${encodeURIComponent(cls)}.json${query ? `?${query}` : ''}`;

  /** Splits a DN into RNs; brackets may hold slashes (rsdomP-[uni/phys-x]). */
  function rnsOf(dn: string): string[] {
    const out: string[] = [];
    let depth = 0;
    let cur = '';
    for (const ch of dn) {
      if (ch === '[') depth++;
      else if (ch === ']') depth = Math.max(0, depth - 1);
      if (ch === '/' && depth === 0) {
        out.push(cur);
        cur = '';
      } else cur += ch;
    }
    out.push(cur);
    return out;
  }
  const rnOf = (dn: string) => rnsOf(dn).at(-1) ?? dn;

  // --- session ------------------------------------------------------------

  async function login(user: string, password: string): Promise<void> {
    // gui-token-request=yes: the GUI's login, which adds a challenge every later request must echo.
    const a = await api('POST', '/api/aaaLogin.json?gui-token-request=yes', { aaaUser: { attributes: { name: user, pwd: password } } });
    const attrs = a.mos[0]?.attrs ?? {};
    session.token = attrs.token ?? '';
    session.challenge = attrs.urlToken ?? '';
    session.user = attrs.userName ?? user;
    sessionStorage.setItem('apic-sim-session', JSON.stringify(session));
  }

  async function resume(): Promise<boolean> {
    const saved = sessionStorage.getItem('apic-sim-session');
    if (!saved) return false;
    try {
      Object.assign(session, JSON.parse(saved));
      await api('GET', '/api/aaaRefresh.json');
      return true;
    } catch {
      forget();
      return false;
    }
  }

  function forget(): void {
    session.token = '';
    session.challenge = '';
    session.user = '';
    sessionStorage.removeItem('apic-sim-session');
    for (const t of timers) clearInterval(t);
    timers = [];
    listeners.clear();
    renewers.clear();
    const s = socket;
    socket = undefined;
    s?.close();
  }

  function expired(): void {
    forget();
    showLogin('Session expired: log in again.');
  }

  function showLogin(message = ''): void {
    byId('app').hidden = true;
    byId('login').hidden = false;
    byId('login-error').textContent = message;
    byId<HTMLInputElement>('login-password').value = '';
    byId<HTMLInputElement>(byId<HTMLInputElement>('login-user').value ? 'login-password' : 'login-user').focus();
  }

  // --- live updates -------------------------------------------------------

  const pending = new Set<() => void>();
  let flushQueued = false;
  /** Events come in bursts (a POST creates many objects): refresh each listener once per burst. */
  function queue(fn: () => void): void {
    pending.add(fn);
    if (flushQueued) return;
    flushQueued = true;
    setTimeout(() => {
      flushQueued = false;
      const fns = [...pending];
      pending.clear();
      for (const f of fns) f();
    }, 60);
  }

  function connect(): void {
    const token = session.token;
    if (!token) return;
    const ws = new WebSocket(`${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/socket${encodeURIComponent(token)}`);
    socket = ws;
    ws.onopen = () => setLive(true);
    ws.onmessage = (ev) => {
      let msg: { subscriptionId?: string[] };
      try {
        msg = JSON.parse(String(ev.data)) as { subscriptionId?: string[] };
      } catch {
        return;
      }
      for (const id of msg.subscriptionId ?? []) {
        const fn = listeners.get(id);
        if (fn) queue(fn);
      }
    };
    ws.onclose = () => {
      if (socket !== ws) return;
      setLive(false);
      // Subscriptions belong to the session, not the socket: reconnecting is enough.
      setTimeout(() => {
        if (socket === ws && session.token === token) connect();
      }, 2000);
    };
  }

  function setLive(on: boolean): void {
    const e = byId('live');
    e.textContent = on ? 'live' : 'offline';
    e.className = on ? 'live on' : 'live';
  }

  function listen(id: string | undefined, fn: () => void, renew: () => void): void {
    if (!id) return;
    listeners.set(id, fn);
    renewers.set(id, renew);
  }

  function unlisten(id: string | undefined): void {
    if (!id) return;
    listeners.delete(id);
    renewers.delete(id);
  }

  function startTimers(): void {
    timers.push(
      window.setInterval(() => {
        for (const id of [...listeners.keys()]) {
          api('GET', `/api/subscriptionRefresh.json?id=${encodeURIComponent(id)}`).catch((e: ApiError) => {
            if (e.status === 403) return;
            const renew = renewers.get(id);
            unlisten(id);
            renew?.();
          });
        }
      }, spec.subscriptionRefreshSeconds * 1000),
      window.setInterval(() => {
        api('GET', '/api/aaaRefresh.json').catch(() => undefined);
      }, spec.sessionRefreshSeconds * 1000),
    );
  }

  // --- the tree -----------------------------------------------------------

  function makeNode(key: string, label: string, baseDn: string, extra: Partial<TreeNode>): TreeNode {
    const li = el('li');
    const row = el('div', 'row');
    const twisty = el('span', 'twisty', '\u25b8');
    const name = el('span', 'label', label);
    const count = el('span', 'count');
    row.append(twisty, name, count);
    const ul = el('ul');
    ul.hidden = true;
    ul.setAttribute('role', 'group');
    li.setAttribute('role', 'treeitem');
    li.setAttribute('aria-expanded', 'false');
    li.append(row, ul);
    const node: TreeNode = {
      key,
      label,
      baseDn,
      expanded: false,
      loaded: false,
      children: [],
      want: spec.pageSize,
      li,
      row,
      twisty,
      count,
      ul,
      ...extra,
    };
    if (node.mo) {
      row.dataset.dn = node.mo.attrs.dn ?? '';
      row.title = `${node.mo.className} ${node.mo.attrs.dn ?? ''}`;
      row.classList.add('object');
    } else row.dataset.folder = label;
    twisty.addEventListener('click', (ev) => {
      ev.stopPropagation();
      void toggle(node);
    });
    row.addEventListener('click', () => {
      if (node.mo) select(node.mo.attrs.dn ?? '');
      else showFolder(node);
      if (!node.expanded) void toggle(node);
    });
    return node;
  }

  async function toggle(node: TreeNode): Promise<void> {
    node.expanded = !node.expanded;
    node.ul.hidden = !node.expanded;
    node.twisty.textContent = node.expanded ? '\u25be' : '\u25b8';
    node.li.setAttribute('aria-expanded', String(node.expanded));
    if (node.expanded && !node.loaded) {
      node.loaded = true;
      await load(node, true);
    }
  }

  /** The query listing a node's items; undefined for folders with fixed sub-folders only. */
  function queryOf(node: TreeNode, size: number): string | undefined {
    const paging = `page-size=${size}`;
    const list: ListSpec | undefined = node.folder?.list;
    if (list) {
      if (list.at === undefined) return classUrl(list.cls, paging);
      return moUrl(
        list.at.replace('{dn}', node.baseDn),
        `query-target=children&target-subtree-class=${encodeURIComponent(list.cls)}&${paging}`,
      );
    }
    if (node.mo && !node.itemFolders) return moUrl(node.mo.attrs.dn ?? '', `query-target=children&${paging}`);
    return undefined;
  }

  async function load(node: TreeNode, subscribe: boolean): Promise<void> {
    if (node.dropped) return;
    const fixed = node.folder?.folders ?? node.itemFolders;
    if (fixed && !node.folder?.list) {
      // Fixed folders: made once, no query.
      if (node.children.length === 0) {
        node.children = fixed.map((f) => makeNode(`${node.key}>${f.label}`, f.label, node.baseDn, { folder: f }));
        node.ul.replaceChildren(...node.children.map((c) => c.li));
      }
      return;
    }
    const url = queryOf(node, Math.max(node.want, node.children.length));
    if (!url) return;
    node.row.classList.add('loading');
    try {
      const a = await api('GET', subscribe ? `${url}&subscription=yes` : url);
      if (subscribe) {
        unlisten(node.subscriptionId);
        node.subscriptionId = a.subscriptionId;
        listen(
          a.subscriptionId,
          () => void load(node, false),
          () => void load(node, true),
        );
      }
      node.total = a.total;
      placeChildren(node, a.mos);
      node.count.textContent = ` (${a.total})`;
      node.row.classList.remove('error');
    } catch (e) {
      node.count.textContent = ` \u2014 ${(e as Error).message}`;
      node.row.classList.add('error');
    } finally {
      node.row.classList.remove('loading');
    }
  }

  /** Merges a fresh answer into a node's children, keeping the expanded state of the ones that stay. */
  function placeChildren(node: TreeNode, mos: Mo[]): void {
    const old = new Map(node.children.map((c) => [c.key, c]));
    const list = node.folder?.list;
    const next = mos.map((mo) => {
      const dn = mo.attrs.dn ?? '';
      const existing = old.get(dn);
      if (existing) {
        old.delete(dn);
        existing.mo = mo;
        return existing;
      }
      const label = list ? mo.attrs[list.labelAttr ?? 'name'] || rnOf(dn) : `${mo.className} ${rnOf(dn)}`;
      const child = makeNode(dn, label, dn, { mo, itemFolders: list?.folders });
      if (node.loaded && node.children.length > 0) flash(child.row);
      return child;
    });
    for (const gone of old.values()) drop(gone);
    node.children = next;
    const items: HTMLElement[] = next.map((c) => c.li);
    if ((node.total ?? 0) > next.length) {
      const more = el('li', 'more', `more\u2026 (${(node.total ?? 0) - next.length} not shown)`);
      more.addEventListener('click', () => {
        node.want = next.length + spec.pageSize;
        void load(node, false);
      });
      items.push(more);
    }
    node.ul.replaceChildren(...items);
    if (selectedFolder === node) showFolder(node);
  }

  function drop(node: TreeNode): void {
    node.dropped = true;
    unlisten(node.subscriptionId);
    for (const c of node.children) drop(c);
  }

  function flash(row: HTMLElement): void {
    row.classList.add('changed');
    setTimeout(() => row.classList.remove('changed'), 1500);
  }

  function buildTree(): void {
    roots = spec.roots.map((f) => makeNode(f.label, f.label, '', { folder: f }));
    byId('tree').replaceChildren(...roots.map((r) => r.li));
    // Start with one query: the tenants (like the APIC GUI's first screen).
    void toggle(roots[0]);
  }

  // --- the detail pane ----------------------------------------------------

  let selectedFolder: TreeNode | undefined;

  function markSelected(row: HTMLElement | undefined): void {
    for (const r of document.querySelectorAll('#tree .row.selected')) r.classList.remove('selected');
    row?.classList.add('selected');
  }

  function dropDetailSubscriptions(): void {
    for (const id of detailSubscriptions) unlisten(id);
    detailSubscriptions = [];
  }

  /** A folder: its items as a table (what the APIC shows in the work pane). */
  function showFolder(node: TreeNode): void {
    selected = undefined;
    dropDetailSubscriptions();
    selectedFolder = node;
    markSelected(node.row);
    const pane = byId('detail');
    const head = el('h2', '', node.label);
    const items = node.children.filter((c) => c.mo);
    if (!node.folder?.list) {
      pane.replaceChildren(head, el('p', 'muted', 'Expand the folders on the left.'));
      return;
    }
    const note = el('p', 'muted', node.total === undefined ? 'Loading\u2026' : `${node.total} object(s) of class ${node.folder.list.cls}`);
    pane.replaceChildren(head, note, objectTable(items.map((c) => c.mo!)));
  }

  function objectTable(mos: Mo[]): HTMLTableElement {
    const table = el('table', 'list');
    const head = el('tr');
    const relations = mos.some((m) => m.attrs.tDn !== undefined);
    head.append(el('th', '', 'Name'), el('th', '', 'Class'), el('th', '', 'DN'));
    // Relations show where they point and whether the target exists (formed / missing-target).
    if (relations) head.append(el('th', '', 'Target'));
    table.append(head);
    for (const mo of mos) {
      const tr = el('tr');
      const dn = mo.attrs.dn ?? '';
      const link = el('a', '', dn);
      link.href = '#';
      link.dataset.dn = dn;
      link.addEventListener('click', (ev) => {
        ev.preventDefault();
        select(dn);
      });
      const dnCell = el('td');
      dnCell.append(link);
      tr.append(el('td', '', mo.attrs.name || rnOf(dn)), el('td', '', mo.className), dnCell);
      if (relations) {
        const state = mo.attrs.state ? ` (${mo.attrs.state})` : '';
        tr.append(
          el('td', mo.attrs.state === 'missing-target' ? 'error' : '', mo.attrs.tDn === undefined ? '' : `${mo.attrs.tDn}${state}`),
        );
      }
      table.append(tr);
    }
    return table;
  }

  /** Shows one object: its attributes and children, kept current by two subscriptions. */
  function select(dn: string): void {
    selectedFolder = undefined;
    const mine = { dn, generation: ++generation };
    selected = mine;
    markSelected(document.querySelector<HTMLElement>(`#tree .row[data-dn="${CSS.escape(dn)}"]`) ?? undefined);
    void showObject(mine, true);
  }

  async function showObject(mine: { dn: string; generation: number }, subscribe: boolean): Promise<void> {
    const pane = byId('detail');
    const sub = subscribe ? '&subscription=yes' : '';
    try {
      const [self, kids] = await Promise.all([
        api('GET', moUrl(mine.dn, `rsp-prop-include=all${sub}`)),
        api('GET', moUrl(mine.dn, `query-target=children&page-size=${spec.pageSize}${sub}`)),
      ]);
      if (selected !== mine) return;
      if (subscribe) {
        dropDetailSubscriptions();
        detailSubscriptions = [self.subscriptionId ?? '', kids.subscriptionId ?? ''];
        const again = () => {
          if (selected === mine) void showObject(mine, false);
        };
        const renew = () => {
          if (selected === mine) void showObject(mine, true);
        };
        listen(self.subscriptionId, again, renew);
        listen(kids.subscriptionId, again, renew);
      }
      const mo = self.mos[0];
      if (!mo) {
        pane.replaceChildren(el('h2', '', rnOf(mine.dn)), el('p', 'error', `No object at ${mine.dn} (deleted or never created).`));
        return;
      }
      const attrs = el('table', 'attrs');
      for (const [k, v] of Object.entries(mo.attrs)) {
        const tr = el('tr');
        tr.dataset.attr = k;
        tr.append(el('th', '', k), el('td', '', v));
        attrs.append(tr);
      }
      const head = el('h2', '', `${mo.className} ${mo.attrs.name || rnOf(mine.dn)}`);
      const dnLine = el('p', 'dn', mine.dn);
      const up = ancestorLinks(mine.dn);
      const kidsHead = el('h3', '', `Children (${kids.total}${kids.total > kids.mos.length ? `, first ${kids.mos.length} shown` : ''})`);
      pane.replaceChildren(head, up, dnLine, el('h3', '', 'Attributes'), attrs, kidsHead, objectTable(kids.mos));
    } catch (e) {
      if (selected === mine) pane.replaceChildren(el('h2', '', rnOf(mine.dn)), el('p', 'error', (e as Error).message));
    }
  }

  function ancestorLinks(dn: string): HTMLElement {
    const p = el('p', 'crumbs');
    const rns = rnsOf(dn);
    rns.forEach((rn, i) => {
      const prefix = rns.slice(0, i + 1).join('/');
      if (i > 0) p.append(' / ');
      if (i === rns.length - 1) p.append(el('span', '', rn));
      else {
        const a = el('a', '', rn);
        a.href = '#';
        a.addEventListener('click', (ev) => {
          ev.preventDefault();
          select(prefix);
        });
        p.append(a);
      }
    });
    return p;
  }

  // --- search -------------------------------------------------------------

  /** A DN has a slash or is a root; anything else is taken for a class name. */
  async function search(text: string): Promise<void> {
    const q = text.trim();
    if (!q) return;
    if (q.includes('/') || q === 'uni' || q === 'comp' || q === 'topology') {
      select(q);
      return;
    }
    selected = undefined;
    selectedFolder = undefined;
    dropDetailSubscriptions();
    markSelected(undefined);
    const pane = byId('detail');
    pane.replaceChildren(el('h2', '', `Class ${q}`), el('p', 'muted', 'Loading\u2026'));
    try {
      const a = await api('GET', classUrl(q, `page-size=${spec.pageSize}`));
      const note = `${a.total} object(s)${a.total > a.mos.length ? `, first ${a.mos.length} shown` : ''}`;
      pane.replaceChildren(el('h2', '', `Class ${q}`), el('p', 'muted', note), objectTable(a.mos));
    } catch (e) {
      pane.replaceChildren(el('h2', '', `Class ${q}`), el('p', 'error', (e as Error).message));
    }
  }

  // --- start --------------------------------------------------------------

  function enter(): void {
    byId('login').hidden = true;
    byId('app').hidden = false;
    byId('user').textContent = session.user;
    byId('detail').replaceChildren(el('p', 'muted', 'Select an object, or search by DN or class.'));
    buildTree();
    connect();
    startTimers();
  }

  byId<HTMLFormElement>('login-form').addEventListener('submit', (ev) => {
    ev.preventDefault();
    const user = byId<HTMLInputElement>('login-user').value;
    const password = byId<HTMLInputElement>('login-password').value;
    const button = byId<HTMLButtonElement>('login-submit');
    button.disabled = true;
    login(user, password)
      .then(enter)
      .catch((e: Error) => showLogin(e.message))
      .finally(() => (button.disabled = false));
  });
  byId<HTMLFormElement>('search-form').addEventListener('submit', (ev) => {
    ev.preventDefault();
    void search(byId<HTMLInputElement>('search').value);
  });
  byId('logout').addEventListener('click', () => {
    api('POST', '/api/aaaLogout.json', { aaaUser: { attributes: { name: session.user } } }).catch(() => undefined);
    forget();
    showLogin();
  });

  void resume().then((ok) => (ok ? enter() : showLogin()));
}

// The fabric view's HTML and stylesheet: static text, no framework. Every
// value from the fabric is put in the page with textContent (never as HTML).

export const PAGE_HTML = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>apic-sim fabric view</title>
<link rel="stylesheet" href="/ui/fabric-view.css">
<script type="module" src="/ui/fabric-view.js"></script>
</head>
<body>
<main id="login" hidden>
  <form id="login-form" class="login">
    <h1>apic-sim</h1>
    <p class="muted">Log in as on an APIC.</p>
    <label>User <input id="login-user" name="user" autocomplete="username" value="admin" required></label>
    <label>Password <input id="login-password" name="password" type="password" autocomplete="current-password" required></label>
    <button id="login-submit" type="submit">Log in</button>
    <p id="login-error" class="error" role="alert"></p>
  </form>
</main>
<div id="app" hidden>
  <header>
    <strong>apic-sim fabric view</strong>
    <form id="search-form" role="search">
      <input id="search" placeholder="DN (uni/tn-x/ap-y) or class (fvAEPg)" aria-label="Search by DN or class">
      <button type="submit">Search</button>
    </form>
    <span id="live" class="live">offline</span>
    <span id="user"></span>
    <button id="logout" type="button">Log out</button>
  </header>
  <nav aria-label="Fabric"><ul id="tree" role="tree"></ul></nav>
  <section id="detail"></section>
</div>
</body>
</html>
`;

export const PAGE_CSS = `
* { box-sizing: border-box; }
body { margin: 0; font: 13px/1.4 system-ui, sans-serif; color: #1d2330; background: #f4f6f9; }
[hidden] { display: none !important; }
.login { width: 300px; margin: 12vh auto; padding: 24px; background: #fff; border: 1px solid #d5dbe3; border-radius: 6px; display: grid; gap: 10px; }
.login h1 { margin: 0; font-size: 20px; }
.login label { display: grid; gap: 3px; }
input, button { font: inherit; padding: 4px 8px; }
#app { display: grid; grid-template-columns: minmax(260px, 30%) 1fr; grid-template-rows: auto 1fr; height: 100vh; }
header { grid-column: 1 / 3; display: flex; gap: 12px; align-items: center; padding: 6px 12px; background: #1d3a5f; color: #fff; }
header form { display: flex; gap: 4px; flex: 1; }
header input { flex: 1; max-width: 480px; }
.live { padding: 1px 8px; border-radius: 9px; background: #8a94a3; font-size: 11px; }
.live.on { background: #2e9d57; }
nav { overflow: auto; background: #fff; border-right: 1px solid #d5dbe3; padding: 6px 0; }
nav ul { list-style: none; margin: 0; padding-left: 14px; }
#tree { padding-left: 4px; }
.row { cursor: pointer; padding: 1px 4px; white-space: nowrap; border-radius: 3px; }
.row:hover { background: #eef2f7; }
.row.selected { background: #d6e4f5; }
.row.object .label { color: #14467a; }
.row.loading .count::after { content: ' \\2026'; }
.row.error .count, .error { color: #b3261e; }
.row.changed { background: #fff3bf; transition: background 1s; }
.twisty { display: inline-block; width: 14px; color: #6b7686; }
.count { color: #6b7686; }
.more { cursor: pointer; color: #14467a; padding: 1px 18px; }
#detail { overflow: auto; padding: 12px 18px; }
#detail h2 { margin: 0 0 4px; font-size: 16px; }
#detail h3 { margin: 14px 0 4px; font-size: 13px; }
.dn { font-family: ui-monospace, monospace; color: #4a5566; margin: 0; word-break: break-all; }
.crumbs { margin: 0 0 2px; color: #6b7686; }
.muted { color: #6b7686; }
table { border-collapse: collapse; background: #fff; }
th, td { text-align: left; padding: 2px 10px 2px 6px; border-bottom: 1px solid #e6eaf0; vertical-align: top; }
.attrs th { font-weight: 500; color: #4a5566; }
.attrs td { font-family: ui-monospace, monospace; word-break: break-all; }
.list td:last-child { font-family: ui-monospace, monospace; }
a { color: #14467a; }
`;

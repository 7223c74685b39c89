// Small DOM helpers. Text always goes in as text nodes: nothing from the API is parsed as HTML.

export function h(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs ?? {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key.startsWith('on') && typeof value === 'function') node.addEventListener(key.slice(2), value);
    else if (key === 'class') node.className = value;
    else if (key === 'dataset') Object.assign(node.dataset, value);
    else node.setAttribute(key, value === true ? '' : value);
  }
  append(node, children);
  return node;
}

function append(node, children) {
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

export function svg(tag, attrs = {}, ...children) {
  const node = document.createElementNS('http://www.w3.org/2000/svg', tag);
  for (const [key, value] of Object.entries(attrs)) if (value !== undefined && value !== null) node.setAttribute(key, value);
  append(node, children);
  return node;
}

export const fmt = {
  time(value) {
    if (!value) return '';
    const d = new Date(value);
    return d.toISOString().replace('T', ' ').replace(/\.\d+Z$/, 'Z');
  },
  ago(value) {
    if (!value) return '';
    const seconds = (Date.now() - new Date(value).getTime()) / 1000;
    if (seconds < 60) return `${Math.max(0, Math.round(seconds))}s ago`;
    if (seconds < 3600) return `${Math.round(seconds / 60)}m ago`;
    if (seconds < 86400) return `${Math.round(seconds / 3600)}h ago`;
    return `${Math.round(seconds / 86400)}d ago`;
  },
  num(value) { return value === null || value === undefined ? '' : Number(value).toLocaleString('en-US'); },
  short(principal) {
    if (!principal) return '';
    const m = /^arn:aws[\w-]*:(?:iam|sts)::(\d+):(.+)$/.exec(principal);
    return m ? `${m[2]} (${m[1]})` : principal;
  },
  duration(seconds) {
    if (seconds === null || seconds === undefined) return '—';
    if (seconds < 120) return `${Math.round(seconds)} s`;
    if (seconds < 7200) return `${Math.round(seconds / 60)} min`;
    if (seconds < 172800) return `${Math.round(seconds / 3600)} h`;
    return `${Math.round(seconds / 86400)} d`;
  },
};

export function severityPill(severity) { return h('span', { class: `pill sev-${severity}` }, severity); }
export function statusPill(status) { return h('span', { class: `pill st-${String(status).toLowerCase()}` }, String(status).toLowerCase()); }

export function toast(message, bad = false) {
  const node = h('div', { class: `toast${bad ? ' bad' : ''}`, role: 'status' }, message);
  document.getElementById('toasts').append(node);
  setTimeout(() => node.remove(), 4500);
}

// A right-hand drawer for details (an event, raw JSON). Escape or the backdrop closes it.
export function openDrawer(title, ...content) {
  const drawer = document.getElementById('drawer');
  document.getElementById('drawer-title').textContent = title;
  const body = document.getElementById('drawer-body');
  body.replaceChildren(...content.flat());
  drawer.hidden = false;
  document.getElementById('drawer-close').focus();
}

export function closeDrawer() { document.getElementById('drawer').hidden = true; }

export function isDrawerOpen() { return !document.getElementById('drawer').hidden; }

// JSON with light syntax colouring, built from text nodes.
export function jsonView(value) {
  const pre = h('pre', { class: 'json', 'data-testid': 'raw-json' });
  const text = JSON.stringify(value, null, 2) ?? 'null';
  const pattern = /("(?:[^"\\]|\\.)*")(\s*:)?|\b(true|false|null)\b|(-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)/g;
  let last = 0;
  for (const match of text.matchAll(pattern)) {
    pre.append(text.slice(last, match.index));
    const cls = match[1] ? (match[2] ? 'k' : 's') : match[3] ? 'b' : 'n';
    pre.append(h('span', { class: cls }, match[1] ?? match[3] ?? match[4]));
    if (match[2]) pre.append(match[2]);
    last = match.index + match[0].length;
  }
  pre.append(text.slice(last));
  return pre;
}

export function panel(title, body, ...headerExtras) {
  return h('section', { class: 'panel' },
    h('header', {}, h('h2', {}, title), h('div', { class: 'export' }, ...headerExtras)),
    body);
}

export function stat(label, value, sub) {
  return h('div', { class: 'stat' }, h('div', { class: 'label' }, label), h('div', { class: 'value' }, value), sub ? h('div', { class: 'sub' }, sub) : null);
}

export function empty(text) { return h('div', { class: 'empty' }, text); }

export function kv(pairs) {
  return h('dl', { class: 'kv' }, pairs.filter(([, v]) => v !== undefined && v !== null && v !== '').flatMap(([k, v]) => [h('dt', {}, k), h('dd', {}, v)]));
}

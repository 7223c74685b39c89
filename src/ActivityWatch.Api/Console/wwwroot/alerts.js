import { get, post } from './api.js';
import { h, fmt, severityPill, statusPill, panel, kv, jsonView, openDrawer, isDrawerOpen, toast } from './ui.js';
import { dataTable } from './table.js';
import { showEvent, timelineColumns, timelineHash, term, addTerm } from './event.js';
import { around } from './range.js';

const statuses = ['active', 'open', 'acknowledged', 'resolved', 'suppressed', 'all'];
const rank = { critical: 4, high: 3, medium: 2, low: 1 };
const hour = 3600e3;

// Repeated low-severity alerts of one rule and principal on one UTC day are one row with a count
// (a busy admin changing security groups all day is one thing to look at, not eighteen).
export function groupAlerts(alerts) {
  const key = (a) => `${a.ruleId}|${a.principal}|${String(a.lastSeen).slice(0, 10)}`;
  const members = new Map();
  for (const a of alerts) if (a.severity === 'low') members.set(key(a), [...(members.get(key(a)) ?? []), a]);
  const units = [];
  const seen = new Set();
  for (const a of alerts) {
    const k = a.severity === 'low' ? key(a) : null;
    const group = k ? members.get(k) : null;
    if (!group || group.length < 2) { units.push(a); continue; }
    if (seen.has(k)) continue;
    seen.add(k);
    const statusesOf = new Set(group.map((m) => String(m.status)));
    units.push({
      group: true, key: k, members: group, alertId: `group:${k}`, severity: 'low', title: group[0].title, principal: group[0].principal, ruleId: group[0].ruleId,
      status: statusesOf.size === 1 ? group[0].status : 'mixed', count: group.reduce((n, m) => n + m.count, 0),
      lastSeen: group.map((m) => m.lastSeen).sort().at(-1), firstSeen: group.map((m) => m.firstSeen).sort()[0], assignee: group.every((m) => m.assignee === group[0].assignee) ? group[0].assignee : null,
    });
  }
  return units;
}

const sorters = {
  severity: (r) => [rank[r.severity] ?? 0, r.lastSeen],
  lastSeen: (r) => [r.lastSeen],
  count: (r) => [Number(r.count)],
  status: (r) => [String(r.status).toLowerCase()],
  title: (r) => [r.title.toLowerCase()],
  principal: (r) => [r.principal.toLowerCase()],
  assignee: (r) => [r.assignee ?? ''],
  ruleId: (r) => [r.ruleId],
};

function compare(a, b) {
  for (let i = 0; i < Math.max(a.length, b.length); i++) if (a[i] !== b[i]) return a[i] < b[i] ? -1 : 1;
  return 0;
}

// Sized for a 1400 px screen: the rule rides under the title, the assignee beside the status.
const columns = [
  { key: 'severity', label: 'Severity', width: '100px', value: (r) => r.severity, render: (r) => severityPill(r.severity) },
  { key: 'title', label: 'Alert', wrap: true, value: (r) => (r.group ? `${r.title} (${r.members.length} alerts on ${r.lastSeen.slice(0, 10)}) · ${r.ruleId}` : `${r.title} · ${r.ruleId}`),
    render: (r) => h('div', { class: r.member ? 'member' : '' },
      r.group ? h('span', { class: 'twisty', 'aria-hidden': 'true' }, r.expanded ? '▾ ' : '▸ ') : null,
      h('b', {}, r.title),
      r.group ? [' ', h('span', { class: 'tag', 'data-testid': 'group-count' }, `${r.members.length} alerts on ${r.lastSeen.slice(0, 10)}`)] : null,
      h('div', { class: 'sub mono' }, r.ruleId)) },
  { key: 'principal', label: 'Principal', width: '25%', wrap: true, value: (r) => r.principal, render: (r) => fmt.short(r.principal) },
  { key: 'status', label: 'Status', width: '130px', value: (r) => `${String(r.status).toLowerCase()}${r.assignee ? ` · ${r.assignee}` : ''}`,
    render: (r) => [statusPill(r.status), r.assignee ? h('div', { class: 'sub' }, r.assignee) : null] },
  { key: 'count', label: 'Events', width: '80px', num: true, value: (r) => String(r.count) },
  { key: 'lastSeen', label: 'Last seen', width: '160px', value: (r) => fmt.time(r.lastSeen), render: (r) => h('span', { class: 'mono' }, fmt.time(r.lastSeen).replace('Z', '')) },
];

export async function render(main, params, app) {
  const state = { status: params.get('status') ?? 'active', severity: params.get('severity') ?? '', alerts: [], expanded: new Set(), sort: { key: 'severity', dir: 'desc' } };
  const canRespond = app.can('responder');
  const table = dataTable({
    columns, name: 'alerts', testid: 'alert-table', sort: state.sort,
    onOpen: (row) => open(row),
    onSort: (key, dir) => { state.sort = { key, dir }; show(); },
    rowClass: (r) => (r.group ? 'group-row' : r.member ? 'member-row' : ''),
    emptyText: () => (state.status === 'active' ? 'No open or acknowledged alerts: nothing to triage. “all” lists resolved and suppressed ones too.' : `No ${state.status === 'all' ? '' : `${state.status} `}alerts${state.severity ? ` of severity ${state.severity}` : ''}.`),
  });
  const chips = h('div', { class: 'chips' }, statuses.map((s) => h('button', { class: `chip${s === state.status ? ' on' : ''}`, type: 'button', dataset: { status: s },
    onclick: () => { state.status = s; [...chips.children].forEach((c) => c.classList.toggle('on', c.dataset.status === s)); load(); } }, s)));
  const severity = h('select', { 'aria-label': 'Severity', onchange: () => { state.severity = severity.value; load(); } },
    h('option', { value: '' }, 'Any severity'), ['critical', 'high', 'medium', 'low'].map((s) => h('option', { value: s, selected: s === state.severity }, s)));
  const orderNote = h('span', { class: 'muted', 'data-testid': 'alert-order' });

  main.replaceChildren(
    h('div', { class: 'toolbar' }, chips, severity, h('span', { class: 'grow' }),
      h('span', { class: 'hint' }, h('span', { class: 'kbd' }, 'j'), h('span', { class: 'kbd' }, 'k'), 'move', h('span', { class: 'kbd' }, 'enter'), 'open',
        canRespond ? [h('span', { class: 'kbd' }, 'a'), 'acknowledge'] : null)),
    h('section', { class: 'panel' }, table.element, h('div', { class: 'table-foot' }, orderNote)));

  // Units (groups and single alerts) in the chosen order, each expanded group followed by its alerts.
  function show() {
    const units = groupAlerts(state.alerts);
    const { key, dir } = state.sort;
    const sign = dir === 'asc' ? 1 : -1;
    if (sorters[key]) units.sort((a, b) => sign * compare(sorters[key](a), sorters[key](b)));
    const rows = units.flatMap((u) => (u.group && state.expanded.has(u.key) ? [{ ...u, expanded: true }, ...u.members.map((m) => ({ ...m, member: true }))] : [u]));
    const selected = table.selectedRow()?.alertId;
    table.set(rows);
    const index = rows.findIndex((r) => r.alertId === selected);
    if (rows.length) table.select(index >= 0 ? index : Math.max(0, table.selected));
    const grouped = units.filter((u) => u.group).length;
    orderNote.textContent = `${key === 'severity' && dir === 'desc' ? 'Most severe first, then newest' : `By ${columns.find((c) => c.key === key).label.toLowerCase()}`}` +
      (grouped ? ` · ${grouped} group${grouped === 1 ? '' : 's'} of repeated low-severity alerts (one rule, principal and day): Enter or click expands` : '');
  }

  async function load() {
    try {
      state.alerts = await get('/api/alerts', { status: state.status, severity: state.severity, limit: 300 });
      show();
      main.dataset.loaded = 'true';
    } catch (error) { toast(error.message, true); }
  }

  function open(row) {
    if (!row) return;
    if (row.group) {
      if (state.expanded.has(row.key)) state.expanded.delete(row.key); else state.expanded.add(row.key);
      show();
      return;
    }
    app.navigate(`#/alerts/${row.alertId}`);
  }

  // "a" acknowledges the selected alert, or every open alert of the selected group.
  async function acknowledge(row) {
    if (!row || !canRespond) return;
    const targets = (row.group ? row.members : [row]).filter((a) => a.status === 'Open');
    if (!targets.length) return;
    try {
      const updated = await Promise.all(targets.map((a) => post(`/api/alerts/${a.alertId}/acknowledge`, {})));
      toast(updated.length === 1 ? `Acknowledged: ${updated[0].title}` : `Acknowledged ${updated.length} alerts: ${updated[0].title}`);
      const byId = new Map(updated.map((u) => [u.alertId, u]));
      state.alerts = state.alerts.map((a) => byId.get(a.alertId) ?? a);
      show();
    } catch (error) { toast(error.message, true); }
  }

  app.onKey((event) => {
    if (isDrawerOpen()) return;
    if (event.key === 'j') table.select(table.selected + 1);
    else if (event.key === 'k') table.select(table.selected - 1);
    else if (event.key === 'Enter' && table.selectedRow()) open(table.selectedRow());
    else if (event.key === 'a') acknowledge(table.selectedRow());
    else return;
    event.preventDefault();
  });

  // A live change refetches the queue (so filters and order stay the server's); alerts not seen before are highlighted.
  app.onAlert(async () => {
    const known = new Set(state.alerts.map((r) => r.alertId));
    await load();
    table.shown.forEach((row, i) => {
      const ids = row.group ? row.members.map((m) => m.alertId) : [row.alertId];
      if (ids.some((id) => !known.has(id))) table.element.querySelectorAll('tbody tr')[i]?.classList.add('fresh');
    });
  });
  await load();
}

export async function renderDetail(main, id, app) {
  const detail = await get(`/api/alerts/${id}`);
  const alert = detail.alert;
  const canRespond = app.can('responder');
  const act = async (action, body) => {
    try {
      await post(`/api/alerts/${id}/${action}`, body);
      toast(`${action[0].toUpperCase()}${action.slice(1)}: done`);
      await renderDetail(main, id, app);
    } catch (error) { toast(error.message, true); }
  };
  const note = h('input', { placeholder: 'Note (optional for status changes)', style: 'flex:1;min-width:240px', 'data-testid': 'alert-note' });
  const actions = canRespond ? h('div', { class: 'actions' },
    h('button', { class: 'btn primary', 'data-testid': 'ack', disabled: alert.status !== 'Open', onclick: () => act('acknowledge', { note: note.value || null }) }, 'Acknowledge'),
    h('button', { class: 'btn', disabled: alert.status === 'Resolved', onclick: () => act('resolve', { note: note.value || null }) }, 'Resolve'),
    h('button', { class: 'btn', disabled: !['Open', 'Acknowledged'].includes(alert.status), onclick: () => act('suppress', { note: note.value || null }) }, 'Suppress'),
    h('button', { class: 'btn', disabled: alert.status === 'Open', onclick: () => act('reopen', { note: note.value || null }) }, 'Reopen'),
    h('button', { class: 'btn', onclick: () => { const who = prompt('Assign to', alert.assignee ?? app.me.name); if (who) act('assign', { assignee: who }); } }, 'Assign…'),
    note,
    h('button', { class: 'btn', onclick: () => { if (note.value.trim()) act('notes', { note: note.value.trim() }); else note.focus(); } }, 'Add note'))
    : h('p', { class: 'muted' }, 'Your role can read alerts; a responder works them.');

  // Pivots keep the alert's time: an hour either side of its first and last evidence.
  const window = around(alert.firstSeen, hour, hour, alert.lastSeen);
  const aroundPrincipal = timelineHash(term('principal', alert.principal), window);
  const onFilter = (field, value, negate) => { location.hash = timelineHash(addTerm(term('principal', alert.principal), field, value, negate), window); };
  const evidence = dataTable({ columns: timelineColumns({ onFilter }), rows: detail.evidence, name: `alert-${id}-evidence`, testid: 'evidence-table', onOpen: (row) => showEvent(row.storedEventId), emptyText: 'The evidence records are not in the timeline index.' });
  main.replaceChildren(
    h('p', {}, h('a', { href: '#/alerts' }, '← Alert queue')),
    h('section', { class: 'panel' }, h('div', { class: 'body' },
      h('div', { class: 'alert-head' }, severityPill(alert.severity), h('h2', { 'data-testid': 'alert-title' }, alert.title), h('span', { 'data-testid': 'alert-status' }, statusPill(alert.status))),
      h('p', {}, alert.explanation),
      kv([
        ['Principal', h('a', { href: `#/principal?${new URLSearchParams({ p: alert.principal, ...around(alert.firstSeen, 15 * 86400e3, 15 * 86400e3, alert.lastSeen) })}` }, alert.principal)],
        ['Account', alert.accountId],
        ['Rule', detail.rule ? `${detail.rule.id} · ${detail.rule.bestPractice}` : alert.ruleId],
        ['First / last seen', `${fmt.time(alert.firstSeen)} → ${fmt.time(alert.lastSeen)}`],
        ['Evidence events', String(alert.count)],
        ['Assignee', alert.assignee ?? 'unassigned'],
        ['CIS', alert.cis?.length ? alert.cis.map((c) => h('span', { class: 'tag' }, c)) : null],
        ['MITRE ATT&CK', alert.mitre?.length ? alert.mitre.map((m) => h('span', { class: 'tag' }, m)) : null],
        ['Suppressed by', alert.suppressedBy],
      ]),
      h('div', { class: 'actions', style: 'margin-top:14px' },
        h('a', { class: 'btn', href: aroundPrincipal, 'data-testid': 'pivot-around-alert', title: 'The principal’s activity from an hour before the first evidence to an hour after the last' }, 'Activity around this alert (±1 h)')),
      h('div', { style: 'margin-top:14px' }, actions))),
    panel('Evidence', evidence.element, h('button', { class: 'btn small', onclick: () => openDrawer('Evidence (raw)', jsonView(detail.evidence.map((e) => e.raw))) }, 'All raw JSON')),
    h('div', {},
      panel('History', h('div', { class: 'body' }, h('ul', { class: 'history', 'data-testid': 'alert-history' },
        [...alert.history].reverse().map((e) => h('li', {}, h('b', {}, e.action), ' by ', e.by, ' · ', h('span', { class: 'muted', title: fmt.time(e.at) }, fmt.ago(e.at)), e.note ? h('div', { class: 'muted' }, e.note) : null)))))));
}

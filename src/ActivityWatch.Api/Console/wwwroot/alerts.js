import { get, post } from './api.js';
import { h, fmt, severityPill, statusPill, panel, kv, jsonView, openDrawer, isDrawerOpen, toast } from './ui.js';
import { dataTable } from './table.js';
import { showEvent, timelineColumns } from './event.js';

const statuses = ['active', 'open', 'acknowledged', 'resolved', 'suppressed', 'all'];

const columns = [
  { key: 'severity', label: 'Severity', render: (r) => severityPill(r.severity) },
  { key: 'title', label: 'Alert', value: (r) => r.title, render: (r) => h('b', {}, r.title) },
  { key: 'principal', label: 'Principal', value: (r) => r.principal, render: (r) => fmt.short(r.principal) },
  { key: 'status', label: 'Status', value: (r) => String(r.status).toLowerCase(), render: (r) => statusPill(r.status) },
  { key: 'count', label: 'Events', num: true, value: (r) => String(r.count) },
  { key: 'lastSeen', label: 'Last seen', value: (r) => fmt.time(r.lastSeen), render: (r) => h('span', { title: fmt.time(r.lastSeen) }, fmt.ago(r.lastSeen)) },
  { key: 'assignee', label: 'Assignee', value: (r) => r.assignee ?? '' },
  { key: 'ruleId', label: 'Rule', value: (r) => r.ruleId, render: (r) => h('span', { class: 'mono' }, r.ruleId) },
];

export async function render(main, params, app) {
  const state = { status: params.get('status') ?? 'active', severity: params.get('severity') ?? '' };
  const table = dataTable({ columns, name: 'alerts', testid: 'alert-table', onOpen: (row) => app.navigate(`#/alerts/${row.alertId}`), emptyText: 'No alerts. Quiet is good.' });
  const chips = h('div', { class: 'chips' }, statuses.map((s) => h('button', { class: `chip${s === state.status ? ' on' : ''}`, type: 'button', dataset: { status: s },
    onclick: () => { state.status = s; [...chips.children].forEach((c) => c.classList.toggle('on', c.dataset.status === s)); load(); } }, s)));
  const severity = h('select', { 'aria-label': 'Severity', onchange: () => { state.severity = severity.value; load(); } },
    h('option', { value: '' }, 'Any severity'), ['critical', 'high', 'medium', 'low'].map((s) => h('option', { value: s, selected: s === state.severity }, s)));
  const canRespond = app.can('responder');

  main.replaceChildren(
    h('div', { class: 'toolbar' }, chips, severity, h('span', { class: 'grow' }),
      h('span', { class: 'hint' }, h('span', { class: 'kbd' }, 'j'), h('span', { class: 'kbd' }, 'k'), 'move', h('span', { class: 'kbd' }, 'enter'), 'open',
        canRespond ? [h('span', { class: 'kbd' }, 'a'), 'acknowledge'] : null)),
    h('section', { class: 'panel' }, table.element));

  async function load() {
    try {
      table.set(await get('/api/alerts', { status: state.status, severity: state.severity, limit: 300 }));
      if (table.rows.length) table.select(Math.max(0, table.selected));
      main.dataset.loaded = 'true';
    } catch (error) { toast(error.message, true); }
  }

  async function acknowledge(row) {
    if (!row || !canRespond) return;
    try {
      const updated = await post(`/api/alerts/${row.alertId}/acknowledge`, {});
      toast(`Acknowledged: ${updated.title}`);
      table.set(table.rows.map((r) => (r.alertId === updated.alertId ? updated : r)));
    } catch (error) { toast(error.message, true); }
  }

  app.onKey((event) => {
    if (isDrawerOpen()) return;
    if (event.key === 'j') table.select(table.selected + 1);
    else if (event.key === 'k') table.select(table.selected - 1);
    else if (event.key === 'Enter' && table.selectedRow()) app.navigate(`#/alerts/${table.selectedRow().alertId}`);
    else if (event.key === 'a') acknowledge(table.selectedRow());
    else return;
    event.preventDefault();
  });

  // A live change refetches the queue (so filters and order stay the server's); alerts not seen before are highlighted.
  app.onAlert(async () => {
    const known = new Set(table.rows.map((r) => r.alertId));
    await load();
    table.rows.forEach((row, i) => { if (!known.has(row.alertId)) table.element.querySelectorAll('tbody tr')[i]?.classList.add('fresh'); });
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

  const evidence = dataTable({ columns: timelineColumns, rows: detail.evidence, name: `alert-${id}-evidence`, testid: 'evidence-table', onOpen: (row) => showEvent(row.storedEventId), emptyText: 'The evidence records are not in the timeline index.' });
  main.replaceChildren(
    h('p', {}, h('a', { href: '#/alerts' }, '← Alert queue')),
    h('section', { class: 'panel' }, h('div', { class: 'body' },
      h('div', { class: 'alert-head' }, severityPill(alert.severity), h('h2', { 'data-testid': 'alert-title' }, alert.title), h('span', { 'data-testid': 'alert-status' }, statusPill(alert.status))),
      h('p', {}, alert.explanation),
      kv([
        ['Principal', h('a', { href: `#/principal?${new URLSearchParams({ p: alert.principal })}` }, alert.principal)],
        ['Account', alert.accountId],
        ['Rule', detail.rule ? `${detail.rule.id} · ${detail.rule.bestPractice}` : alert.ruleId],
        ['First / last seen', `${fmt.time(alert.firstSeen)} → ${fmt.time(alert.lastSeen)}`],
        ['Evidence events', String(alert.count)],
        ['Assignee', alert.assignee ?? 'unassigned'],
        ['CIS', alert.cis?.length ? alert.cis.map((c) => h('span', { class: 'tag' }, c)) : null],
        ['MITRE ATT&CK', alert.mitre?.length ? alert.mitre.map((m) => h('span', { class: 'tag' }, m)) : null],
        ['Suppressed by', alert.suppressedBy],
      ]),
      h('div', { style: 'margin-top:14px' }, actions))),
    panel('Evidence', evidence.element, h('button', { class: 'btn small', onclick: () => openDrawer('Evidence (raw)', jsonView(detail.evidence.map((e) => e.raw))) }, 'All raw JSON')),
    h('div', {},
      panel('History', h('div', { class: 'body' }, h('ul', { class: 'history', 'data-testid': 'alert-history' },
        [...alert.history].reverse().map((e) => h('li', {}, h('b', {}, e.action), ' by ', e.by, ' · ', h('span', { class: 'muted', title: fmt.time(e.at) }, fmt.ago(e.at)), e.note ? h('div', { class: 'muted' }, e.note) : null)))))));
}

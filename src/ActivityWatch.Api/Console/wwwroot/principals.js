import { get, session } from './api.js';
import { h, fmt, panel, stat, kv, empty, severityPill, statusPill, toast } from './ui.js';
import { dataTable } from './table.js';
import { stackedLevels, levelColours } from './charts.js';
import { term } from './event.js';
import { extent, resolve, rangePicker, rangeParams, rangeState } from './range.js';

export async function renderList(main, params, app) {
  const state = { ...rangeState(params, '7d'), q: params.get('q') ?? '' };
  const filter = h('input', { placeholder: 'Filter with the query language, e.g. identityType:AssumedRole or principal:chen', value: state.q, class: 'grow', 'data-testid': 'principal-filter' });
  let resolved = null;
  const table = dataTable({
    name: 'principals', testid: 'principal-table',
    emptyText: () => `No principals${filter.value.trim() ? ` match “${filter.value.trim()}”` : ''} in ${resolved ? `${fmt.time(resolved.since)} → ${fmt.time(resolved.until)}` : 'this range'}: choose another range or “All stored data”.`,
    onOpen: (row) => app.navigate(`#/principal?${new URLSearchParams({ p: row.principal, ...rangeParams(state.from ? state : { preset: '30d' }) })}`),
    columns: [
      { key: 'principal', label: 'Principal', value: (r) => r.principal, render: (r) => h('b', {}, fmt.short(r.principal), r.principalForm === 'unresolved' ? h('span', { class: 'muted', title: 'Named as S3 access logs name a role, without its path; no CloudTrail record or IAM import confirms it' }, ' (path unknown)') : null) },
      { key: 'identityType', label: 'Type', width: '140px' },
      { key: 'accountId', label: 'Account', width: '120px', value: (r) => r.accountId ?? '' },
      { key: 'events', label: 'Events', width: '90px', num: true, value: (r) => fmt.num(r.events) },
      { key: 'errors', label: 'Errors', width: '80px', num: true, value: (r) => fmt.num(r.errors) },
      { key: 'sourceIps', label: 'Source IPs', width: '112px', num: true, value: (r) => fmt.num(r.sourceIps) },
      { key: 'lastSeen', label: 'Last seen', width: '160px', value: (r) => fmt.time(r.lastSeen), render: (r) => h('span', { class: 'mono' }, fmt.time(r.lastSeen).replace('Z', '')) },
    ],
  });
  const picker = rangePicker(state, (next) => { Object.assign(state, next); load(); });
  const form = h('form', { class: 'toolbar', onsubmit: (e) => { e.preventDefault(); load(); } }, filter, h('button', { class: 'btn primary', type: 'submit' }, 'Apply'));
  main.replaceChildren(form, h('div', { class: 'toolbar range-row' }, picker.element), picker.spanLine, h('section', { class: 'panel' }, table.element));
  async function load() {
    state.q = filter.value.trim();
    app.replaceHash(`#/principals?${new URLSearchParams({ ...(state.q ? { q: state.q } : {}), ...rangeParams(state) })}`);
    try {
      const ext = await extent();
      resolved = resolve(state, ext.newest);
      picker.show(resolved, ext);
      table.set(await get('/api/principals', { q: state.q, since: resolved.since.toISOString(), until: resolved.until.toISOString(), limit: 500 }));
      main.dataset.loaded = 'true';
    } catch (error) { toast(error.message, true); }
  }
  await load();
}

const presetDays = { '1h': 1, '24h': 1, '7d': 7, '30d': 30, '90d': 90 };

export async function renderProfile(main, params, app) {
  const principal = params.get('p');
  // Without from/to the API takes the chosen width up to this principal's own newest event.
  const state = { ...rangeState(params, '30d') };
  if (!params.get('range') && params.get('days')) state.preset = { 1: '24h', 7: '7d', 30: '30d', 90: '90d' }[params.get('days')] ?? '30d';
  const page = await get('/api/principals/profile', state.from
    ? { principal, since: state.from, until: state.to }
    : { principal, days: presetDays[state.preset] ?? 30 });
  const p = page.profile;
  const mfaTotal = p.mfa.withMfa + p.mfa.withoutMfa;
  const picker = rangePicker(state, (next) => app.navigate(`#/principal?${new URLSearchParams({ p: principal, ...rangeParams(next) })}`), { span: false });
  picker.show({
    since: p.since, until: p.until,
    label: state.from ? `${fmt.time(p.since)} → ${fmt.time(p.until)} (chosen range)` : `${fmt.time(p.since)} → ${fmt.time(p.until)}: the ${presetDays[state.preset] ?? 30} day${(presetDays[state.preset] ?? 30) === 1 ? '' : 's'} up to this principal’s newest event`,
  }, null);

  const actions = dataTable({
    name: 'last-used-permissions', testid: 'actions-table', rows: p.actions,
    columns: [
      { key: 'action', label: 'IAM action', value: (r) => r.action ?? '', render: (r) => h('span', { class: 'mono' }, r.action ?? '—') },
      { key: 'accessLevel', label: 'Access level', value: (r) => r.accessLevel, render: (r) => h('span', {}, h('i', { style: `display:inline-block;width:8px;height:8px;border-radius:2px;margin-right:6px;background:${levelColours[r.accessLevel]}` }), r.accessLevel) },
      { key: 'eventName', label: 'Event', value: (r) => `${r.eventSource ?? ''} ${r.eventName ?? ''}`.trim() },
      { key: 'count', label: 'Calls', num: true, value: (r) => fmt.num(r.count) },
      { key: 'errors', label: 'Errors', num: true, value: (r) => fmt.num(r.errors) },
      { key: 'lastSucceeded', label: 'Last used', value: (r) => fmt.time(r.lastSucceeded), render: (r) => (r.lastSucceeded ? h('span', { title: fmt.time(r.lastSucceeded) }, fmt.ago(r.lastSucceeded)) : h('span', { class: 'err' }, 'never succeeded')) },
      { key: 'firstSeen', label: 'First seen', value: (r) => fmt.time(r.firstSeen) },
    ],
  });
  const facet = (name, rows) => dataTable({
    name, rows, emptyText: 'None.',
    columns: [
      { key: 'value', label: name, render: (r) => h('span', { class: 'mono' }, r.value) },
      { key: 'count', label: 'Events', num: true, value: (r) => fmt.num(r.count) },
      { key: 'lastSeen', label: 'Last seen', value: (r) => fmt.time(r.lastSeen), render: (r) => h('span', { title: fmt.time(r.lastSeen) }, fmt.ago(r.lastSeen)) },
    ],
  });

  const sections = [];
  if (page.sections.alerts) {
    const alerts = dataTable({
      name: 'principal-alerts', rows: page.sections.alerts, onOpen: (row) => app.navigate(`#/alerts/${row.alertId}`),
      columns: [
        { key: 'severity', label: 'Severity', render: (r) => severityPill(r.severity) },
        { key: 'title', label: 'Alert', value: (r) => r.title },
        { key: 'status', label: 'Status', value: (r) => String(r.status).toLowerCase(), render: (r) => statusPill(r.status) },
        { key: 'lastSeen', label: 'Last seen', value: (r) => fmt.time(r.lastSeen), render: (r) => fmt.ago(r.lastSeen) },
      ],
    });
    sections.push(panel('Alerts', alerts.element, alerts.exportButtons));
  }
  if (page.sections.permissions) sections.push(...permissionPanels(page.sections.permissions, principal));
  for (const [name, value] of Object.entries(page.sections)) {
    if (name === 'alerts' || name === 'permissions' || value === null) continue;
    sections.push(panel(name, sectionTable(name, value)));
  }

  main.replaceChildren(
    h('div', { class: 'toolbar' }, h('a', { href: '#/principals' }, '← Principals'), h('span', { class: 'grow' }),
      h('a', { class: 'btn', 'data-testid': 'principal-timeline', href: `#/timeline?${new URLSearchParams({ q: term('principal', principal), from: new Date(p.since).toISOString(), to: new Date(p.until).toISOString() })}` }, 'Open in timeline (same range)')),
    h('h2', { style: 'margin:0 0 4px;font-size:18px;word-break:break-all', 'data-testid': 'principal-name' }, principal),
    h('p', { class: 'muted', style: 'margin:0 0 12px' }, [p.identityTypes.map((t) => t.value).join(', '), p.isRoot ? ' · account root user' : ''].join('')),
    h('div', { class: 'toolbar range-row', style: 'margin-bottom:16px' }, picker.element),
    h('div', { class: 'grid cols-4', style: 'margin-bottom:16px' },
      stat('Events', fmt.num(p.events), `${fmt.num(p.errors)} errors`),
      stat('Last seen', p.lastSeen ? fmt.ago(p.lastSeen) : '—', p.lastSeen ? fmt.time(p.lastSeen) : ''),
      stat('MFA', mfaTotal ? `${Math.round((100 * p.mfa.withMfa) / mfaTotal)}%` : '—', `${fmt.num(p.mfa.withMfa)} with · ${fmt.num(p.mfa.withoutMfa)} without · ${fmt.num(p.mfa.unknown)} not stated`),
      stat('Access keys', fmt.num(p.accessKeys.length), `${fmt.num(p.sourceIps.length)} source IPs`)),
    panel('Activity by access level', h('div', { class: 'body' }, !p.activity.points.length ? empty('No activity in this range.') : stackedLevels(p.activity, p.since, p.until))),
    panel('Permissions used (last used)', actions.element, actions.exportButtons),
    h('div', { class: 'grid cols-2' },
      panel('Identity', h('div', { class: 'body' }, kv([
        ['Principal', p.principal],
        ['Identity types', p.identityTypes.map((t) => `${t.value} (${fmt.num(t.count)})`).join(', ')],
        ['Accounts', p.accounts.map((a) => a.value).join(', ')],
        ['Sessions', p.sessionNames.slice(0, 5).map((s) => s.value).join(', ')],
        ['First seen', fmt.time(p.firstSeen)],
        ['Last seen', fmt.time(p.lastSeen)],
      ]))),
      panel('Access keys', facet('Access key', p.accessKeys).element),
      panel('Source IPs', facet('Source IP', p.sourceIps).element),
      panel('Sessions', facet('Session', p.sessionNames).element)),
    ...sections);
}

function sectionTable(name, value) {
  const rows = Array.isArray(value) ? value : [value];
  if (!rows.length || typeof rows[0] !== 'object') return h('div', { class: 'body' }, String(value));
  const keys = Object.keys(rows[0]).filter((k) => typeof rows[0][k] !== 'object' || rows[0][k] === null).slice(0, 8);
  return dataTable({ name, rows, columns: keys.map((k) => ({ key: k, label: k, value: (r) => (r[k] === null || r[k] === undefined ? '' : String(r[k])) })) }).element;
}

// Granted versus used, from the permissions module: the unused grants, and a policy generated from use.
// With nothing known to be granted the panel says what is missing instead of claiming "all used".
function permissionPanels(report, principal) {
  const rows = report.services.flatMap((service) => service.levels.flatMap((level) => level.actions.map((a) => ({ ...a, service: service.service, accessLevel: level.accessLevel }))));
  const unusedRows = rows.filter((r) => !r.used);
  const emptyText = !report.grantsKnown ? 'Not known: nothing is known to be granted to this principal (see the note above).'
    : rows.length ? 'Every granted action was used.' : 'Its identity policies grant no action the catalogue lists.';
  const unused = dataTable({
    name: 'unused-permissions', testid: 'unused-table', rows: unusedRows, emptyText,
    columns: [
      { key: 'action', label: 'Granted action', render: (r) => h('span', { class: 'mono' }, r.action) },
      { key: 'accessLevel', label: 'Access level', render: (r) => h('span', {}, h('i', { style: `display:inline-block;width:8px;height:8px;border-radius:2px;margin-right:6px;background:${levelColours[r.accessLevel] ?? 'var(--faint)'}` }), r.accessLevel) },
      { key: 'lastUsed', label: 'Last used', value: (r) => fmt.time(r.lastUsed), render: (r) => (r.lastUsed ? fmt.ago(r.lastUsed) : 'never') },
    ],
  });
  const warnings = h('div', { class: 'body note-unavailable', 'data-testid': 'policy-warnings' });
  const includeAlerted = h('input', { type: 'checkbox', 'data-testid': 'include-alerted' });
  const download = report.grantsBasis === 'root'
    ? h('span', { class: 'muted', 'data-testid': 'policy-refused' }, 'The root user gets no generated policy: identity policies cannot be attached to it.')
    : h('span', {}, h('label', { class: 'muted', title: 'Keep actions whose only uses are evidence of open high or critical alerts' }, includeAlerted, ' include alerted actions '),
      h('button', { class: 'btn small primary', 'data-testid': 'policy-download', onclick: async () => {
        const query = new URLSearchParams({ principal, ...(includeAlerted.checked ? { includeAlerted: 'true' } : {}) });
        const response = await fetch(`/api/reports/policy?${query}`, { headers: { Authorization: `Bearer ${session.key}` } });
        if (!response.ok) {
          const problem = await response.json().catch(() => ({}));
          toast(problem.detail ?? `Policy: HTTP ${response.status}`, true);
          return;
        }
        const blob = await response.blob();
        const policy = JSON.parse(await blob.text());
        warnings.replaceChildren(...[...(policy.warnings ?? []), ...(policy.notes ?? [])].map((w) => h('div', {}, w)));
        const link = h('a', { href: URL.createObjectURL(blob), download: `policy-${principal.replace(/[^A-Za-z0-9]+/g, '-')}.json` });
        document.body.append(link); link.click(); link.remove();
      } }, 'Download least-privilege policy'));
  const notes = [
    report.principalForm === 'unresolved' ? 'Named as S3 access logs name a role, without its path: no CloudTrail record or IAM import confirms it.' : null,
    report.loggedAs?.length > 1 ? `Logged as: ${report.loggedAs.join(', ')}` : null,
    ...report.notes,
    report.usedButNotGranted.length ? `Used but not granted by the imported policies: ${report.usedButNotGranted.join(', ')}` : null,
  ].filter(Boolean);
  return [panel(`Unused permissions (granted, not used in ${report.unusedDays} days; granted from: ${report.grantsBasis})`,
    h('div', {}, notes.length ? h('div', { class: 'body note-unavailable', 'data-testid': 'permission-notes' }, notes.map((n) => h('div', {}, n))) : null, warnings, unused.element),
    download, unused.exportButtons)];
}

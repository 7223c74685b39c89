import { get, post, del } from './api.js';
import { h, fmt, panel, stat, severityPill, empty, toast } from './ui.js';
import { dataTable } from './table.js';

// The smaller pages: reports, rules, ingestion, audit. Each table exports to CSV and JSON.

function tablePanel(title, name, columns, rows, extra) {
  const table = dataTable({ name, columns, rows, testid: `${name}-table` });
  return panel(title, table.element, extra);
}

const timeCol = (key, label) => ({ key, label, value: (r) => fmt.time(r[key]), render: (r) => (r[key] ? h('span', { title: fmt.time(r[key]) }, fmt.ago(r[key])) : '—') });

export async function renderReports(main) {
  const [root, mfa, keys, unused] = await Promise.all([get('/api/reports/root-use'), get('/api/reports/mfa'), get('/api/reports/access-keys'), get('/api/reports/unused-permissions', { days: 90 })]);
  main.replaceChildren(
    h('div', { class: 'grid cols-4', style: 'margin-bottom:16px' },
      stat('Accounts with root use', fmt.num(root.filter((r) => r.total > 0).length), `${fmt.num(root.reduce((a, r) => a + r.total, 0))} root events`),
      stat('Users signing in without MFA', fmt.num(mfa.filter((m) => m.signInsWithoutMfa > 0).length), `of ${fmt.num(mfa.length)} console users`),
      stat('Access keys', fmt.num(keys.filter((k) => !k.deleted).length), `${fmt.num(keys.filter((k) => !k.lastSeen).length)} never seen used`),
      stat('Oldest active key', oldest(keys), 'age since creation or first use')),
    tablePanel('Root user activity', 'root-use', [
      { key: 'id', label: 'Account', value: (r) => r.id },
      { key: 'total', label: 'Events', num: true, value: (r) => fmt.num(r.total) },
      timeCol('lastConsoleSignIn', 'Last console sign-in'),
      { key: 'lastConsoleSignInMfa', label: 'MFA', value: (r) => (r.lastConsoleSignInMfa === null || r.lastConsoleSignInMfa === undefined ? '' : r.lastConsoleSignInMfa ? 'yes' : 'no') },
      { key: 'failedConsoleSignIns', label: 'Failed sign-ins', num: true, value: (r) => fmt.num(r.failedConsoleSignIns) },
      timeCol('lastApiCall', 'Last API call'),
      { key: 'lastApiCallName', label: 'Call', value: (r) => r.lastApiCallName ?? '' },
      { key: 'accessKeysSeen', label: 'Root keys', value: (r) => (r.accessKeysSeen ?? []).join(' ') },
    ], root),
    tablePanel('MFA posture', 'mfa', [
      { key: 'userName', label: 'User', value: (r) => r.userName },
      { key: 'accountId', label: 'Account', value: (r) => r.accountId },
      { key: 'signInsWithMfa', label: 'With MFA', num: true, value: (r) => fmt.num(r.signInsWithMfa) },
      { key: 'signInsWithoutMfa', label: 'Without MFA', num: true, value: (r) => fmt.num(r.signInsWithoutMfa), render: (r) => (r.signInsWithoutMfa ? h('span', { class: 'err' }, fmt.num(r.signInsWithoutMfa)) : '0') },
      timeCol('lastSignInWithoutMfa', 'Last without MFA'),
      { key: 'hasMfaDevice', label: 'MFA device', value: (r) => (r.hasMfaDevice === null || r.hasMfaDevice === undefined ? 'unknown' : r.hasMfaDevice ? 'yes' : 'no') },
    ], mfa),
    tablePanel('Access keys', 'access-keys', [
      { key: 'id', label: 'Key', value: (r) => r.id, render: (r) => h('span', { class: 'mono' }, r.id) },
      { key: 'principal', label: 'Principal', value: (r) => r.principal ?? r.userName ?? '', render: (r) => fmt.short(r.principal ?? r.userName ?? '') },
      { key: 'status', label: 'Status', value: (r) => (r.deleted ? 'deleted' : r.status ?? '') },
      timeCol('created', 'Created'),
      timeCol('lastSeen', 'Last used'),
      { key: 'lastService', label: 'Last service', value: (r) => r.lastService ?? '' },
      { key: 'calls', label: 'Calls', num: true, value: (r) => fmt.num(r.calls) },
      { key: 'networks', label: 'Networks', num: true, value: (r) => String((r.networks ?? []).length) },
    ], keys),
    tablePanel('Unused access (90 days)', 'unused-access', [
      { key: 'findingType', label: 'Finding' },
      { key: 'resource', label: 'Principal', value: (r) => r.resource, render: (r) => h('a', { href: `#/principal?${new URLSearchParams({ p: r.resource })}` }, fmt.short(r.resource)) },
      { key: 'resourceOwnerAccount', label: 'Account', value: (r) => r.resourceOwnerAccount ?? '' },
      { key: 'details', label: 'Detail', value: (r) => (r.findingDetails ?? []).map((d) => Object.values(d).filter((v) => v && typeof v === 'object').map((v) => v.serviceNamespace ?? v.accessKeyId ?? '').join(' ')).join(' ') },
      timeCol('updatedAt', 'Analysed'),
    ], unused));
}

function oldest(keys) {
  const ages = keys.filter((k) => !k.deleted && (k.created || k.firstSeen)).map((k) => Date.now() - new Date(k.created ?? k.firstSeen).getTime());
  return ages.length ? `${Math.round(Math.max(...ages) / 86400e3)} d` : '—';
}

export async function renderRules(main, app) {
  const [rules, suppressions] = await Promise.all([get('/api/rules'), get('/api/suppressions')]);
  const isAdmin = app.can('admin');
  const ruleSelect = h('select', {}, h('option', { value: '*' }, '* (every rule)'), rules.map((r) => h('option', { value: r.id }, r.id)));
  const principal = h('input', { placeholder: 'Principal ARN (optional)' });
  const cidr = h('input', { placeholder: 'Source CIDR (optional)', style: 'width:180px' });
  const note = h('input', { placeholder: 'Why this is known-good', class: 'grow' });
  const form = isAdmin ? h('form', { class: 'toolbar body', onsubmit: async (e) => {
    e.preventDefault();
    try {
      await post('/api/suppressions', { ruleId: ruleSelect.value, principal: principal.value || null, sourceCidr: cidr.value || null, note: note.value });
      toast('Suppression added');
      await renderRules(main, app);
    } catch (error) { toast(error.message, true); }
  } }, ruleSelect, principal, cidr, note, h('button', { class: 'btn primary', type: 'submit' }, 'Add suppression')) : null;
  const suppressionColumns = [
    { key: 'ruleId', label: 'Rule', render: (r) => h('span', { class: 'mono' }, r.ruleId) },
    { key: 'principal', label: 'Principal', value: (r) => r.principal ?? 'any' },
    { key: 'sourceCidr', label: 'Source', value: (r) => r.sourceCidr ?? 'any' },
    { key: 'note', label: 'Why' },
    { key: 'createdBy', label: 'By' },
    timeCol('createdAt', 'Added'),
  ];
  if (isAdmin) suppressionColumns.push({ key: 'id', label: '', render: (r) => h('button', { class: 'btn small danger', onclick: async () => { await del(`/api/suppressions/${r.id}`); toast('Removed'); await renderRules(main, app); } }, 'Remove') });
  main.replaceChildren(
    ...(app.can('responder') ? [retroHunt(rules)] : []),
    tablePanel(`Detection rules (${rules.length})`, 'rules', [
      { key: 'severity', label: 'Severity', render: (r) => severityPill(r.severity) },
      { key: 'id', label: 'Rule', render: (r) => h('span', { class: 'mono' }, r.id) },
      { key: 'title', label: 'Title' },
      { key: 'bestPractice', label: 'Best practice' },
      { key: 'cis', label: 'CIS', value: (r) => r.cis.join(' '), render: (r) => r.cis.map((c) => h('span', { class: 'tag' }, c)) },
      { key: 'mitre', label: 'MITRE ATT&CK', value: (r) => r.mitre.join(' '), render: (r) => r.mitre.map((m) => h('span', { class: 'tag' }, m)) },
    ], rules),
    panel('Suppressions', h('div', {}, form, dataTable({ name: 'suppressions', columns: suppressionColumns, rows: suppressions, emptyText: 'No suppressions.' }).element)));
}

// Retro-hunt: one rule over the stored records of a window, raising what it finds (idempotent).
function retroHunt(rules) {
  const rule = h('select', { 'data-testid': 'replay-rule' }, rules.map((r) => h('option', { value: r.id }, `${r.id} — ${r.title}`)));
  const since = h('input', { type: 'date', 'data-testid': 'replay-since', title: 'From (record time, UTC)' });
  const until = h('input', { type: 'date', 'data-testid': 'replay-until', title: 'To, inclusive (record time, UTC)' });
  const result = h('span', { class: 'muted', 'data-testid': 'replay-result' });
  const run = h('button', { class: 'btn primary', type: 'submit' }, 'Run over history');
  const form = h('form', { class: 'toolbar body', onsubmit: async (e) => {
    e.preventDefault();
    run.disabled = true;
    result.textContent = 'running…';
    try {
      const window = {
        since: since.value ? `${since.value}T00:00:00Z` : null,
        until: until.value ? new Date(Date.parse(`${until.value}T00:00:00Z`) + 86400e3).toISOString() : null,
      };
      const s = await post(`/api/rules/${encodeURIComponent(rule.value)}/replay`, window);
      result.textContent = `${fmt.num(s.records)} records read, ${fmt.num(s.hits)} hits: ${fmt.num(s.raised)} alerts raised, ${fmt.num(s.updated)} updated (${s.seconds.toFixed(1)} s)`;
    } catch (error) {
      result.textContent = '';
      toast(error.message, true);
    } finally {
      run.disabled = false;
    }
  } }, rule, since, until, run, result);
  return panel('Retro-hunt: run a rule over stored history', form);
}

export async function renderIngestion(main) {
  const status = await get('/api/ingestion');
  const t = status.totals;
  main.replaceChildren(
    h('div', { class: 'grid cols-4', style: 'margin-bottom:16px' },
      stat('Records ingested', fmt.num(t.ingested), `${fmt.num(t.duplicates)} duplicates skipped`),
      stat('Log objects', fmt.num(t.objects), `${fmt.num(t.completedObjects)} complete`),
      stat('Quarantined', fmt.num(t.rejected), 'records that could not be read'),
      stat('Data lag', fmt.duration(t.lagSeconds), t.newestEventTime ? `newest event ${fmt.time(t.newestEventTime)}` : 'no events yet')),
    status.sources.length
      ? tablePanel('AWS sources', 'sources', [
        { key: 'source', label: 'Source', render: (r) => h('span', { class: 'mono' }, r.source) },
        { key: 'type', label: 'Type' },
        { key: 'lag', label: 'Lag', value: (r) => r.lag ?? '' },
        { key: 'objects', label: 'Objects', num: true, value: (r) => fmt.num(r.objects) },
        { key: 'records', label: 'Records', num: true, value: (r) => fmt.num(r.records) },
        { key: 'deadLettered', label: 'Dead-lettered', num: true, value: (r) => fmt.num(r.deadLettered) },
        { key: 'lastError', label: 'Last error', value: (r) => r.lastError ?? '', render: (r) => (r.lastError ? h('span', { class: 'err' }, r.lastError) : '') },
        timeCol('updatedAt', 'Updated'),
      ], status.sources)
      : panel('AWS sources', empty('No S3 prefixes or SQS queues configured: logs arrive through `activitywatch ingest`.')),
    tablePanel('Recently read log objects', 'checkpoints', [
      { key: 'id', label: 'Object', render: (r) => h('span', { class: 'mono' }, r.id) },
      { key: 'completed', label: 'Complete', value: (r) => (r.completed ? 'yes' : 'in progress') },
      { key: 'ingested', label: 'Ingested', num: true, value: (r) => fmt.num(r.ingested) },
      { key: 'duplicates', label: 'Duplicates', num: true, value: (r) => fmt.num(r.duplicates) },
      { key: 'rejected', label: 'Rejected', num: true, value: (r) => fmt.num(r.rejected) },
      timeCol('updatedAt', 'Updated'),
    ], status.recentObjects),
    tablePanel('Quarantine', 'quarantine', [
      { key: 'sourceObject', label: 'Object', render: (r) => h('span', { class: 'mono' }, r.sourceObject) },
      { key: 'position', label: 'Position', num: true, value: (r) => String(r.position) },
      { key: 'line', label: 'Line', num: true, value: (r) => (r.line ?? '').toString() },
      { key: 'reason', label: 'Reason' },
      { key: 'excerpt', label: 'Excerpt', render: (r) => h('span', { class: 'mono' }, r.excerpt ?? '') },
      timeCol('quarantinedAt', 'When'),
    ], status.quarantine),
    livePathPanel(status.livePath));
}

// Records a live-path member (a view, a rule, the anomaly model) could not process: the other members did.
function livePathPanel(live) {
  const position = live.behind === 0
    ? `Every stored event processed (sequence ${fmt.num(live.processedSequence)}).`
    : `${fmt.num(live.behind)} stored events not processed yet (at ${fmt.num(live.processedSequence)} of ${fmt.num(live.newestSequence)}).`;
  if (!live.recentFailures.length) return panel('Live path', empty(`${position} No record failed on the live path.`));
  return tablePanel(`Live path: ${fmt.num(live.failureCount)} records a member could not process. ${position}`, 'projection-failures', [
    { key: 'member', label: 'Member', render: (r) => h('span', { class: 'mono' }, r.member) },
    { key: 'sequence', label: 'Sequence', num: true, value: (r) => String(r.sequence) },
    { key: 'sourceObject', label: 'Object', render: (r) => h('span', { class: 'mono' }, r.sourceObject ?? '') },
    { key: 'position', label: 'Position', num: true, value: (r) => (r.position ?? '').toString() },
    { key: 'message', label: 'Error', value: (r) => `${r.error}: ${r.message}` },
    timeCol('failedAt', 'When'),
  ], live.recentFailures);
}

export async function renderAudit(main) {
  const entries = await get('/api/audit', { limit: 500 });
  main.replaceChildren(tablePanel('Analyst actions', 'audit', [
    { key: 'at', label: 'When', value: (r) => fmt.time(r.at), render: (r) => h('span', { class: 'mono' }, fmt.time(r.at)) },
    { key: 'actor', label: 'Who' },
    { key: 'role', label: 'Role' },
    { key: 'action', label: 'Action', render: (r) => h('span', { class: 'mono' }, r.action) },
    { key: 'target', label: 'Target', render: (r) => h('span', { class: 'mono' }, r.target) },
    { key: 'detail', label: 'Detail', value: (r) => r.detail ?? '' },
  ], entries));
}

import { get } from './api.js';
import { h, fmt, kv, jsonView, openDrawer, closeDrawer, toast } from './ui.js';
import { around } from './range.js';

// An event in the drawer: its normalised fields (each one a filter), pivots that keep the event's
// time, and the raw record as logged.

const hour = 3600e3;

// field:value in the query language, quoted and escaped when the value needs it (wildcards are literal here).
export function term(field, value) {
  const text = String(value);
  if (/^[A-Za-z0-9_.:@/+=,-]+$/.test(text)) return `${field}:${text}`;
  return `${field}:"${text.replace(/[\\"*?]/g, (c) => `\\${c}`)}"`;
}

// Adds a term to a query with AND (or AND NOT); a query with a top-level OR is parenthesised first.
export function addTerm(query, field, value, negate = false) {
  const t = `${negate ? 'NOT ' : ''}${term(field, value)}`;
  const q = (query ?? '').trim();
  if (!q) return t;
  if (q.split(/\s+/).includes(t) || q.includes(` AND ${t}`)) return q;
  return `${/\bOR\b/i.test(q) ? `(${q})` : q} AND ${t}`;
}

// The timeline of a query around a moment: the pivots' destination.
export function timelineHash(query, window) {
  return `#/timeline?${new URLSearchParams({ q: query, ...window })}`;
}

// onFilter(field, value, negate) is what clicking a value does; by default it opens the timeline
// filtered on it around the event's time.
export async function showEvent(storedEventId, { onFilter } = {}) {
  try {
    const entry = await get(`/api/events/${storedEventId}`);
    const window = around(entry.eventTime, 12 * hour);
    const filter = onFilter ?? ((field, value, negate) => { closeDrawer(); location.hash = timelineHash(addTerm('', field, value, negate), window); });
    const value = (field, shown, raw = shown) => (shown === null || shown === undefined || shown === '' ? null
      : h('span', { class: 'kv-value' }, shown, filterButton(field, raw, filter)));
    openDrawer(`${entry.eventName ?? 'Event'} · ${fmt.time(entry.eventTime)}`,
      h('div', { class: 'actions', style: 'margin-bottom:14px' },
        h('a', { class: 'btn small', 'data-testid': 'pivot-principal-page', href: `#/principal?${new URLSearchParams({ p: entry.principal, ...around(entry.eventTime, 15 * 86400e3) })}` }, 'Open principal'),
        h('a', { class: 'btn small', 'data-testid': 'pivot-principal', title: '12 hours either side of this event',
          href: timelineHash(term('principal', entry.principal), window) }, 'Principal’s activity ±12 h'),
        entry.sourceIp ? h('a', { class: 'btn small', 'data-testid': 'pivot-ip', title: '12 hours either side of this event',
          href: timelineHash(term('sourceIp', entry.sourceIp), window) }, 'Same source IP ±12 h') : null),
      h('p', { class: 'muted', style: 'margin:0 0 10px' }, 'Click + beside a value to add it to the search, − to exclude it.'),
      kv([
        ['Event time', fmt.time(entry.eventTime)],
        ['Principal', value('principal', entry.principal)],
        ...(entry.loggedPrincipal ? [['Logged as', `${entry.loggedPrincipal}${entry.principalForm === 'unresolved' ? ' (no role of this name is known from CloudTrail or an IAM import: path unknown)' : ''}`]] : []),
        ['Session', value('sessionName', entry.sessionName)],
        ['Identity type', value('identityType', entry.identityType)],
        ['Account', value('accountId', entry.accountId)],
        ['Service', value('eventSource', entry.eventSource)],
        ['Event', value('eventName', entry.eventName)],
        ['Region', value('region', entry.awsRegion)],
        ['Source IP', value('sourceIp', entry.sourceIp)],
        ['User agent', value('userAgent', entry.userAgent)],
        ['Error', value('errorCode', entry.errorCode)],
        ['Access key', value('accessKeyId', entry.accessKeyId)],
        ['MFA', entry.mfa === null || entry.mfa === undefined ? 'not stated' : value('mfa', entry.mfa ? 'yes' : 'no', String(entry.mfa))],
        ['Event ID', entry.eventId],
        ['Source', entry.source],
        ['Log object', entry.sourceObject],
      ]),
      h('h3', { style: 'font-size:13px;margin:18px 0 8px' }, 'Raw record'),
      jsonView(entry.raw));
  } catch (error) {
    toast(error.message, true);
  }
}

function filterButton(field, value, filter) {
  return h('span', { class: 'filter-buttons' },
    h('button', { class: 'icon-btn', type: 'button', title: `Add ${term(field, value)} to the search`, 'aria-label': `Filter on ${field}`, 'data-testid': `filter-${field}`,
      onclick: () => filter(field, value, false) }, '+'),
    h('button', { class: 'icon-btn', type: 'button', title: `Exclude ${term(field, value)}`, 'aria-label': `Exclude ${field}`,
      onclick: () => filter(field, value, true) }, '−'));
}

// A cell whose value adds itself to the search when clicked (shift-click excludes it).
function pivot(field, shown, raw, onFilter, className) {
  if (shown === null || shown === undefined || shown === '') return '';
  if (!onFilter) return className ? h('span', { class: className }, shown) : shown;
  return h('span', {
    class: `pivot${className ? ` ${className}` : ''}`, role: 'button', tabindex: '-1', 'data-field': field,
    title: `${raw}\nClick: add ${term(field, raw)} to the search · Shift-click: exclude it`,
    onclick: (event) => { event.stopPropagation(); onFilter(field, raw, event.shiftKey); },
  }, shown);
}

// The timeline's columns. Widths keep a 1400 px screen free of horizontal scrolling; long values
// are cut with an ellipsis and shown whole in the tooltip (the time drops its year, which the
// tooltip keeps). The service rides along with the event name ("CreateUser iam").
export function timelineColumns({ onFilter } = {}) {
  return [
    { key: 'eventTime', label: 'Time', width: '122px', value: (r) => fmt.time(r.eventTime),
      render: (r) => h('span', { class: 'mono' }, fmt.time(r.eventTime).slice(5).replace('Z', '')) },
    { key: 'principal', label: 'Principal', value: (r) => r.principal, render: (r) => pivot('principal', `${fmt.short(r.principal)}${r.principalForm === 'unresolved' ? ' (path unknown)' : ''}${r.sessionName ? ` · ${r.sessionName}` : ''}`, r.principal, onFilter) },
    { key: 'eventName', label: 'Event', width: '22%', value: (r) => `${r.eventName ?? ''} ${r.eventSource ?? ''}`.trim(),
      render: (r) => [pivot('eventName', r.eventName, r.eventName, onFilter), ' ', pivot('eventSource', serviceName(r.eventSource), r.eventSource, onFilter, 'service')] },
    { key: 'sourceIp', label: 'Source IP', width: '124px', value: (r) => r.sourceIp ?? '', render: (r) => pivot('sourceIp', r.sourceIp, r.sourceIp, onFilter, 'mono') },
    { key: 'awsRegion', label: 'Region', width: '92px', value: (r) => r.awsRegion ?? '', render: (r) => pivot('region', r.awsRegion, r.awsRegion, onFilter) },
    { key: 'errorCode', label: 'Error', width: '96px', value: (r) => r.errorCode ?? '', render: (r) => pivot('errorCode', r.errorCode, r.errorCode, onFilter, 'err') },
    { key: 'mfa', label: 'MFA', width: '52px', value: (r) => (r.mfa === null || r.mfa === undefined ? '' : r.mfa ? 'yes' : 'no'),
      render: (r) => (r.mfa === null || r.mfa === undefined ? '' : pivot('mfa', r.mfa ? 'yes' : 'no', String(r.mfa), onFilter)) },
    { key: 'accessKeyId', label: 'Access key', width: '176px', value: (r) => r.accessKeyId ?? '', render: (r) => pivot('accessKeyId', r.accessKeyId, r.accessKeyId, onFilter, 'mono') },
  ];
}

// "iam.amazonaws.com" -> "iam".
const serviceName = (source) => (source ? source.replace(/\.amazonaws\.com$/, '') : source);

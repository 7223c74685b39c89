import { get } from './api.js';
import { h, fmt, kv, jsonView, openDrawer, toast } from './ui.js';

// An event in the drawer: its normalised fields, links to pivot on, and the raw record as logged.
export async function showEvent(storedEventId) {
  try {
    const entry = await get(`/api/events/${storedEventId}`);
    openDrawer(`${entry.eventName ?? 'Event'} · ${fmt.time(entry.eventTime)}`,
      h('div', { class: 'actions', style: 'margin-bottom:14px' },
        h('a', { class: 'btn small', href: `#/principal?${new URLSearchParams({ p: entry.principal })}` }, 'Open principal'),
        h('a', { class: 'btn small', href: `#/timeline?${new URLSearchParams({ q: `principal:"${entry.principal}"`, range: '7d' })}` }, 'Principal’s activity'),
        entry.sourceIp ? h('a', { class: 'btn small', href: `#/timeline?${new URLSearchParams({ q: `sourceIp:${entry.sourceIp}`, range: '7d' })}` }, 'Same source IP') : null),
      kv([
        ['Event time', fmt.time(entry.eventTime)],
        ['Principal', entry.principal],
        ['Session', entry.sessionName],
        ['Identity type', entry.identityType],
        ['Account', entry.accountId],
        ['Event', `${entry.eventSource ?? ''} ${entry.eventName ?? ''}`.trim()],
        ['Region', entry.awsRegion],
        ['Source IP', entry.sourceIp],
        ['User agent', entry.userAgent],
        ['Error', entry.errorCode],
        ['Access key', entry.accessKeyId],
        ['MFA', entry.mfa === null || entry.mfa === undefined ? 'not stated' : entry.mfa ? 'yes' : 'no'],
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

export const timelineColumns = [
  { key: 'eventTime', label: 'Time', value: (r) => fmt.time(r.eventTime), render: (r) => h('span', { class: 'mono' }, fmt.time(r.eventTime)) },
  { key: 'principal', label: 'Principal', value: (r) => r.principal, render: (r) => r.sessionName ? `${fmt.short(r.principal)} · ${r.sessionName}` : fmt.short(r.principal) },
  { key: 'eventName', label: 'Event', value: (r) => r.eventName ?? '' },
  { key: 'eventSource', label: 'Service', value: (r) => r.eventSource ?? '' },
  { key: 'sourceIp', label: 'Source IP', value: (r) => r.sourceIp ?? '', render: (r) => h('span', { class: 'mono' }, r.sourceIp ?? '') },
  { key: 'awsRegion', label: 'Region', value: (r) => r.awsRegion ?? '' },
  { key: 'errorCode', label: 'Error', value: (r) => r.errorCode ?? '', render: (r) => (r.errorCode ? h('span', { class: 'err' }, r.errorCode) : '') },
  { key: 'mfa', label: 'MFA', value: (r) => (r.mfa === null || r.mfa === undefined ? '' : r.mfa ? 'yes' : 'no') },
  { key: 'accessKeyId', label: 'Access key', value: (r) => r.accessKeyId ?? '', render: (r) => h('span', { class: 'mono' }, r.accessKeyId ?? '') },
];

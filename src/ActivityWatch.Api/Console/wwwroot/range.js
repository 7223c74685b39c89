import { get } from './api.js';
import { h, fmt } from './ui.js';

// Time ranges. Presets count back from the newest stored event, not from now: imported history or
// a source that stopped a month ago still shows. A from/to pair (UTC) is the explicit alternative.
// The label always says which one is in force, and the data's own span is shown beside it.

export const presets = { '1h': 3600e3, '24h': 86400e3, '7d': 7 * 86400e3, '30d': 30 * 86400e3, '90d': 90 * 86400e3 };
const presetNames = { '1h': '1 hour', '24h': '24 hours', '7d': '7 days', '30d': '30 days', '90d': '90 days' };

let cached = null;

// The oldest and newest stored event, fetched at most every 15 s.
export async function extent() {
  if (!cached || Date.now() - cached.at > 15000) cached = { at: Date.now(), value: get('/api/timeline/extent') };
  try { return await cached.value; } catch (error) { cached = null; throw error; }
}

// Just after the newest event (until is exclusive), or now when nothing is stored.
export function anchorOf(newest) {
  if (!newest) return new Date();
  const t = new Date(newest).getTime();
  return new Date(t - (t % 1000) + 1000);
}

// { preset, from, to } + the anchor -> { since, until, label, custom }.
export function resolve(state, newest) {
  if (state.from && state.to) {
    return { since: new Date(state.from), until: new Date(state.to), custom: true, label: `${fmt.time(state.from)} → ${fmt.time(state.to)} (chosen range)` };
  }
  const width = presets[state.preset] ?? presets['24h'];
  const until = anchorOf(newest);
  const since = new Date(until.getTime() - width);
  const name = presetNames[state.preset] ?? presetNames['24h'];
  const label = newest
    ? `${fmt.time(since)} → ${fmt.time(until)}: the ${name} up to the newest stored event`
    : `the last ${name} (nothing is stored yet)`;
  return { since, until, custom: false, label };
}

// From/to are typed (or pasted) as UTC text, the way logs print times: "2026-11-05", "2026-11-05 02:00",
// "2026-11-05T02:00:30Z". Browsers' date pickers would show the viewer's locale and time zone instead.
export const toInput = (value) => (value ? new Date(value).toISOString().slice(0, 19).replace('T', ' ').replace(/:00$/, '') : '');
export function fromInput(value) {
  const m = /^\s*(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2})(:\d{2}(?:\.\d+)?)?)?\s*(Z|[+-]\d{2}:?\d{2})?\s*$/i.exec(value ?? '');
  if (!m) return null;
  const time = Date.parse(`${m[1]}T${m[2] ?? '00:00'}${m[3] ?? ':00'}${m[4] ? m[4].toUpperCase() : 'Z'}`);
  return Number.isNaN(time) ? null : new Date(time).toISOString();
}

// Presets, a from/to picker, the range in force and the stored data's span. onChange(state) re-runs the search.
export function rangePicker(state, onChange, { span } = {}) {
  const select = h('select', { 'aria-label': 'Time range', 'data-testid': 'range' },
    Object.keys(presets).map((p) => h('option', { value: p, selected: !state.from && p === state.preset }, `Last ${presetNames[p]} of data`)),
    h('option', { value: 'custom', selected: Boolean(state.from) }, 'From / to (UTC)…'));
  const input = (name, title) => h('input', { type: 'text', class: 'time-input', spellcheck: 'false', autocomplete: 'off', placeholder: 'YYYY-MM-DD hh:mm', 'aria-label': title, title: `${title}: 2026-11-05, 2026-11-05 02:00 or 2026-11-05T02:00:30Z`, 'data-testid': `range-${name}` });
  const from = input('from', 'From (UTC)');
  const to = input('to', 'To (UTC, exclusive)');
  from.value = toInput(state.from);
  to.value = toInput(state.to);
  const apply = h('button', { class: 'btn', type: 'button', 'data-testid': 'range-apply' }, 'Use range');
  const custom = h('span', { class: 'range-custom' }, from, h('span', { class: 'muted' }, '→'), to, h('span', { class: 'muted' }, 'UTC'), apply);
  const label = h('span', { class: 'range-label', 'data-testid': 'range-label' });
  const extentText = h('span', { class: 'muted', 'data-testid': 'data-extent' });
  const whole = h('button', { class: 'btn small', type: 'button', hidden: true, 'data-testid': 'range-all' }, 'All stored data');

  select.addEventListener('change', () => {
    if (select.value === 'custom') {
      if (!from.value || !to.value) {
        // Start the picker from the range in force, so only the part to change needs typing.
        from.value = toInput(state.shown?.since);
        to.value = toInput(state.shown?.until);
      }
      from.focus();
      return;
    }
    onChange({ ...state, preset: select.value, from: null, to: null });
  });
  const useRange = () => {
    const f = fromInput(from.value), t = fromInput(to.value);
    const bad = !f ? from : !t ? to : f >= t ? to : null;
    if (!bad) { onChange({ ...state, from: f, to: t }); return; }
    bad.setCustomValidity(bad === to && t ? '“To” must be after “From”.' : 'Write a UTC time such as 2026-11-05 or 2026-11-05 02:00.');
    bad.reportValidity();
  };
  apply.addEventListener('click', useRange);
  for (const field of [from, to]) {
    field.addEventListener('input', () => field.setCustomValidity(''));
    field.addEventListener('keydown', (event) => { if (event.key === 'Enter') { event.preventDefault(); useRange(); } });
  }

  const element = h('div', { class: 'range-bar' }, select, custom, h('span', { class: 'grow-small' }), label);
  const spanLine = h('div', { class: 'range-extent' }, extentText, whole);
  return {
    element,
    spanLine: span === false ? null : spanLine,
    // Shows the range in force and the data's span (ext: { oldest, newest }).
    show(resolved, ext) {
      state.shown = resolved;
      label.textContent = resolved.label;
      from.value = toInput(resolved.since);
      to.value = toInput(resolved.until);
      if (ext?.newest) {
        extentText.textContent = `Stored events: ${fmt.time(ext.oldest)} → ${fmt.time(ext.newest)}`;
        whole.hidden = false;
        whole.onclick = () => onChange({ ...state, from: new Date(ext.oldest).toISOString(), to: anchorOf(ext.newest).toISOString() });
      } else {
        extentText.textContent = 'Nothing is stored yet: ingest logs with `activitywatch ingest PATH`.';
        whole.hidden = true;
      }
    },
  };
}

// The hash parameters of a range state, and back.
export function rangeParams(state) {
  return state.from && state.to ? { from: state.from, to: state.to } : { range: state.preset };
}

export function rangeState(params, fallback = '24h') {
  const from = params.get('from'), to = params.get('to');
  const valid = from && to && !Number.isNaN(Date.parse(from)) && !Number.isNaN(Date.parse(to));
  return { preset: presets[params.get('range')] ? params.get('range') : fallback, from: valid ? new Date(from).toISOString() : null, to: valid ? new Date(to).toISOString() : null };
}

// A window around a moment, for pivots: [t - before, t + after].
export function around(time, beforeMs, afterMs = beforeMs, end = time) {
  const t = new Date(time).getTime(), e = new Date(end).getTime();
  return { from: new Date(t - beforeMs).toISOString(), to: new Date(e + afterMs).toISOString() };
}

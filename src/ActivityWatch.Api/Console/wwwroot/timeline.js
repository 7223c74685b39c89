import { get } from './api.js';
import { h, panel, empty } from './ui.js';
import { dataTable } from './table.js';
import { histogram } from './charts.js';
import { showEvent, timelineColumns } from './event.js';

const ranges = { '1h': 3600e3, '24h': 86400e3, '7d': 7 * 86400e3, '30d': 30 * 86400e3, '90d': 90 * 86400e3 };

export async function render(main, params, app) {
  const state = { q: params.get('q') ?? '', range: params.get('range') ?? '24h', errorsOnly: params.get('errors') === '1', cursor: null };
  const input = h('input', { id: 'query', 'data-testid': 'query', value: state.q, spellcheck: 'false', autocomplete: 'off',
    placeholder: 'eventName:Delete* AND NOT errorCode:*   ·   principal:"arn:aws:iam::123456789012:user/alice"   ·   sourceIp:203.0.113.0/24' });
  const rangeSelect = h('select', { 'aria-label': 'Time range', 'data-testid': 'range' },
    Object.keys(ranges).map((r) => h('option', { value: r, selected: r === state.range }, `Last ${r}`)));
  const errorsChip = h('button', { class: `chip${state.errorsOnly ? ' on' : ''}`, type: 'button' }, 'Errors only');
  const queryError = h('div', { class: 'query-error', 'data-testid': 'query-error', hidden: true });
  const chartBody = h('div', { class: 'body' });
  const summary = h('span', { class: 'muted' });
  const table = dataTable({ columns: timelineColumns, name: 'timeline', testid: 'timeline-table', onOpen: (row) => showEvent(row.storedEventId), emptyText: 'No activity matches.' });
  const more = h('button', { class: 'btn', hidden: true, onclick: () => load(false) }, 'Load more');

  const form = h('form', { class: 'toolbar', onsubmit: (e) => { e.preventDefault(); search(); } },
    h('div', { class: 'querybox' }, h('span', { class: 'prompt' }, '›'), input),
    rangeSelect, errorsChip, h('button', { class: 'btn primary', type: 'submit', 'data-testid': 'search' }, 'Search'));
  errorsChip.addEventListener('click', () => { state.errorsOnly = !state.errorsOnly; errorsChip.classList.toggle('on', state.errorsOnly); search(); });
  rangeSelect.addEventListener('change', () => search());

  main.replaceChildren(form, queryError,
    panel('Events over time', chartBody, summary),
    h('section', { class: 'panel' }, table.element, h('div', { class: 'table-foot' }, h('span', { class: 'muted' }, 'Newest first · click a row for the raw record'), more)));

  function search() {
    state.q = input.value.trim();
    state.range = rangeSelect.value;
    const next = new URLSearchParams({ ...(state.q ? { q: state.q } : {}), range: state.range, ...(state.errorsOnly ? { errors: '1' } : {}) });
    app.replaceHash(`#/timeline?${next}`);
    load(true);
  }

  async function load(fresh) {
    const until = new Date();
    const since = new Date(until.getTime() - ranges[state.range]);
    if (fresh) state.cursor = null;
    try {
      const page = await get('/api/timeline', {
        q: state.q, since: since.toISOString(), until: until.toISOString(), limit: 100,
        errorsOnly: state.errorsOnly ? 'true' : '', histogram: fresh ? 'true' : '', cursor: fresh ? '' : state.cursor,
      });
      queryError.hidden = true;
      if (fresh) {
        table.set(page.items);
        const total = page.histogram?.buckets.reduce((a, b) => a + b.count, 0) ?? 0;
        summary.textContent = `${total.toLocaleString('en-US')} events`;
        chartBody.replaceChildren(total ? histogram(page.histogram.buckets, page.histogram.bucketSeconds, page.since, page.until) : empty('No events in this range.'));
      } else {
        table.add(page.items);
      }
      state.cursor = page.nextCursor;
      more.hidden = !page.nextCursor;
    } catch (error) {
      if (error.problem?.position !== undefined) {
        queryError.textContent = `${state.q}\n${' '.repeat(error.problem.position)}^ ${error.problem.reason ?? error.message}`;
        queryError.hidden = false;
        input.focus();
        input.setSelectionRange(error.problem.position, error.problem.position);
      } else {
        app.toast(error.message, true);
      }
    }
  }

  app.onKey((event) => {
    if (event.key === '/' && document.activeElement !== input) { event.preventDefault(); input.focus(); }
  });
  await load(true);
}

import { get, session, ApiError } from './api.js';
import { h, panel, empty, fmt, toast, closeDrawer } from './ui.js';
import { dataTable, saveBlob } from './table.js';
import { histogram } from './charts.js';
import { showEvent, timelineColumns, addTerm } from './event.js';
import { extent, resolve, rangePicker, rangeParams, rangeState } from './range.js';

export async function render(main, params, app) {
  const state = { q: params.get('q') ?? '', ...rangeState(params), errorsOnly: params.get('errors') === '1', order: params.get('order') === 'oldest' ? 'oldest' : 'newest', cursor: null };
  const input = h('input', { id: 'query', 'data-testid': 'query', value: state.q, spellcheck: 'false', autocomplete: 'off',
    placeholder: 'principal:chen   ·   eventName:Create* AND NOT errorCode:*   ·   sourceIp:203.0.113.0/24' });
  const errorsChip = h('button', { class: `chip${state.errorsOnly ? ' on' : ''}`, type: 'button' }, 'Errors only');
  const queryError = h('div', { class: 'query-error', 'data-testid': 'query-error', hidden: true });
  const chartBody = h('div', { class: 'body' });
  const summary = h('span', { class: 'muted', 'data-testid': 'timeline-summary' });
  const onFilter = (field, value, negate) => { closeDrawer(); input.value = addTerm(input.value, field, value, negate); search(); };
  let why = '';
  const table = dataTable({
    columns: timelineColumns({ onFilter }), name: 'timeline', testid: 'timeline-table', onOpen: (row) => showEvent(row.storedEventId, { onFilter }),
    emptyText: () => why, sort: { key: 'eventTime', dir: state.order === 'oldest' ? 'asc' : 'desc' },
    // Time orders the whole result on the server; other columns order the rows loaded so far.
    onSort: (key, dir) => {
      if (key === 'eventTime') { state.order = dir === 'asc' ? 'oldest' : 'newest'; search(); return; }
      sortLoaded(key, dir);
    },
    onExport: (kind) => exportAll(kind),
  });
  const more = h('button', { class: 'btn', hidden: true, 'data-testid': 'load-more', onclick: () => load(false) }, 'Load more');
  const order = h('span', { class: 'muted', 'data-testid': 'timeline-order' });
  const picker = rangePicker(state, (next) => { Object.assign(state, next); search(); });

  const form = h('form', { class: 'toolbar', onsubmit: (e) => { e.preventDefault(); search(); } },
    h('div', { class: 'querybox' }, h('span', { class: 'prompt' }, '›'), input),
    errorsChip, h('button', { class: 'btn primary', type: 'submit', 'data-testid': 'search' }, 'Search'));
  errorsChip.addEventListener('click', () => { state.errorsOnly = !state.errorsOnly; errorsChip.classList.toggle('on', state.errorsOnly); search(); });

  main.replaceChildren(form, h('div', { class: 'toolbar range-row' }, picker.element), picker.spanLine, queryError,
    panel('Events over time', chartBody, summary),
    h('section', { class: 'panel' }, table.element,
      h('div', { class: 'table-foot' }, order, more)));

  let resolved = null;
  let sortedBy = null;

  function search() {
    state.q = input.value.trim();
    const next = new URLSearchParams({ ...(state.q ? { q: state.q } : {}), ...rangeParams(state), ...(state.errorsOnly ? { errors: '1' } : {}), ...(state.order === 'oldest' ? { order: 'oldest' } : {}) });
    app.replaceHash(`#/timeline?${next}`);
    load(true);
  }

  function sortLoaded(key, dir) {
    sortedBy = { key, dir };
    const column = timelineColumns().find((c) => c.key === key);
    const value = (r) => String(column.value(r)).toLowerCase();
    const sign = dir === 'asc' ? 1 : -1;
    table.set([...table.rows].sort((a, b) => (value(a) < value(b) ? -sign : value(a) > value(b) ? sign : 0)));
    describeOrder();
  }

  function describeOrder() {
    order.textContent = sortedBy
      ? `The ${fmt.num(table.rows.length)} rows loaded, by ${timelineColumns().find((c) => c.key === sortedBy.key).label.toLowerCase()} · Time orders the whole result · click a value to filter on it`
      : `${state.order === 'oldest' ? 'Oldest' : 'Newest'} first · click a value to filter on it, a row for the raw record, a bar to zoom`;
  }

  async function load(fresh) {
    let ext;
    try { ext = await extent(); } catch (error) { app.toast(error.message, true); return; }
    if (fresh) {
      state.cursor = null;
      sortedBy = null;
      table.setSort({ key: 'eventTime', dir: state.order === 'oldest' ? 'asc' : 'desc' });
      resolved = resolve(state, ext.newest);
      picker.show(resolved, ext);
    }
    try {
      const page = await get('/api/timeline', {
        q: state.q, since: resolved.since.toISOString(), until: resolved.until.toISOString(), limit: 100, order: state.order,
        errorsOnly: state.errorsOnly ? 'true' : '', histogram: fresh ? 'true' : '', cursor: fresh ? '' : state.cursor,
      });
      queryError.hidden = true;
      if (fresh) {
        const total = page.histogram?.buckets.reduce((a, b) => a + b.count, 0) ?? 0;
        why = explainEmpty(ext);
        table.set(page.items);
        summary.textContent = `${total.toLocaleString('en-US')} events`;
        state.total = total;
        chartBody.replaceChildren(total
          ? histogram(page.histogram.buckets, page.histogram.bucketSeconds, page.since, page.until, { onPick: (bucket) => zoom(bucket, page.histogram.bucketSeconds) })
          : empty('No events in this range.'));
      } else {
        table.add(page.items);
        if (sortedBy) sortLoaded(sortedBy.key, sortedBy.dir);
      }
      state.cursor = page.nextCursor;
      more.hidden = !page.nextCursor;
      more.textContent = page.nextCursor ? `Load more (${fmt.num(table.rows.length)} of ${fmt.num(state.total)})` : 'Load more';
      describeOrder();
      main.dataset.loaded = 'true';
    } catch (error) {
      if (error.problem?.position !== undefined) {
        const fields = error.problem.fields ? `\nknown fields: ${error.problem.fields.join(', ')}` : '';
        queryError.textContent = `${state.q}\n${' '.repeat(error.problem.position)}^ ${error.problem.reason ?? error.message}${fields}`;
        queryError.hidden = false;
        input.focus();
        input.setSelectionRange(error.problem.position, error.problem.position);
      } else {
        app.toast(error.message, true);
      }
    }
  }

  // A histogram bar: its own interval becomes the range.
  function zoom(bucket, bucketSeconds) {
    const from = new Date(bucket.start);
    Object.assign(state, { from: from.toISOString(), to: new Date(from.getTime() + bucketSeconds * 1000).toISOString() });
    search();
  }

  // Why nothing shows, when it can be told: no data at all, a range beside the data, a name that is not an ARN.
  function explainEmpty(ext) {
    if (!ext.newest) return 'Nothing is stored yet: ingest logs with `activitywatch ingest PATH` (or configure AWS sources).';
    const span = `Stored events span ${fmt.time(ext.oldest)} → ${fmt.time(ext.newest)}.`;
    const { since, until } = resolved;
    if (since > new Date(ext.newest) || until <= new Date(ext.oldest)) return `No events in ${fmt.time(since)} → ${fmt.time(until)}. ${span} Choose “All stored data” or another range.`;
    const hints = [];
    const name = /(?:^|\s)(?:principal|user):("?)([^\s*?":/]+)\1(?=\s|$)/i.exec(state.q);
    if (name) hints.push(`principal:${name[2]} matches a user, role or session named exactly ${name[2]}; try principal:*${name[2]}* for part of a name.`);
    if (state.errorsOnly) hints.push('“Errors only” is on.');
    return [`No events match ${state.q ? `“${state.q}”` : 'this search'} in ${fmt.time(since)} → ${fmt.time(until)}.`, ...hints, span].join(' ');
  }

  // The whole result, streamed by the server (not just the rows loaded here).
  async function exportAll(kind) {
    const query = new URLSearchParams({ format: kind === 'json' ? 'json' : 'csv', q: state.q, since: resolved.since.toISOString(), until: resolved.until.toISOString(), order: state.order });
    if (state.errorsOnly) query.set('errorsOnly', 'true');
    if (!state.q) query.delete('q');
    toast(`Exporting ${fmt.num(state.total ?? 0)} events…`);
    try {
      const response = await fetch(`/api/timeline/export?${query}`, { headers: { Authorization: `Bearer ${session.key}` } });
      if (!response.ok) {
        let problem = null;
        try { problem = await response.json(); } catch { /* not JSON */ }
        throw new ApiError(response.status, problem);
      }
      const rows = Number(response.headers.get('X-ActivityWatch-Rows') ?? 0);
      const truncated = response.headers.get('X-ActivityWatch-Truncated') === 'true';
      const name = /filename="([^"]+)"/.exec(response.headers.get('Content-Disposition') ?? '')?.[1] ?? `timeline.${kind}`;
      saveBlob(await response.blob(), name);
      toast(truncated ? `Exported the first ${fmt.num(rows)} events (the export limit); narrow the search for the rest.` : `Exported ${fmt.num(rows)} events.`, truncated);
    } catch (error) {
      toast(`Export failed: ${error.message}`, true);
    }
  }

  app.onKey((event) => {
    if (event.key === '/' && document.activeElement !== input) { event.preventDefault(); input.focus(); }
  });
  await load(true);
}

import { h } from './ui.js';

// A data table: sortable headers, CSV and JSON export, a message when empty.
// columns: [{ key, label, value(row) -> text for export, sort and tooltip, render(row) -> node|text, num, width, wrap, sortable }]
// With any width the table lays out fixed: cells cut long values with an ellipsis (the tooltip holds them whole), wrap cells wrap.
// sort: { key, dir } to start with; onSort(key, dir) takes the sort over (e.g. the server orders by time);
// otherwise a header click sorts the rows held. onExport(kind) replaces the export of the rows held
// (the timeline exports its whole result from the server). emptyText: text or a node.
export function dataTable({ columns, rows, onOpen, name = 'export', rowClass, emptyText = 'Nothing to show.', testid, sort, onSort, onExport }) {
  const state = { rows: [], shown: [], selected: -1, sort: sort ?? null };
  const tbody = h('tbody');
  const headers = columns.map((c) => {
    const sortable = c.sortable !== false && Boolean(c.label);
    const th = h('th', { class: [c.num ? 'num' : '', sortable ? 'sortable' : ''].join(' ').trim(), 'data-key': c.key, scope: 'col',
      title: sortable ? `Sort by ${c.label}` : undefined, tabindex: sortable ? '0' : undefined }, c.label, sortable ? h('span', { class: 'sort-mark', 'aria-hidden': 'true' }) : null);
    if (sortable) {
      const go = () => toggleSort(c.key);
      th.addEventListener('click', go);
      th.addEventListener('keydown', (event) => { if (event.key === 'Enter' || event.key === ' ') { event.preventDefault(); go(); } });
    }
    return th;
  });
  const fixed = columns.some((c) => c.width);
  const table = h('table', { class: `data${fixed ? ' fixed' : ''}`, 'data-testid': testid },
    fixed ? h('colgroup', {}, columns.map((c) => h('col', { style: c.width ? `width:${c.width}` : undefined }))) : null,
    h('thead', {}, h('tr', {}, headers)), tbody);

  const text = (c, row) => String((c.value ? c.value(row) : row[c.key]) ?? '');

  function toggleSort(key) {
    const dir = state.sort?.key === key && state.sort.dir === 'asc' ? 'desc' : 'asc';
    state.sort = { key, dir };
    markSort();
    if (onSort) onSort(key, dir);
    else render();
  }

  function markSort() {
    headers.forEach((th) => {
      const on = state.sort?.key === th.dataset.key;
      th.setAttribute('aria-sort', on ? (state.sort.dir === 'asc' ? 'ascending' : 'descending') : 'none');
      const mark = th.querySelector('.sort-mark');
      if (mark) mark.textContent = on ? (state.sort.dir === 'asc' ? ' ▲' : ' ▼') : '';
    });
  }

  // Rows in the order shown: the server's, or sorted here by the chosen column.
  function ordered() {
    if (onSort || !state.sort) return state.rows;
    const column = columns.find((c) => c.key === state.sort.key);
    if (!column) return state.rows;
    const sign = state.sort.dir === 'asc' ? 1 : -1;
    const key = (row) => (column.num ? Number(String(column.value ? column.value(row) : row[column.key]).replace(/[^\d.-]/g, '')) || 0 : text(column, row).toLowerCase());
    return [...state.rows].sort((a, b) => (key(a) < key(b) ? -sign : key(a) > key(b) ? sign : 0));
  }

  function renderRow(row, index) {
    const tr = h('tr', { class: [onOpen ? 'clickable' : '', rowClass?.(row) ?? ''].join(' ').trim(), dataset: { index: String(index) } },
      columns.map((c) => {
        const content = c.render ? c.render(row) : (c.value ? c.value(row) : row[c.key]);
        const title = c.value ? c.value(row) : row[c.key];
        return h('td', { class: [c.num ? 'num' : '', c.nowrap ? 'nowrap' : '', c.wrap ? 'wrap' : ''].join(' ').trim() || undefined, title: typeof title === 'string' && title ? title : undefined }, content ?? '');
      }));
    if (onOpen) tr.addEventListener('click', () => { select(index); onOpen(row, index); });
    return tr;
  }

  function render() {
    state.shown = ordered();
    const empty = typeof emptyText === 'function' ? emptyText() : emptyText;
    tbody.replaceChildren(...(state.shown.length ? state.shown.map(renderRow)
      : [h('tr', { class: 'empty-row' }, h('td', { colspan: String(columns.length), class: 'empty', 'data-testid': testid ? `${testid}-empty` : undefined }, empty))]));
    if (state.selected >= 0) tbody.children[state.selected]?.classList.add('selected');
    count.textContent = `${state.rows.length.toLocaleString('en-US')} row${state.rows.length === 1 ? '' : 's'}`;
  }

  function set(newRows) {
    state.rows = [...newRows];
    state.selected = Math.min(state.selected, state.rows.length - 1);
    render();
  }

  function add(newRows, { prepend = false, fresh = false } = {}) {
    set(prepend ? [...newRows, ...state.rows] : [...state.rows, ...newRows]);
    if (fresh) for (let i = 0; i < newRows.length; i++) tbody.children[prepend ? i : state.rows.length - 1 - i]?.classList.add('fresh');
  }

  function select(index) {
    if (!state.shown.length) return;
    state.selected = Math.max(0, Math.min(index, state.shown.length - 1));
    [...tbody.children].forEach((tr, i) => tr.classList.toggle('selected', i === state.selected));
    tbody.children[state.selected]?.scrollIntoView({ block: 'nearest' });
  }

  function download(kind) {
    if (onExport) { onExport(kind); return; }
    const stamp = new Date().toISOString().slice(0, 19).replace(/[:T]/g, '-');
    let blob;
    if (kind === 'csv') {
      // Log fields are attacker-written: a cell a spreadsheet would read as a formula (=, +, -, @, tab, CR)
      // gets a leading apostrophe, so it opens as text (OWASP, CSV injection).
      const inert = (v) => (/^[=+\-@\t\r]/.test(v) ? `'${v}` : v);
      const quote = (v) => (/[",\n\r]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);
      const lines = [columns.map((c) => quote(inert(c.label))).join(','), ...state.shown.map((r) => columns.map((c) => quote(inert(text(c, r)))).join(','))];
      blob = new Blob([lines.join('\r\n') + '\r\n'], { type: 'text/csv' });
    } else {
      blob = new Blob([JSON.stringify(state.shown, null, 2)], { type: 'application/json' });
    }
    saveBlob(blob, `${name}-${stamp}.${kind}`);
  }

  const count = h('span');
  const exportButtons = h('div', { class: 'export' },
    h('button', { class: 'btn small', onclick: () => download('csv'), 'data-testid': 'export-csv' }, 'CSV'),
    h('button', { class: 'btn small', onclick: () => download('json'), 'data-testid': 'export-json' }, 'JSON'));
  const element = h('div', {}, h('div', { class: 'table-wrap' }, table), h('div', { class: 'table-foot' }, count, h('span', { class: 'hint' }, 'Export', exportButtons)));
  markSort();
  set(rows ?? []);
  return {
    element, set, add, select, exportButtons, render,
    get rows() { return state.rows; },
    get shown() { return state.shown; },
    get selected() { return state.selected; },
    selectedRow() { return state.shown[state.selected]; },
    setSort(next) { state.sort = next; markSort(); },
  };
}

export function saveBlob(blob, filename) {
  const link = h('a', { href: URL.createObjectURL(blob), download: filename });
  document.body.append(link);
  link.click();
  setTimeout(() => { URL.revokeObjectURL(link.href); link.remove(); }, 1000);
}

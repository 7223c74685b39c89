import { h } from './ui.js';

// A data table with CSV and JSON export of exactly the rows shown.
// columns: [{ key, label, value(row) -> text for export, render(row) -> node|text, num }]
export function dataTable({ columns, rows, onOpen, name = 'export', rowClass, emptyText = 'Nothing to show.', testid }) {
  const tbody = h('tbody');
  const table = h('table', { class: 'data', 'data-testid': testid }, h('thead', {}, h('tr', {}, columns.map((c) => h('th', { class: c.num ? 'num' : '' }, c.label)))), tbody);
  const state = { rows: [], selected: -1 };

  function renderRow(row, index) {
    const tr = h('tr', { class: [onOpen ? 'clickable' : '', rowClass?.(row) ?? ''].join(' ').trim(), dataset: { index: String(index) } },
      columns.map((c) => {
        const content = c.render ? c.render(row) : (c.value ? c.value(row) : row[c.key]);
        const title = c.value ? c.value(row) : row[c.key];
        return h('td', { class: c.num ? 'num' : '', title: typeof title === 'string' ? title : undefined }, content ?? '');
      }));
    if (onOpen) tr.addEventListener('click', () => { select(index); onOpen(row, index); });
    return tr;
  }

  function set(newRows) {
    state.rows = [...newRows];
    state.selected = Math.min(state.selected, state.rows.length - 1);
    tbody.replaceChildren(...(state.rows.length ? state.rows.map(renderRow) : [h('tr', {}, h('td', { colspan: String(columns.length), class: 'empty' }, emptyText))]));
    if (state.selected >= 0) tbody.children[state.selected]?.classList.add('selected');
    count.textContent = `${state.rows.length.toLocaleString('en-US')} row${state.rows.length === 1 ? '' : 's'}`;
  }

  function add(newRows, { prepend = false, fresh = false } = {}) {
    set(prepend ? [...newRows, ...state.rows] : [...state.rows, ...newRows]);
    if (fresh) for (let i = 0; i < newRows.length; i++) tbody.children[prepend ? i : state.rows.length - 1 - i]?.classList.add('fresh');
  }

  function select(index) {
    if (!state.rows.length) return;
    state.selected = Math.max(0, Math.min(index, state.rows.length - 1));
    [...tbody.children].forEach((tr, i) => tr.classList.toggle('selected', i === state.selected));
    tbody.children[state.selected]?.scrollIntoView({ block: 'nearest' });
  }

  const exportValue = (c, row) => String((c.value ? c.value(row) : row[c.key]) ?? '');
  function download(kind) {
    const stamp = new Date().toISOString().slice(0, 19).replace(/[:T]/g, '-');
    let blob;
    if (kind === 'csv') {
      // Log fields are attacker-written: a cell a spreadsheet would read as a formula (=, +, -, @, tab, CR)
      // gets a leading apostrophe, so it opens as text (OWASP, CSV injection).
      const inert = (v) => (/^[=+\-@\t\r]/.test(v) ? `'${v}` : v);
      const quote = (v) => (/[",\n\r]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);
      const lines = [columns.map((c) => quote(inert(c.label))).join(','), ...state.rows.map((r) => columns.map((c) => quote(inert(exportValue(c, r)))).join(','))];
      blob = new Blob([lines.join('\r\n') + '\r\n'], { type: 'text/csv' });
    } else {
      blob = new Blob([JSON.stringify(state.rows, null, 2)], { type: 'application/json' });
    }
    const link = h('a', { href: URL.createObjectURL(blob), download: `${name}-${stamp}.${kind}` });
    document.body.append(link);
    link.click();
    setTimeout(() => { URL.revokeObjectURL(link.href); link.remove(); }, 1000);
  }

  const count = h('span');
  const exportButtons = h('div', { class: 'export' },
    h('button', { class: 'btn small', onclick: () => download('csv'), 'data-testid': 'export-csv' }, 'CSV'),
    h('button', { class: 'btn small', onclick: () => download('json'), 'data-testid': 'export-json' }, 'JSON'));
  const element = h('div', {}, h('div', { class: 'table-wrap' }, table), h('div', { class: 'table-foot' }, count, h('span', { class: 'hint' }, 'Export', exportButtons)));
  set(rows ?? []);
  return {
    element, set, add, select, exportButtons,
    get rows() { return state.rows; },
    get selected() { return state.selected; },
    selectedRow() { return state.rows[state.selected]; },
  };
}

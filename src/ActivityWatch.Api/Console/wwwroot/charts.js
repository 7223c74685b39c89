import { h, svg, fmt } from './ui.js';

// Inline SVG charts: no library, themed through CSS variables.

export function histogram(buckets, bucketSeconds, since, until, { onPick } = {}) {
  const width = 1000, height = 120, top = 8, bottom = 20, left = 40;
  const start = new Date(since).getTime(), end = new Date(until).getTime();
  const span = Math.max(1, end - start);
  const max = Math.max(1, ...buckets.map((b) => b.count));
  const barWidth = Math.max(1, ((bucketSeconds * 1000) / span) * (width - left) - 1);
  const chart = svg('svg', { class: 'chart', viewBox: `0 0 ${width} ${height}`, preserveAspectRatio: 'none', role: 'img', 'aria-label': 'Events over time', 'data-testid': 'histogram' });
  for (const fraction of [0.5, 1]) {
    const y = top + (height - top - bottom) * (1 - fraction);
    chart.append(svg('line', { class: 'grid-line', x1: left, x2: width, y1: y, y2: y }));
    chart.append(svg('text', { class: 'axis', x: left - 6, y: y + 3, 'text-anchor': 'end' }, compact(max * fraction)));
  }
  for (const bucket of buckets) {
    const x = left + ((new Date(bucket.start).getTime() - start) / span) * (width - left);
    const barHeight = ((height - top - bottom) * bucket.count) / max;
    const rect = svg('rect', { class: `bar${onPick ? ' zoomable' : ''}`, x, y: height - bottom - barHeight, width: barWidth, height: Math.max(barHeight, 1), rx: 1, 'data-start': bucket.start },
      svg('title', {}, `${fmt.time(bucket.start)}: ${fmt.num(bucket.count)} events${onPick ? ' · click to zoom in' : ''}`));
    if (onPick) rect.addEventListener('click', () => onPick(bucket));
    chart.append(rect);
  }
  for (let i = 0; i <= 4; i++) {
    const t = start + (span * i) / 4;
    chart.append(svg('text', { class: 'axis', x: left + ((width - left) * i) / 4, y: height - 5, 'text-anchor': i === 0 ? 'start' : i === 4 ? 'end' : 'middle' }, tick(t, span)));
  }
  return chart;
}

export const levelColours = {
  List: 'var(--lvl-list)', Read: 'var(--lvl-read)', Tagging: 'var(--lvl-tagging)',
  Write: 'var(--lvl-write)', 'Permissions management': 'var(--lvl-perm)', Unknown: 'var(--lvl-unknown)',
};

// Stacked bars of activity per bucket by IAM access level.
export function stackedLevels(series, since, until) {
  const width = 1000, height = 180, top = 8, bottom = 20, left = 44;
  const start = new Date(since).getTime(), end = new Date(until).getTime();
  const span = Math.max(1, end - start);
  const totals = series.points.map((p) => Object.values(p.counts).reduce((a, b) => a + b, 0));
  const max = Math.max(1, ...totals);
  const barWidth = Math.max(2, ((series.bucketSeconds * 1000) / span) * (width - left) - 2);
  const chart = svg('svg', { class: 'chart', viewBox: `0 0 ${width} ${height}`, preserveAspectRatio: 'none', role: 'img', 'aria-label': 'Activity by access level', 'data-testid': 'level-chart' });
  for (const fraction of [0.5, 1]) {
    const y = top + (height - top - bottom) * (1 - fraction);
    chart.append(svg('line', { class: 'grid-line', x1: left, x2: width, y1: y, y2: y }));
    chart.append(svg('text', { class: 'axis', x: left - 6, y: y + 3, 'text-anchor': 'end' }, compact(max * fraction)));
  }
  for (const point of series.points) {
    const x = left + ((new Date(point.start).getTime() - start) / span) * (width - left);
    let y = height - bottom;
    for (const level of series.levels) {
      const count = point.counts[level] ?? 0;
      if (!count) continue;
      const barHeight = ((height - top - bottom) * count) / max;
      y -= barHeight;
      chart.append(svg('rect', { x, y, width: barWidth, height: barHeight, fill: levelColours[level] ?? 'var(--faint)' },
        svg('title', {}, `${fmt.time(point.start)} · ${level}: ${fmt.num(count)}`)));
    }
  }
  for (let i = 0; i <= 4; i++) {
    const t = start + (span * i) / 4;
    chart.append(svg('text', { class: 'axis', x: left + ((width - left) * i) / 4, y: height - 5, 'text-anchor': i === 0 ? 'start' : i === 4 ? 'end' : 'middle' }, tick(t, span)));
  }
  const legend = h('div', { class: 'legend' }, series.levels.map((l) => h('span', {}, h('i', { style: `background:${levelColours[l]}` }), l)));
  return h('div', {}, chart, legend);
}

function compact(value) {
  if (value >= 1e6) return `${(value / 1e6).toFixed(1)}M`;
  if (value >= 1e3) return `${(value / 1e3).toFixed(1)}k`;
  return Number.isInteger(value) ? String(value) : value.toFixed(1);
}

function tick(ms, span) {
  const iso = new Date(ms).toISOString();
  return span <= 2 * 86400000 ? iso.slice(11, 16) : iso.slice(5, 10);
}

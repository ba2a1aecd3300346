// The insights page: the runtime's own call graph and split advice, refreshed every 5 s. Through the
// proxy it reads jitar/cluster/insights (every worker added up by the gateway); a standalone worker
// has no gateway, so there it reads its own jitar/insights. Drawn as SVG, no library.
import { clearError, el, getJson, showError } from './common.js';

const $ = (id) => document.getElementById(id);
const REFRESH_MILLIS = 5000;
const SVG = 'http://www.w3.org/2000/svg';
const SOURCES = ['jitar/cluster/insights', 'jitar/insights'];
const errorArea = $('error');
let source = 0;

async function refresh() {
  const window = encodeURIComponent($('window-select').value);
  const { value, error } = await getJson(SOURCES[source] + '?window=' + window, 'insights');
  if (error && error.status === 404 && source + 1 < SOURCES.length) {
    source++; // no gateway behind this address: a standalone worker answers for itself
    return refresh();
  }
  if (error) {
    failed(error);
    return;
  }
  clearError(errorArea);
  render(value);
}

function failed(error) {
  showError(errorArea, error, 'insights');
  const status = $('insights-status');
  status.textContent = 'Not updated: ' + (error.status || 'network error') + ' at ' + new Date().toLocaleTimeString();
  status.dataset.state = 'failed';
}

const number = (value) => (typeof value === 'number' && Number.isFinite(value) ? value : 0);
const pseudo = (name) => String(name).startsWith('(');

function render(report) {
  const procedures = Array.isArray(report.procedures) ? report.procedures : [];
  const edges = Array.isArray(report.edges) ? report.edges : [];
  const traffic = report.traffic || {};
  const seconds = number(report.window && report.window.seconds);
  let text = number(traffic.rpcCalls) + ' RPC calls in ' + seconds.toFixed(0) + ' s (' + number(traffic.rpcCallsPerSecond).toFixed(1)
    + '/s)';
  if (report.workers) {
    text += ' · ' + number(report.workers.answered) + ' of ' + number(report.workers.asked) + ' workers answered';
  }
  $('traffic').textContent = text;
  renderAdvice(report.advice || {});
  renderTable(procedures);
  $('graph').replaceChildren(graph(procedures, edges, (report.layout && report.layout.segments) || []));
  const status = $('insights-status');
  status.textContent = 'Updated ' + new Date().toLocaleTimeString() + ' · every 5 s';
  status.dataset.state = 'ok';
  status.dataset.updated = String(Date.now());
}

function renderAdvice(advice) {
  const words = Array.isArray(advice.words) ? advice.words : [];
  $('advice').replaceChildren(...words.map((line) => el('li', null, String(line))));
  $('advice').dataset.enough = String(Boolean(advice.enoughTraffic));
  const proposals = Array.isArray(advice.proposals) ? advice.proposals : [];
  $('proposals').replaceChildren(...proposals.map(proposal));
}

function proposal(p) {
  const card = el('div', 'proposal');
  card.dataset.segment = String(p.segment);
  card.append(el('h3', null, 'Segment ' + p.segment + ': ' + (p.procedures || []).join(', ')));
  const facts = el('p', 'small');
  facts.textContent = (number(p.shareOfTime) * 100).toFixed(0) + '% of the time · ' + number(p.crossCallsPerSecond).toFixed(1)
    + ' cross-segment calls/s (' + number(p.crossCallsPerEntryCall).toFixed(2) + ' per entry call) · +'
    + number(p.addedMsPerEntryCall).toFixed(2) + ' ms per entry call at ' + number(p.remoteCallMs).toFixed(2)
    + ' ms per remote call (' + p.costBasis + ')';
  card.append(facts);
  const files = el('p', 'files');
  for (const [name, content] of Object.entries(p.files || {})) {
    const link = el('a', 'file', 'Download ' + name);
    link.download = name;
    link.href = URL.createObjectURL(new Blob([JSON.stringify(content, null, 4) + '\n'], { type: 'application/json' }));
    files.append(link);
  }
  card.append(files);
  return card;
}

function renderTable(procedures) {
  $('procedures-body').replaceChildren(...procedures.map((p) => {
    const tr = el('tr');
    tr.dataset.procedure = String(p.procedure);
    const name = el('td');
    name.append(el('code', null, String(p.procedure)));
    if (p.runsHere === false) {
      name.append(el('div', 'muted small', 'in another process: seen by its callers'));
    }
    const share = el('td', 'load');
    const bar = el('div', 'bar');
    const fill = el('span', 'fill');
    fill.style.width = Math.min(100, number(p.shareOfTime) * 100).toFixed(0) + '%';
    bar.append(fill);
    share.append(bar, el('span', 'rps', (number(p.shareOfTime) * 100).toFixed(1) + '%'));
    const callees = el('td', 'procedures');
    for (const c of p.callees || []) {
      callees.append(el('code', 'procedure', c.procedure + (c.remote ? ' (remote)' : '') + ' ×' + c.calls));
    }
    tr.append(name, share, el('td', 'num', number(p.callsPerSecond).toFixed(1)), el('td', 'num', number(p.meanMs).toFixed(2)),
      el('td', 'num', String(number(p.clientErrors) + number(p.serverErrors))), callees);
    return tr;
  }));
}

/** Segments as columns of boxes, procedures as circles (area by share of time), calls as curves (width by calls). */
function graph(procedures, edges, segments) {
  const seen = new Map(procedures.map((p) => [p.procedure, p]));
  const columns = [];
  const placed = new Set();
  for (const segment of segments) {
    const names = (segment.procedures || []).map((m) => m.procedure).filter((n) => seen.has(n) && !placed.has(n));
    names.forEach((n) => placed.add(n));
    if (names.length) {
      columns.push({ name: segment.name, names: [...new Set(names)] });
    }
  }
  const rest = procedures.map((p) => p.procedure).filter((n) => !placed.has(n));
  if (rest.length) {
    columns.push({ name: '(other)', names: rest });
  }
  const width = 230;
  const rowHeight = 78;
  const height = 60 + rowHeight * Math.max(1, ...columns.map((c) => c.names.length));
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('viewBox', '0 0 ' + Math.max(1, columns.length) * width + ' ' + height);
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', 'Call graph of ' + procedures.length + ' procedures');
  svg.innerHTML = '<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="10" markerHeight="10" '
    + 'markerUnits="userSpaceOnUse" orient="auto"><path d="M0,0 L10,5 L0,10 z" fill="#475569"/></marker></defs>';
  const radius = (name) => 5 + 22 * Math.sqrt(number(seen.get(name).shareOfTime));
  const at = new Map();
  columns.forEach((column, i) => {
    const box = svgEl('rect', { x: i * width + 10, y: 10, width: width - 20, height: height - 20, rx: 10, class: 'segment' });
    box.dataset.segment = column.name;
    svg.append(box, svgEl('text', { x: i * width + width / 2, y: 32, class: 'segment-name' }, column.name));
    column.names.forEach((name, j) => at.set(name, { x: i * width + width / 2, y: 75 + j * rowHeight }));
  });
  const lines = new Map();
  for (const e of edges) {
    if (pseudo(e.caller) || !at.has(e.caller) || !at.has(e.callee)) {
      continue;
    }
    const key = e.caller + '->' + e.callee;
    lines.set(key, Math.max(lines.get(key) || 0, number(e.calls)));
  }
  const most = Math.max(1, ...lines.values());
  for (const [key, calls] of lines) {
    const [source, target] = key.split('->');
    const path = svgEl('path', {
      d: curve(at.get(source), at.get(target), radius(source), radius(target)),
      class: 'edge', 'stroke-width': (1 + 4 * Math.sqrt(calls / most)).toFixed(1), 'marker-end': 'url(#arrow)',
    });
    path.dataset.edge = key;
    path.append(svgEl('title', {}, key + ': ' + calls + ' calls'));
    svg.append(path);
  }
  for (const [name, point] of at) {
    const p = seen.get(name);
    const g = svgEl('g', { class: 'node' + (p.runsHere === false ? ' remote' : '') });
    g.dataset.procedure = name;
    g.append(svgEl('circle', { cx: point.x, cy: point.y, r: (5 + 22 * Math.sqrt(number(p.shareOfTime))).toFixed(1) }),
      svgEl('text', { x: point.x, y: point.y + 36 }, name),
      svgEl('title', {}, name + ': ' + (number(p.shareOfTime) * 100).toFixed(1) + '% of time, ' + number(p.calls) + ' calls'));
    svg.append(g);
  }
  return svg;
}

/** A curve from circle to circle, bent to one side so that it passes beside the nodes in between. */
function curve(from, to, fromRadius, toRadius) {
  const dx = to.x - from.x;
  const dy = to.y - from.y;
  const length = Math.max(1, Math.hypot(dx, dy));
  const bend = Math.max(40, 0.2 * length);
  const cx = (from.x + to.x) / 2 - (dy / length) * bend;
  const cy = (from.y + to.y) / 2 + (dx / length) * bend;
  const start = towards(from, { x: cx, y: cy }, fromRadius + 2);
  const end = towards(to, { x: cx, y: cy }, toRadius + 3);
  return 'M' + start.x.toFixed(1) + ',' + start.y.toFixed(1) + ' Q' + cx.toFixed(1) + ',' + cy.toFixed(1) + ' '
    + end.x.toFixed(1) + ',' + end.y.toFixed(1);
}

/** The point at {@code distance} from {@code point} in the direction of {@code other}. */
function towards(point, other, distance) {
  const length = Math.max(1, Math.hypot(other.x - point.x, other.y - point.y));
  return { x: point.x + ((other.x - point.x) / length) * distance, y: point.y + ((other.y - point.y) / length) * distance };
}

function svgEl(tag, attributes, text) {
  const node = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) {
    node.setAttribute(name, String(value));
  }
  if (text !== undefined) {
    node.textContent = text;
  }
  return node;
}

$('window-select').addEventListener('change', refresh);
refresh();
setInterval(refresh, REFRESH_MILLIS);

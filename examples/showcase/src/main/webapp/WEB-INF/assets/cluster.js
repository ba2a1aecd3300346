// The cluster page: GET jitar/cluster every 2 s and show every worker, its segments, state and load.
// Defensive: a field the gateway does not send is shown as "–", and a failing request shows a
// message (the table keeps its last content, marked as stale).
import { badge, clearError, el, getJson, showError } from './common.js';

const $ = (id) => document.getElementById(id);
const REFRESH_MILLIS = 2000;
const DASH = '–';
const errorArea = $('error');

async function refresh() {
  const { value, error } = await getJson('jitar/cluster', 'cluster view');
  if (error) {
    if (error.status === 404) {
      error.message = 'There is no cluster view here (' + error.message + '). A standalone worker has no gateway: '
        + 'start the cluster with ./run cluster showcase and open this page through the proxy.';
    }
    failed(error);
    return;
  }
  clearError(errorArea);
  render(value);
}

function failed(error) {
  showError(errorArea, error, 'cluster view');
  $('workers').classList.add('stale');
  const status = $('cluster-status');
  status.textContent = 'Not updated: ' + (error.status || 'network error') + ' at ' + new Date().toLocaleTimeString();
  status.dataset.state = 'failed';
}

function render(view) {
  const workers = (Array.isArray(view.workers) ? view.workers : [])
    .filter((w) => w && typeof w === 'object')
    .sort((a, b) => String(a.name ?? '~' + (a.id ?? '')).localeCompare(String(b.name ?? '~' + (b.id ?? ''))));
  const maxLoad = Math.max(1, ...workers.map((w) => (typeof w.requestsPerSecond === 'number' ? w.requestsPerSecond : 0)));
  const body = $('workers-body');
  body.replaceChildren(...workers.map((w) => row(w, maxLoad)));
  $('workers').classList.remove('stale');
  $('cluster-empty').hidden = workers.length > 0;

  const available = workers.filter((w) => String(w.state ?? '').toLowerCase() === 'available').length;
  const load = workers.reduce((sum, w) => sum + (typeof w.requestsPerSecond === 'number' ? w.requestsPerSecond : 0), 0);
  const summary = $('cluster-summary');
  summary.textContent = workers.length + (workers.length === 1 ? ' worker' : ' workers') + ' · ' + available
    + ' available · ' + load.toFixed(1) + ' requests/s in all';
  summary.dataset.workers = String(workers.length);
  summary.dataset.available = String(available);

  renderMeta(view);
  const status = $('cluster-status');
  status.textContent = 'Updated ' + new Date().toLocaleTimeString() + ' · every 2 s';
  status.dataset.state = 'ok';
  status.dataset.updated = String(Date.now());
}

function row(worker, maxLoad) {
  const tr = el('tr', 'worker-row');
  const name = typeof worker.name === 'string' && worker.name ? worker.name : null;
  tr.dataset.worker = name || '';
  const state = typeof worker.state === 'string' && worker.state ? worker.state : null;
  tr.dataset.state = state || '';

  const nameCell = el('td', 'worker-name');
  nameCell.append(badge(name));
  if (!name && (typeof worker.id === 'string' || typeof worker.id === 'number')) {
    nameCell.append(el('div', 'muted small', 'id ' + worker.id)); // a worker started without a name
  }

  const segments = Array.isArray(worker.segments) ? worker.segments : typeof worker.segments === 'string' ? [worker.segments] : [];
  const segmentCell = el('td', 'segments');
  if (segments.length === 0) {
    segmentCell.textContent = DASH;
  }
  for (const segment of segments) {
    segmentCell.append(el('span', 'tag', String(segment)));
  }

  const stateCell = el('td');
  const stateClass = state ? state.toLowerCase().replace(/[^a-z]/g, '') : 'unknown';
  stateCell.append(el('span', 'state state-' + stateClass, state || DASH));

  const requests = el('td', 'num requests', typeof worker.requests === 'number' ? worker.requests : DASH);

  const loadCell = el('td', 'load');
  const rps = typeof worker.requestsPerSecond === 'number' ? worker.requestsPerSecond : null;
  const bar = el('div', 'bar');
  const fill = el('span', 'fill');
  fill.style.width = rps === null ? '0' : Math.min(100, (rps / maxLoad) * 100).toFixed(0) + '%';
  bar.append(fill);
  loadCell.append(bar, el('span', 'rps', rps === null ? DASH : rps.toFixed(1) + '/s'));
  if (typeof worker.recentRequests === 'number') {
    loadCell.title = worker.recentRequests + ' requests in the last seconds';
  }

  const procedures = Array.isArray(worker.procedures) ? worker.procedures : [];
  const procedureCell = el('td', 'procedures');
  if (procedures.length === 0) {
    procedureCell.textContent = DASH;
  }
  for (const procedure of procedures) {
    const label = typeof procedure === 'string' ? procedure
      : procedure && typeof procedure === 'object' ? (procedure.fqn || procedure.name || JSON.stringify(procedure)) : String(procedure);
    procedureCell.append(el('code', 'procedure', label));
  }

  tr.append(nameCell, segmentCell, stateCell, requests, loadCell, procedureCell);
  return tr;
}

const META_LABELS = { procedures: 'Distinct procedures in the cluster' };

/** Any other plain field of the answer (such as the number of procedures), as "label: value". */
function renderMeta(view) {
  const meta = $('cluster-meta');
  meta.replaceChildren();
  for (const [key, value] of Object.entries(view)) {
    if (key === 'workers' || value === null || typeof value === 'object') {
      continue;
    }
    meta.append(el('dt', null, META_LABELS[key] || key), el('dd', null, String(value)));
  }
}

async function loop() {
  await refresh();
  // No cluster view at all (a standalone worker): ask less often.
  setTimeout(loop, errorArea.dataset.status === '404' ? 5 * REFRESH_MILLIS : REFRESH_MILLIS);
}

loop();

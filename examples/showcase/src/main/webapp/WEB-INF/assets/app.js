// The showcase page: buttons call procedures through the RPC API and every answer shows the
// worker that served it (header X-Jitar-Worker), with one colour per worker.
import { badge, clearError, el, reason, rpc, showError, workerColour } from './common.js';

const $ = (id) => document.getElementById(id);
const errorArea = $('error');
const served = new Map(); // worker name -> calls served
const BURST_SIZE = 20;
const LOG_SIZE = 40;
const STRIP_SIZE = 60;

/** Records one finished call everywhere: tally, log, last answer, and the error area on failure. */
function record(call, { quiet = false } = {}) {
  if (call.ok || call.worker) {
    const name = call.worker || '–';
    served.set(name, (served.get(name) || 0) + 1);
    renderTally();
  }
  addToLog(call);
  if (!quiet) {
    showResult(call);
  }
  if (!call.ok) {
    showError(errorArea, call.error, call.fqn);
  }
  return call;
}

function renderTally() {
  const tally = $('tally');
  tally.replaceChildren();
  for (const name of [...served.keys()].sort()) {
    const b = badge(name === '–' ? null : name, '· ' + served.get(name));
    b.dataset.count = String(served.get(name));
    tally.append(b);
  }
}

function addToLog(call) {
  const item = el('li', 'call ' + (call.ok ? 'ok' : 'failed'));
  item.dataset.fqn = call.fqn;
  item.dataset.status = String(call.status);
  item.dataset.worker = call.worker || '';
  item.append(badge(call.worker), el('code', 'fqn', call.fqn), el('span', 'status', call.status || 'network'),
    el('span', 'muted', call.millis + ' ms'));
  const log = $('log');
  log.prepend(item);
  while (log.children.length > LOG_SIZE) {
    log.lastElementChild.remove();
  }
}

function showResult(call) {
  const result = $('result');
  result.dataset.fqn = call.fqn;
  result.dataset.status = String(call.status);
  result.dataset.worker = call.worker || '';
  $('result-badge').replaceChildren(badge(call.worker));
  $('result-fqn').textContent = call.fqn;
  const status = $('result-status');
  status.textContent = call.status ? call.status + ' ' + (call.ok ? 'OK' : reason(call.status)) : 'network error';
  status.className = 'status ' + (call.ok ? 'ok' : 'failed');
  $('result-millis').textContent = call.millis + ' ms';
  const body = call.ok ? call.value : call.error;
  $('result-body').textContent = typeof body === 'string' ? body : JSON.stringify(body, null, 2);
}

/** Runs a button's call: disables it meanwhile, clears an earlier error on success. */
async function press(button, fqn, args) {
  button.disabled = true;
  try {
    const call = record(await rpc(fqn, args));
    if (call.ok) {
      clearError(errorArea);
    }
    return call;
  } finally {
    button.disabled = false;
  }
}

function numberOf(id) {
  const value = $(id).value.trim();
  return value === '' ? null : Number(value);
}

// ---- light ----
$('greet-button').addEventListener('click', (e) => press(e.currentTarget, 'lobby/greet', { name: $('name-input').value }));
$('time-button').addEventListener('click', (e) => press(e.currentTarget, 'lobby/time', { zone: $('zone-input').value }));
$('light-burst-button').addEventListener('click', (e) =>
  burst(e.currentTarget, (i) => ['lobby/greet', { name: $('name-input').value + ' #' + (i + 1) }]));

// ---- heavy ----
$('heavy-button').addEventListener('click', (e) => press(e.currentTarget, 'crunch/primes', { limit: numberOf('limit-input') }));
$('hash-button').addEventListener('click', (e) =>
  press(e.currentTarget, 'crunch/hashChain', { text: $('chain-text').value, rounds: numberOf('rounds-input') }));
$('burst-button').addEventListener('click', (e) =>
  burst(e.currentTarget, () => ['crunch/primes', { limit: numberOf('limit-input') }]));

/** Sends BURST_SIZE calls at once; each cell shows the worker that answered it. */
async function burst(button, callFor) {
  button.disabled = true;
  const cells = $('burst');
  const summary = $('burst-summary');
  cells.replaceChildren();
  summary.dataset.done = '0';
  summary.dataset.errors = '0';
  summary.dataset.size = String(BURST_SIZE);
  const counts = new Map();
  let done = 0;
  let errors = 0;
  const update = () => {
    const parts = [...counts.keys()].sort().map((name) => name + ': ' + counts.get(name));
    summary.textContent = done + '/' + BURST_SIZE + ' done · ' + (parts.join(' · ') || 'waiting')
      + ' · ' + errors + (errors === 1 ? ' error' : ' errors');
    summary.dataset.done = String(done);
    summary.dataset.errors = String(errors);
    summary.classList.toggle('failed', errors > 0);
  };
  update();
  const started = performance.now();
  const calls = [];
  for (let i = 0; i < BURST_SIZE; i++) {
    const cell = el('div', 'burst-cell pending', String(i + 1));
    cell.dataset.state = 'pending';
    cells.append(cell);
    const [fqn, args] = callFor(i);
    calls.push(rpc(fqn, args).then((call) => {
      record(call, { quiet: true });
      cell.replaceChildren(el('span', 'cell-number', i + 1), badge(call.worker));
      cell.className = 'burst-cell ' + (call.ok ? 'ok' : 'failed');
      cell.dataset.state = call.ok ? 'ok' : 'failed';
      cell.dataset.worker = call.worker || '';
      cell.title = call.fqn + ' → ' + (call.ok ? call.status : call.status + ' ' + call.error.message) + ' in ' + call.millis + ' ms';
      done++;
      if (call.ok) {
        counts.set(call.worker, (counts.get(call.worker) || 0) + 1);
      } else {
        errors++;
      }
      update();
      return call;
    }));
  }
  const results = await Promise.all(calls);
  summary.textContent += ' · ' + Math.round(performance.now() - started) + ' ms in all';
  const last = results[results.length - 1];
  if (errors === 0) {
    clearError(errorArea);
  }
  showResult(errors === 0 ? last : results.find((c) => !c.ok));
  button.disabled = false;
}

// "Keep calling": two heavy calls in flight at a time until pressed again. Kill a heavy worker
// meanwhile and watch the strip turn one colour, with the error count staying at 0.
let auto = null;
$('auto-button').addEventListener('click', (e) => {
  const button = e.currentTarget;
  if (auto) {
    auto.running = false;
    auto = null;
    button.textContent = 'Keep calling';
    button.setAttribute('aria-pressed', 'false');
    return;
  }
  auto = { running: true, calls: 0, errors: 0, counts: new Map() };
  button.textContent = 'Stop calling';
  button.setAttribute('aria-pressed', 'true');
  $('auto-strip').replaceChildren();
  const state = auto;
  const loop = async () => {
    while (state.running) {
      const call = await rpc('crunch/primes', { limit: numberOf('limit-input') });
      record(call, { quiet: true });
      state.calls++;
      if (call.ok) {
        state.counts.set(call.worker, (state.counts.get(call.worker) || 0) + 1);
      } else {
        state.errors++;
        if (call.status === 0) {
          await new Promise((resolve) => setTimeout(resolve, 1000)); // the service is gone: do not spin
        }
      }
      renderAuto(state, call);
    }
  };
  loop();
  loop();
});

function renderAuto(state, call) {
  const strip = $('auto-strip');
  const tick = el('span', 'tick' + (call.ok ? '' : ' failed'));
  if (call.ok) {
    tick.style.backgroundColor = workerColour(call.worker);
  }
  tick.title = (call.worker || 'no worker') + ' · ' + call.status + ' · ' + call.millis + ' ms';
  tick.dataset.worker = call.worker || '';
  strip.append(tick);
  while (strip.children.length > STRIP_SIZE) {
    strip.firstElementChild.remove();
  }
  const summary = $('auto-summary');
  const parts = [...state.counts.keys()].sort().map((name) => name + ': ' + state.counts.get(name));
  summary.textContent = (state.running ? 'calling' : 'stopped') + ' · ' + state.calls + ' calls · '
    + state.errors + (state.errors === 1 ? ' error' : ' errors') + (parts.length ? ' · ' + parts.join(' · ') : '');
  summary.dataset.calls = String(state.calls);
  summary.dataset.errors = String(state.errors);
  summary.classList.toggle('failed', state.errors > 0);
}

// ---- data ----
$('note-form').addEventListener('submit', async (e) => {
  e.preventDefault();
  const tags = $('tags-input').value.split(',').map((t) => t.trim()).filter((t) => t);
  const call = await press($('save-note-button'), 'notes/add',
    { note: { author: $('author-input').value, text: $('note-text').value, tags } });
  if (call.ok) {
    $('note-id-input').value = call.value.id;
    await refreshNotes(true);
  }
});
$('refresh-notes-button').addEventListener('click', () => refreshNotes(false));
$('get-note-button').addEventListener('click', (e) => press(e.currentTarget, 'notes/get', { id: numberOf('note-id-input') }));

async function refreshNotes(quiet) {
  const call = record(await rpc('notes/list', { limit: 20 }), { quiet });
  if (!call.ok) {
    return;
  }
  const list = $('notes');
  list.replaceChildren();
  for (const note of Array.isArray(call.value) ? call.value : []) {
    list.append(noteItem(note));
  }
  $('notes-empty').hidden = list.children.length > 0;
}

function noteItem(note) {
  const item = el('li', 'note');
  item.dataset.id = String(note.id);
  const head = el('div', 'note-head');
  head.append(el('strong', null, '#' + note.id + ' ' + note.author), el('span', 'muted', formatTime(note.created)));
  const tags = el('span', 'tags');
  for (const tag of note.tags || []) {
    tags.append(el('span', 'tag', tag));
  }
  head.append(tags);
  const signature = note.signature || {};
  const foot = el('div', 'note-foot');
  const fingerprint = el('button', 'fingerprint-button secondary', 'Fingerprint (heavy)');
  fingerprint.type = 'button';
  fingerprint.dataset.fqn = 'crunch/fingerprint';
  fingerprint.addEventListener('click', () =>
    press(fingerprint, 'crunch/fingerprint', { noteId: note.id, rounds: numberOf('rounds-input') || 1 }));
  foot.append(el('span', 'muted', 'signed by the vault with key ' + (signature.keyId || '–')), fingerprint);
  item.append(head, el('p', 'note-text', note.text), foot);
  return item;
}

function formatTime(iso) {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? String(iso ?? '') : date.toLocaleString();
}

// ---- protected ----
$('vault-button').addEventListener('click', (e) => press(e.currentTarget, 'vault/sign', { text: 'let me in' }));

// ---- misc ----
$('clear-log-button').addEventListener('click', () => $('log').replaceChildren());

refreshNotes(true);

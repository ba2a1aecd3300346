// Shared by index.html and cluster.html: calling the RPC API, worker badges, error messages.
// Plain JavaScript modules, no build step, nothing loaded from elsewhere.

/** The header every RPC answer carries when the worker has a name (jitar.worker.name). */
export const WORKER_HEADER = 'X-Jitar-Worker';

/** The name shown when a successful answer names no worker: a standalone worker. */
export const STANDALONE = 'standalone';

const PALETTE = ['#2563eb', '#d97706', '#059669', '#db2777', '#7c3aed', '#0891b2', '#4d7c0f', '#b91c1c'];

/** One colour per worker name, always the same: worker1, worker2, ... take distinct colours. */
export function workerColour(name) {
  if (!name) {
    return '#9ca3af';
  }
  if (name === STANDALONE) {
    return '#4b5563';
  }
  const numbered = /(\d+)$/.exec(name);
  if (numbered) {
    return PALETTE[(Number(numbered[1]) + PALETTE.length - 1) % PALETTE.length];
  }
  let hash = 0;
  for (const c of name) {
    hash = (hash * 31 + c.codePointAt(0)) >>> 0;
  }
  return PALETTE[hash % PALETTE.length];
}

/** A coloured badge naming a worker ("–" when no worker answered). */
export function badge(name, extraText) {
  const span = document.createElement('span');
  span.className = 'worker-badge';
  span.dataset.worker = name || '';
  span.style.backgroundColor = workerColour(name);
  span.textContent = (name || '–') + (extraText === undefined ? '' : ' ' + extraText);
  span.title = name ? 'served by ' + name : 'no worker answered';
  return span;
}

const REASONS = {
  0: 'Network error',
  400: 'Bad request',
  401: 'Unauthorized',
  402: 'Payment required',
  403: 'Forbidden',
  404: 'Not found',
  405: 'Method not allowed',
  413: 'Payload too large',
  415: 'Unsupported media type',
  418: "I'm a teapot",
  500: 'Server error',
  501: 'Not implemented',
  502: 'Bad gateway',
  503: 'Service unavailable',
  504: 'Gateway timeout',
};

const HINTS = {
  0: 'The service could not be reached. Is it still running?',
  401: 'This procedure is protected: only other segments of the cluster (which hold the trust key) may call it. '
      + 'The proxy removes any trust key sent from outside.',
  502: 'A service behind the proxy failed while answering (a worker or the gateway went away).',
  503: 'No worker is available for this procedure right now.',
  504: 'The call took too long and was given up.',
};

export function reason(status) {
  return REASONS[status] || (status >= 500 ? 'Server error' : 'Error');
}

/** Whether the last successful answer came without a worker name, i.e. from a standalone worker. */
let standalone = false;

/**
 * Calls a procedure: POST /rpc/FQN with the arguments as a JSON object. Never throws; answers
 * {fqn, ok, status, worker, value, error: {status, message, type}, millis}.
 */
export async function rpc(fqn, args = {}) {
  const started = performance.now();
  let response;
  try {
    response = await fetch('rpc/' + fqn, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json, text/plain' },
      body: JSON.stringify(args),
      cache: 'no-store',
    });
  } catch (e) {
    return {
      fqn, ok: false, status: 0, worker: null, value: undefined, millis: Math.round(performance.now() - started),
      error: { status: 0, message: 'The request failed: ' + (e && e.message ? e.message : e), type: null },
    };
  }
  const text = await response.text().catch(() => '');
  const millis = Math.round(performance.now() - started);
  const named = response.headers.get(WORKER_HEADER);
  if (response.ok) {
    standalone = !named;
    return { fqn, ok: true, status: response.status, worker: named || STANDALONE, value: decode(response, text), error: null, millis };
  }
  // An error without the header: a standalone worker's own answer, or in a cluster one from the
  // gateway or proxy (no worker served it: "–").
  const worker = named || (standalone ? STANDALONE : null);
  return { fqn, ok: false, status: response.status, worker, value: undefined, error: errorOf(response, text), millis };
}

function decode(response, text) {
  const type = response.headers.get('X-Jitar-Content-Type') || response.headers.get('Content-Type') || '';
  if (type.startsWith('application/null')) {
    return null;
  }
  if (type.startsWith('application/number')) {
    return Number(text);
  }
  if (type.startsWith('application/boolean')) {
    return text === 'true';
  }
  if (type.startsWith('application/json')) {
    try {
      return JSON.parse(text);
    } catch (e) {
      return text;
    }
  }
  return text;
}

/** The JSON error of a 4xx/5xx answer ({status, message, type}), or what can be made of another body. */
export function errorOf(response, text) {
  let parsed = null;
  try {
    parsed = JSON.parse(text);
  } catch (e) {
    parsed = null;
  }
  if (parsed && typeof parsed === 'object' && typeof parsed.message === 'string') {
    return { status: response.status, message: parsed.message, type: typeof parsed.type === 'string' ? parsed.type : null };
  }
  const plain = (text || '').replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 200);
  return { status: response.status, message: plain || response.statusText || reason(response.status), type: null };
}

/**
 * GETs a read-only JSON view (the cluster view, the insights): {value} on a 200 with a JSON body,
 * else {error} as errorOf gives it ({status: 0} when no answer came at all).
 */
export async function getJson(url, what) {
  let response;
  let text;
  try {
    response = await fetch(url, { headers: { Accept: 'application/json' }, cache: 'no-store' });
    text = await response.text().catch(() => '');
  } catch (e) {
    return { error: { status: 0, message: 'The request failed: ' + (e && e.message ? e.message : e), type: null } };
  }
  if (!response.ok) {
    return { error: errorOf(response, text) };
  }
  try {
    const value = JSON.parse(text);
    return { value: value && typeof value === 'object' ? value : {} };
  } catch (e) {
    return { error: { status: response.status, message: 'The ' + what + ' is not JSON', type: null } };
  }
}

/** Shows an error in the message area: status, reason, the JSON error's message and type, a hint. */
export function showError(area, error, what) {
  area.replaceChildren();
  area.hidden = false;
  area.dataset.status = String(error.status);
  const title = document.createElement('strong');
  title.className = 'error-title';
  title.textContent = (error.status ? error.status + ' ' : '') + reason(error.status) + (what ? ' — ' + what : '');
  const message = document.createElement('div');
  message.className = 'error-message';
  message.textContent = error.message;
  area.append(title, message);
  if (error.type) {
    const type = document.createElement('code');
    type.className = 'error-type';
    type.textContent = error.type;
    area.append(type);
  }
  if (HINTS[error.status]) {
    const hint = document.createElement('div');
    hint.className = 'error-hint';
    hint.textContent = HINTS[error.status];
    area.append(hint);
  }
  const close = document.createElement('button');
  close.type = 'button';
  close.className = 'error-close';
  close.setAttribute('aria-label', 'Dismiss');
  close.textContent = '×';
  close.addEventListener('click', () => clearError(area));
  area.append(close);
}

export function clearError(area) {
  area.hidden = true;
  area.replaceChildren();
  delete area.dataset.status;
}

/** A short element: document.createElement with a class and text. */
export function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) {
    node.className = className;
  }
  if (text !== undefined && text !== null) {
    node.textContent = String(text);
  }
  return node;
}

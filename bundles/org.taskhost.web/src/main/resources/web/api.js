// The REST API under /api/v1, with the bearer token kept in this tab's session storage (never in a URL or cookie).

const BASE = '/api/v1';
const KEY = 'taskhost.token';

export const token = {
  get: () => sessionStorage.getItem(KEY),
  set: t => sessionStorage.setItem(KEY, t),
  clear: () => sessionStorage.removeItem(KEY),
};

/** A refused request: the HTTP status and the server's own message. */
export class ApiError extends Error {
  constructor(status, message, body) {
    super(message);
    this.status = status;
    this.body = body;
  }
}

/** The validation report's problems of a refused request, each with file, line, column, field and message. */
export function problemsOf(err) {
  return err && err.body && err.body.validation && err.body.validation.problems || [];
}

/** One problem on one line: "config.yaml:2: parameters.interval: must be a number". */
export function describeProblem(p) {
  const where = [p.file, p.line || null, p.field || null].filter(Boolean).join(': ').replace(/: (\d+)(?=:|$)/, ':$1');
  return where ? where + ': ' + p.message : p.message;
}

const unauthorized = new Set();

/** Called with the ApiError of every 401, so the page can ask for a token again. */
export function onUnauthorized(fn) {
  unauthorized.add(fn);
}

function headers(extra = {}) {
  const h = { Accept: 'application/json', ...extra };
  const t = token.get();
  if (t) h.Authorization = 'Bearer ' + t;
  return h;
}

/**
 * @returns the answer's JSON body (null when there is none)
 * @throws ApiError with the status and the server's message for any answer but 2xx, and for a network failure (status 0)
 */
export async function request(method, path, body, { quiet401 = false } = {}) {
  let response;
  try {
    response = await fetch(BASE + path, {
      method,
      headers: headers(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      body: body === undefined ? undefined : JSON.stringify(body),
      cache: 'no-store',
    });
  } catch (e) {
    throw new ApiError(0, 'taskhost did not answer (' + e.message + ')', null);
  }
  let json = null;
  const type = response.headers.get('Content-Type') || '';
  if (type.includes('json')) {
    try { json = await response.json(); } catch { json = null; }
  }
  if (!response.ok) {
    const message = json && (json.message || json.error) || response.status + ' ' + response.statusText;
    const error = new ApiError(response.status, message, json);
    if (response.status === 401 && !quiet401) unauthorized.forEach(fn => fn(error));
    throw error;
  }
  return json;
}

export const get = (path, options) => request('GET', path, undefined, options);
export const post = (path, body) => request('POST', path, body === undefined ? {} : body);
export const put = (path, body) => request('PUT', path, body);
export const del = path => request('DELETE', path);

/**
 * /api/v1/events as Server-Sent Events read from a fetch() stream: EventSource cannot send an Authorization header,
 * and a token in the URL would end up in logs and history. Reconnects after a drop, waiting longer each time.
 *
 * @param onEvent called with (name, data) for each event
 * @param onState called with 'live', 'reconnecting' or 'off'
 * @returns a function that closes the stream
 */
export function events(onEvent, onState) {
  let controller = null;
  let closed = false;
  let delay = 500;

  async function connect() {
    controller = new AbortController();
    try {
      const response = await fetch(BASE + '/events', { headers: headers({ Accept: 'text/event-stream' }), signal: controller.signal, cache: 'no-store' });
      if (response.status === 401) {
        unauthorized.forEach(fn => fn(new ApiError(401, 'unknown token', null)));
        onState('off');
        return;
      }
      if (!response.ok || !response.body) throw new Error('HTTP ' + response.status);
      onState('live');
      delay = 500;
      await read(response.body.getReader(), onEvent);
    } catch (e) {
      if (closed) return;
    }
    if (closed) return;
    onState('reconnecting');
    setTimeout(() => { if (!closed) connect(); }, delay);
    delay = Math.min(delay * 2, 10000);
  }

  connect();
  return () => {
    closed = true;
    onState('off');
    if (controller) controller.abort();
  };
}

/** Splits the stream into events: lines "event: x" and "data: y", an empty line ends one (the SSE format). */
async function read(reader, onEvent) {
  const decoder = new TextDecoder();
  let buffer = '';
  let name = 'message';
  let data = [];
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffer += decoder.decode(value, { stream: true });
    let nl;
    while ((nl = buffer.search(/\r?\n/)) >= 0) {
      const line = buffer.slice(0, nl);
      buffer = buffer.slice(nl + (buffer[nl] === '\r' ? 2 : 1));
      if (line === '') {
        if (data.length) dispatch(onEvent, name, data.join('\n'));
        name = 'message';
        data = [];
      } else if (line.startsWith(':')) {
        continue;
      } else {
        const colon = line.indexOf(':');
        const field = colon < 0 ? line : line.slice(0, colon);
        const val = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
        if (field === 'event') name = val;
        else if (field === 'data') data.push(val);
      }
    }
  }
}

function dispatch(onEvent, name, raw) {
  let data;
  try { data = JSON.parse(raw); } catch { data = raw; }
  onEvent(name, data);
}

// The page: sign-in, the router between the views, the live event stream and the periodic refresh of counters.
import { token, get, events, onUnauthorized, ApiError } from './api.js';
import { state, setRole, loadPlugins, applyEvent } from './store.js';
import { h, clear } from './dom.js';
import { showError, hideBanner } from './banner.js';
import { pluginsView } from './plugins.js';
import { pluginView } from './plugin.js';
import { addView } from './add.js';

const main = document.getElementById('main');
let closeEvents = null;
let view = null;
let refresh = null;

/** Counters (cycles, errors) change without an event: the list is read again every few seconds while visible. */
const REFRESH_MS = 5000;

function signInView(message) {
  const input = h('input', { id: 'token', name: 'token', type: 'password', autocomplete: 'off', required: true, 'aria-describedby': 'token-help' });
  const error = h('p', { id: 'signin-error', class: 'field-error', role: 'alert' }, message || '');
  const form = h('form', { id: 'signin', class: 'card signin', onsubmit: async e => {
    e.preventDefault();
    error.textContent = '';
    const t = input.value.trim();
    if (!t) { error.textContent = 'Enter a token.'; return; }
    token.set(t);
    try {
      await start();
    } catch (err) {
      token.clear();
      error.textContent = err instanceof ApiError && err.status === 401 ? '401: this token is not known to taskhost' : (err.status ? err.status + ': ' : '') + err.message;
      input.focus();
    }
  } },
    h('h1', {}, 'Sign in'),
    h('label', { for: 'token' }, 'Access token'),
    input,
    h('p', { id: 'token-help', class: 'help' }, 'The admin token is in TASKHOST_DATA/admin.token; others come from TASKHOST_TOKENS. It is kept in this tab only, until you sign out or close it.'),
    error,
    h('button', { type: 'submit', class: 'primary' }, 'Sign in'));
  return { node: form, focus: input };
}

async function start() {
  const who = await get('/whoami', { quiet401: true });
  setRole(who);
  document.getElementById('who').textContent = 'role: ' + who.role;
  document.getElementById('signout').hidden = false;
  document.getElementById('nav').hidden = false;
  await loadPlugins();
  if (closeEvents) closeEvents();
  closeEvents = events(applyEvent, setLive);
  clearInterval(refresh);
  refresh = setInterval(() => {
    if (document.visibilityState === 'visible' && token.get()) loadPlugins().catch(() => {});
  }, REFRESH_MS);
  route();
}

function setLive(s) {
  const live = document.getElementById('live');
  live.textContent = s === 'live' ? 'live' : s === 'reconnecting' ? 'reconnecting…' : 'offline';
  live.className = 'live ' + (s === 'live' ? 'on' : 'off');
}

function signOut(message) {
  token.clear();
  setRole(null);
  state.plugins.clear();
  if (closeEvents) closeEvents();
  closeEvents = null;
  clearInterval(refresh);
  document.getElementById('who').textContent = '';
  document.getElementById('signout').hidden = true;
  document.getElementById('nav').hidden = true;
  show(signInView(message));
}

function show(v) {
  if (view && view.dispose) view.dispose();
  view = v;
  clear(main, v.node);
  (v.focus || main).focus();
}

function route() {
  if (!token.get() || !state.role) return;
  const hash = location.hash || '#/';
  const m = hash.match(/^#\/plugin\/(.+)$/);
  if (m) show(pluginView(decodeURIComponent(m[1])));
  else if (hash === '#/add') show(addView());
  else show(pluginsView());
}

window.addEventListener('hashchange', () => { hideBanner(); route(); });
document.getElementById('signout').addEventListener('click', () => signOut());
document.getElementById('banner-close').addEventListener('click', hideBanner);
onUnauthorized(e => signOut('401: ' + e.message + ' — sign in again'));

if (token.get()) {
  start().catch(e => e.status === 401 ? signOut('401: ' + e.message) : showError(e));
} else {
  signOut();
}

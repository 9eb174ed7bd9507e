// What the page knows: the token's role and the plugins, kept current from /api/v1/events and refreshed reads.
import { get, ApiError } from './api.js';

/** The role each action needs (docs/rest.md, "Authentication"). */
const NEEDS = {
  enable: 'operate', disable: 'operate', run: 'operate', trigger: 'operate', start: 'operate', stop: 'operate',
  clear: 'operate', reset: 'operate', put: 'operate',
  reload: 'deploy', remove: 'deploy', add: 'deploy', parameters: 'deploy',
};

export const state = {
  role: null,
  roles: [],
  plugins: new Map(),
  /** add/reload/remove progress by plugin name: [{step, detail, at}] */
  progress: new Map(),
};

const listeners = new Set();

/** fn(kind, name): kind is 'plugins' (the list changed), 'plugin' (one changed), 'progress' or 'event' */
export function subscribe(fn) {
  listeners.add(fn);
  return () => listeners.delete(fn);
}

function emit(kind, name, data) {
  listeners.forEach(fn => fn(kind, name, data));
}

export function can(action) {
  return state.roles.includes(NEEDS[action]);
}

export function needs(action) {
  return NEEDS[action];
}

export function setRole(whoami) {
  state.role = whoami ? whoami.role : null;
  state.roles = whoami ? whoami.roles : [];
}

export async function loadPlugins() {
  const body = await get('/plugins');
  const seen = new Set();
  for (const p of body.plugins) {
    state.plugins.set(p.name, p);
    seen.add(p.name);
  }
  for (const name of [...state.plugins.keys()]) if (!seen.has(name)) state.plugins.delete(name);
  emit('plugins');
}

export async function loadPlugin(name) {
  try {
    const p = await get('/plugins/' + encodeURIComponent(name));
    const isNew = !state.plugins.has(name);
    state.plugins.set(name, p);
    emit(isNew ? 'plugins' : 'plugin', name);
  } catch (e) {
    if (e instanceof ApiError && e.status === 404) {
      if (state.plugins.delete(name)) emit('plugins');
    } else {
      throw e;
    }
  }
}

/** The fields a plugin event shares with the plugin dict, with the same values (see docs/rest.md). */
const LIVE_FIELDS = ['status', 'phase', 'running', 'cycle_count', 'error_count', 'overrun_count', 'state', 'message', 'enabled'];

/** An event from /api/v1/events: the row changes at once, then the whole dict is read again for the rest. */
export function applyEvent(name, data) {
  if (name === 'plugin' && data && data.plugin) {
    const p = state.plugins.get(data.plugin);
    if (p) {
      for (const f of LIVE_FIELDS) if (f in data) p[f] = data[f];
      emit('plugin', data.plugin);
    }
    if (!p || data.type !== 'STATE_CHANGED') loadPlugin(data.plugin).catch(() => {});
  } else if (name === 'progress' && data && data.plugin) {
    const list = state.progress.get(data.plugin) || [];
    list.push({ step: data.step, detail: data.detail, at: new Date() });
    state.progress.set(data.plugin, list);
    emit('progress', data.plugin, data);
    if (['added', 'reloaded', 'removed'].includes(data.step)) loadPlugin(data.plugin).catch(() => {});
  }
  emit('event', name, data);
}

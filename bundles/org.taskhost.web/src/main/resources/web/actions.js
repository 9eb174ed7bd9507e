// Operations on a plugin, as buttons that are disabled when the token's role or the plugin's state does not allow them.
import { post, del, ApiError } from './api.js';
import { state, can, needs, loadPlugin } from './store.js';
import { h } from './dom.js';
import { showError, showInfo, hideBanner } from './banner.js';

const LABELS = { enable: 'Enable', disable: 'Disable', run: 'Run', trigger: 'Trigger', start: 'Start', stop: 'Stop', reload: 'Reload', remove: 'Remove' };

const isTask = p => p.plugin_type === 'task';
const ready = p => p.phase === 'ready';

/** Why the plugin's state does not allow an action now, or null if it does. */
function notNow(action, p) {
  switch (action) {
    case 'enable': return !isTask(p) ? 'only tasks are enabled' : !ready(p) ? 'the plugin is not running' : p.enabled ? 'already enabled' : null;
    case 'disable': return !isTask(p) ? 'only tasks are disabled' : !ready(p) ? 'the plugin is not running' : !p.enabled ? 'already disabled' : null;
    case 'trigger': return !isTask(p) ? 'a job is run, not triggered' : !ready(p) ? 'the plugin is not running' : null;
    case 'run': return isTask(p) ? 'a task is triggered, not run' : !ready(p) ? 'the job is not running' : null;
    case 'start': return ['stopped', 'failed'].includes(p.phase) ? null : 'the plugin is not stopped';
    case 'stop': return ['stopped', 'failed'].includes(p.phase) ? 'the plugin is stopped' : null;
    default: return null;
  }
}

async function perform(action, name) {
  const n = encodeURIComponent(name);
  switch (action) {
    case 'run': {
      const r = await post('/jobs/' + n + '/run?wait=false');
      showInfo(r.message);
      return;
    }
    case 'reload': {
      const r = await post('/plugins/' + n + '/restart');
      showInfo(r.message);
      break;
    }
    case 'remove': {
      const r = await del('/plugins/' + n);
      if (location.hash === '#/plugin/' + n) {
        // back to the table; the message is shown once the page has changed (a change of page clears the bar)
        window.addEventListener('hashchange', () => showInfo(r.message), { once: true });
        location.hash = '#/';
      } else {
        showInfo(r.message);
      }
      break;
    }
    default: {
      const dict = await post('/plugins/' + n + '/' + action);
      if (dict && dict.name) state.plugins.set(dict.name, dict);
    }
  }
  await loadPlugin(name).catch(() => {});
}

/** A button for an action on the named plugin; update(button, plugin) sets whether it may be pressed now. */
export function actionButton(action, name) {
  const b = h('button', { type: 'button', class: 'act act-' + action, dataset: { action } }, LABELS[action]);
  b.setAttribute('aria-label', LABELS[action] + ' ' + name);
  b.addEventListener('click', async () => {
    if (action === 'remove' && b.dataset.confirm !== 'yes') {
      b.dataset.confirm = 'yes';
      b.textContent = 'Confirm remove';
      setTimeout(() => { b.dataset.confirm = ''; b.textContent = LABELS.remove; }, 5000);
      return;
    }
    b.disabled = true;
    b.setAttribute('aria-busy', 'true');
    hideBanner();
    try {
      await perform(action, name);
    } catch (e) {
      if (!(e instanceof ApiError && e.status === 401)) showError(e, LABELS[action] + ' ' + name);
    } finally {
      b.removeAttribute('aria-busy');
      const p = state.plugins.get(name);
      if (p) updateButton(b, p);
    }
  });
  return b;
}

export function updateButton(b, p) {
  if (b.getAttribute('aria-busy')) return;
  const action = b.dataset.action;
  const role = can(action) ? null : 'needs the ' + needs(action) + ' role; this token has ' + state.role;
  const why = role || notNow(action, p);
  b.disabled = !!why;
  if (why) b.title = why; else b.removeAttribute('title');
}

// Adding a plugin from git: the form, the steps as /api/v1/events reports them, and the validation report on failure.
import { post, ApiError, problemsOf } from './api.js';
import { state, subscribe, can } from './store.js';
import { h, clear, text, showStatus } from './dom.js';

/** The loader's steps (progress events) as a user reads them. */
const STEPS = {
  fetching: 'Cloning',
  building: 'Compiling and validating',
  installing: 'Starting',
  added: 'Added',
  reloaded: 'Reloaded',
  removed: 'Removed',
  failed: 'Failed',
};


/** "key = value" lines (or a JSON object) into the parameters object; throws naming the line that is neither. */
function parseParameters(text) {
  const s = text.trim();
  if (!s) return undefined;
  if (s.startsWith('{')) {
    try { return JSON.parse(s); } catch (e) { throw new Error('parameters: not a JSON object (' + e.message + ')'); }
  }
  const out = {};
  s.split('\n').forEach((raw, i) => {
    const line = raw.trim();
    if (!line || line.startsWith('#')) return;
    const m = /^([A-Za-z0-9_.-]+)\s*[=:]\s*(.*)$/.exec(line);
    if (!m) throw new Error('parameters, line ' + (i + 1) + ': write name = value');
    const v = m[2].trim();
    out[m[1]] = v === 'true' ? true : v === 'false' ? false : v !== '' && !Number.isNaN(Number(v)) ? Number(v) : v.replace(/^"(.*)"$/, '$1');
  });
  return out;
}

function field(id, label, input, help) {
  input.id = id;
  input.name = id;
  return h('div', { class: 'field' }, h('label', { for: id }, label), input, help ? h('p', { class: 'help' }, help) : null);
}

export function addView() {
  const allowed = can('add');
  const name = h('input', { required: true, pattern: '[A-Za-z0-9_-]{1,128}', autocomplete: 'off' });
  const url = h('input', { required: true, type: 'text', autocomplete: 'off', placeholder: 'https://…, ssh://… or file:///…', inputmode: 'url' });
  const branch = h('input', { autocomplete: 'off', placeholder: 'default branch' });
  const path = h('input', { autocomplete: 'off', placeholder: 'repository root' });
  const params = h('textarea', { rows: '3', placeholder: 'interval = 0.5\nthreshold = 60' });
  const kind = h('select', {}, h('option', { value: 'plugins' }, 'task or job'), h('option', { value: 'tasks' }, 'task'), h('option', { value: 'jobs' }, 'job'));
  const pat = h('input', { type: 'password', autocomplete: 'off' });
  const autoStart = h('input', { type: 'checkbox', checked: true });
  const formError = h('p', { id: 'add-error', class: 'field-error', role: 'alert' });
  const progress = h('ol', { id: 'progress', class: 'progress', 'aria-live': 'polite' });
  const result = h('div', { id: 'add-result', 'aria-live': 'polite' });
  const submit = h('button', { type: 'submit', class: 'primary', disabled: !allowed, title: allowed ? null : 'needs the deploy role; this token has ' + state.role }, 'Add');
  // the repository's name is offered as the plugin's name, never typed into the field for the user
  url.addEventListener('input', () => {
    const m = /([A-Za-z0-9_-]+?)(\.git)?\/?$/.exec(url.value.trim());
    name.placeholder = m ? m[1] : '';
  });

  let watching = null;
  let added = null;
  const unsubscribe = subscribe((kind, n, data) => {
    if (kind === 'progress' && n === watching) {
      progress.append(h('li', { dataset: { step: data.step } }, h('strong', {}, STEPS[data.step] || data.step), data.detail ? ' — ' + data.detail : ''));
    }
    if ((kind === 'plugin' || kind === 'plugins') && added) showAdded();
  });

  function showAdded() {
    const p = state.plugins.get(added);
    if (!p) return;
    const badge = result.querySelector('.badge');
    if (badge) showStatus(badge, p);
  }

  function report(problems) {
    return h('table', { id: 'report', class: 'grid report' },
      h('caption', {}, 'Validation report'),
      h('thead', {}, h('tr', {}, ['File', 'Line', 'Column', 'Field', 'Message'].map(c => h('th', { scope: 'col' }, c)))),
      h('tbody', {}, problems.map(p => h('tr', {},
        h('td', { class: 'file' }, p.file), h('td', { class: 'line num' }, p.line || ''), h('td', { class: 'num' }, p.column || ''),
        h('td', { class: 'field-name' }, p.field ? h('code', {}, p.field) : ''), h('td', { class: 'problem' }, p.message)))));
  }

  const form = h('form', { id: 'add', class: 'card', novalidate: true, onsubmit: async e => {
    e.preventDefault();
    text(formError, '');
    clear(result);
    clear(progress);
    let body;
    try {
      if (!url.value.trim()) throw new Error('git URL: required');
      const chosen = name.value.trim() || name.placeholder;
      if (!chosen) throw new Error('name: required (letters, digits, _ and -)');
      body = { name: chosen, git_url: url.value.trim(), auto_start: autoStart.checked };
      if (branch.value.trim()) body.branch = branch.value.trim();
      if (path.value.trim()) body.path = path.value.trim();
      if (pat.value) body.pat = pat.value;
      const parameters = parseParameters(params.value);
      if (parameters) body.parameters = parameters;
    } catch (err) {
      text(formError, err.message);
      return;
    }
    watching = body.name;
    added = null;
    state.progress.delete(body.name);
    submit.disabled = true;
    submit.setAttribute('aria-busy', 'true');
    try {
      const r = await post('/' + kind.value, body);
      added = body.name;
      clear(result, h('p', { class: 'ok' }, r.message, ' '), h('p', {},
        h('a', { href: '#/plugin/' + encodeURIComponent(body.name) }, 'Open ' + body.name), ' ', h('span', { class: 'badge' })));
      showAdded();
    } catch (err) {
      if (err instanceof ApiError && err.status === 401) return;
      const problems = problemsOf(err);
      text(formError, err.status ? err.status + ': ' + err.message : err.message);
      if (problems.length) clear(result, report(problems));
    } finally {
      submit.disabled = !allowed;
      submit.removeAttribute('aria-busy');
    }
  } },
    h('h1', { tabindex: '-1' }, 'Add a plugin from git'),
    h('div', { class: 'grid-form' },
      field('add-url', 'Git URL', url),
      field('add-name', 'Name', name, 'Letters, digits, _ and -; the PVs are named after it. Empty: the repository\'s name.'),
      field('add-branch', 'Branch, tag or commit SHA', branch),
      field('add-path', 'Path in the repository', path),
      field('add-kind', 'Kind', kind),
      field('add-pat', 'Access token for https (not kept)', pat),
      field('add-params', 'Parameters (name = value per line)', params)),
    h('div', { class: 'field inline' }, autoStart, h('label', { for: 'add-autostart' }, 'Start it once added')),
    formError,
    h('div', { class: 'toolbar' }, submit, h('a', { href: '#/' }, 'Cancel')),
    h('h2', {}, 'Progress'), progress, result);
  autoStart.id = 'add-autostart';
  return { node: h('div', { class: 'view' }, form), focus: url, dispose: unsubscribe };
}

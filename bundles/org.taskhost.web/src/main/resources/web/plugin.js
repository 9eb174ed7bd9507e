// One plugin's page: state and operations, PVs with alarm colours and put fields, parameters, job runs, log tail.
import { get, post, put, ApiError, problemsOf, describeProblem } from './api.js';
import { state, subscribe, can, needs, loadPlugin } from './store.js';
import { h, clear, text, severityClass, showStatus, formatValue, shortCommit, time } from './dom.js';
import { actionButton, updateButton } from './actions.js';
import { showInfo } from './banner.js';

const PV_MS = 1000;
const LOG_MS = 2000;
const ACTIONS = ['enable', 'disable', 'run', 'trigger', 'start', 'stop', 'reload', 'remove'];

const refusal = e => (e.status ? e.status + ': ' : '') + e.message;

/** The value a put sends, from what was typed: numbers for numeric PVs, a label's index for labelled ones. */
function parseValue(pv, raw) {
  const s = raw.trim();
  if (pv.type === 'string') return raw;
  if (pv.labels && pv.labels.length) {
    const i = pv.labels.indexOf(s);
    if (i >= 0) return i;
  }
  if (pv.type && pv.type.endsWith('[]')) {
    return s.replace(/^\[|\]$/g, '').split(',').filter(x => x.trim()).map(Number);
  }
  if (s === '' || Number.isNaN(Number(s))) return s;
  return Number(s);
}

function pvRow(pv) {
  const value = h('td', { class: 'num value' });
  const alarm = h('td', { class: 'alarm' });
  const result = h('span', { class: 'put-result', role: 'status', 'aria-live': 'polite' });
  let putCell;
  if (pv.access === 'rw') {
    const id = 'put-' + pv.name;
    const input = h('input', { id, name: id, class: 'put-value', inputmode: pv.type === 'string' ? 'text' : 'decimal',
      placeholder: pv.labels && pv.labels.length ? pv.labels.join(' / ') : (pv.drvl != null && pv.drvh != null ? pv.drvl + ' … ' + pv.drvh : ''),
      autocomplete: 'off' });
    const button = h('button', { type: 'submit', class: 'put' }, 'Put');
    if (!can('put')) {
      input.disabled = true;
      button.disabled = true;
      button.title = 'needs the ' + needs('put') + ' role; this token has ' + state.role;
    }
    putCell = h('td', { class: 'put-cell' }, h('form', { class: 'put-form', onsubmit: async e => {
      e.preventDefault();
      result.className = 'put-result';
      result.textContent = 'putting…';
      try {
        await post('/pvs/put', { pv_name: pv.pv, value: parseValue(pv, input.value) });
        result.textContent = 'done';
        result.classList.add('ok');
      } catch (err) {
        result.textContent = refusal(err);
        result.classList.add('field-error');
      }
    } }, h('label', { for: id, class: 'visually-hidden' }, 'New value for ' + pv.name), input, button), result);
  } else {
    putCell = h('td', { class: 'muted' }, 'read only');
  }
  const tr = h('tr', { dataset: { pv: pv.name } },
    h('th', { scope: 'row' }, h('span', { class: 'pv-name' }, pv.name), h('br'), h('code', { class: 'muted' }, pv.pv)),
    value, h('td', { class: 'unit' }, pv.unit || ''), alarm, putCell);
  tr.update = p => {
    const shown = p.labels && p.labels.length && Number.isInteger(p.value) && p.labels[p.value] !== undefined ? p.labels[p.value] : formatValue(p.value, p.prec);
    text(value, shown);
    value.className = 'num value ' + severityClass(p.severity);
    value.title = time(p.timestamp);
    text(alarm, p.severity === 'NO_ALARM' ? '' : p.severity + (p.alarm_status && p.alarm_status !== p.severity ? ' ' + p.alarm_status : ''));
    alarm.className = 'alarm ' + severityClass(p.severity);
  };
  return tr;
}

function pvSection(name) {
  const tbody = h('tbody');
  const note = h('p', { class: 'muted' });
  const rows = new Map();
  const node = h('section', { class: 'card', id: 'pvs', 'aria-labelledby': 'pvs-title' }, h('h2', { id: 'pvs-title' }, 'PVs'), note,
    h('div', { class: 'scroll' }, h('table', { class: 'grid' },
      h('thead', {}, h('tr', {}, ['PV', 'Value', 'Units', 'Alarm', 'Put'].map(c => h('th', { scope: 'col' }, c)))), tbody)));
  async function refresh() {
    try {
      const r = await get('/plugins/' + encodeURIComponent(name) + '/pvs');
      text(note, '');
      const served = new Set(r.pvs.map(pv => pv.name));
      for (const [n, tr] of rows) if (!served.has(n)) { tr.remove(); rows.delete(n); }
      for (const pv of r.pvs) {
        let tr = rows.get(pv.name);
        if (!tr) { tr = pvRow(pv); rows.set(pv.name, tr); tbody.append(tr); }
        tr.update(pv);
      }
    } catch (e) {
      if (e instanceof ApiError && e.status === 401) return;
      text(note, refusal(e));
      rows.clear();
      clear(tbody);
    }
  }
  return { node, refresh };
}


function parseParam(raw) {
  const s = raw.trim();
  if (s === 'true' || s === 'false') return s === 'true';
  if (s !== '' && !Number.isNaN(Number(s))) return Number(s);
  return raw;
}

function parametersSection(name) {
  const form = h('form', { id: 'parameters', class: 'params', novalidate: true });
  const node = h('section', { class: 'card', 'aria-labelledby': 'params-title' }, h('h2', { id: 'params-title' }, 'Parameters'), form);
  let shownFor = null;
  function render(p) {
    const merged = p.start_parameters || {};
    const key = JSON.stringify(merged) + JSON.stringify(p.parameters || {});
    if (shownFor === key) return;
    shownFor = key;
    const allowed = can('parameters');
    const formError = h('p', { class: 'field-error', role: 'alert' });
    const fields = Object.entries(merged).map(([k, v]) => {
      const id = 'param-' + k;
      const overridden = p.parameters && k in p.parameters;
      return h('div', { class: 'field', dataset: { param: k } },
        h('label', { for: id }, k, overridden ? h('span', { class: 'muted' }, ' (set here)') : null),
        h('input', { id, name: k, value: typeof v === 'object' ? JSON.stringify(v) : String(v), disabled: !allowed, 'aria-describedby': id + '-error', autocomplete: 'off' }),
        h('span', { id: id + '-error', class: 'field-error', role: 'alert' }));
    });
    const save = h('button', { type: 'submit', class: 'primary', disabled: !allowed, title: allowed ? null : 'needs the deploy role; this token has ' + state.role }, 'Save parameters');
    clear(form, fields.length ? fields : h('p', { class: 'muted' }, 'No parameters.'), formError, fields.length ? save : null);
    form.onsubmit = async e => {
      e.preventDefault();
      form.querySelectorAll('.field-error').forEach(el => { el.textContent = ''; });
      const overrides = { ...(p.parameters || {}) };
      for (const input of form.querySelectorAll('input')) {
        const before = merged[input.name];
        const shown = typeof before === 'object' ? JSON.stringify(before) : String(before);
        if (input.value !== shown) overrides[input.name] = parseParam(input.value);
      }
      try {
        const r = await put('/plugins/' + encodeURIComponent(name) + '/parameters', overrides);
        showInfo(r.message);
        shownFor = null;
        await loadPlugin(name);
      } catch (err) {
        const problems = problemsOf(err);
        const unplaced = [];
        for (const p of problems) {
          const field = (p.field || '').startsWith('parameters.') ? p.field.slice('parameters.'.length) : null;
          const slot = field && document.getElementById('param-' + field + '-error');
          if (slot) slot.textContent = p.message; else unplaced.push(describeProblem(p));
        }
        formError.textContent = !problems.length ? refusal(err) : unplaced.length ? unplaced.join('\n') : err.status + ': the parameters were refused; see the fields above';
      }
    };
  }
  return { node, render };
}

function runsSection(name) {
  const tbody = h('tbody');
  const note = h('p', { class: 'muted' });
  const node = h('section', { class: 'card', id: 'runs', 'aria-labelledby': 'runs-title' }, h('h2', { id: 'runs-title' }, 'Last runs'), note,
    h('div', { class: 'scroll' }, h('table', { class: 'grid' },
      h('thead', {}, h('tr', {}, ['When', 'Result', 'Message', 'Data'].map(c => h('th', { scope: 'col' }, c)))), tbody)));
  async function refresh() {
    try {
      const r = await get('/jobs/' + encodeURIComponent(name) + '/runs');
      text(note, r.runs.length ? '' : 'No runs yet.');
      clear(tbody, r.runs.slice().reverse().map(run => h('tr', {},
        h('td', {}, time(run.timestamp)),
        h('td', {}, h('span', { class: 'badge ' + (run.success ? 'st-run' : 'st-error') }, run.success ? 'success' : 'failed')),
        h('td', {}, run.message || ''),
        h('td', {}, h('code', {}, JSON.stringify(run.data || {}))))));
    } catch (e) {
      if (!(e instanceof ApiError && e.status === 401)) text(note, refusal(e));
    }
  }
  return { node, refresh };
}

function logSection(name) {
  const pre = h('pre', { class: 'log', tabindex: '0', 'aria-label': 'log of ' + name });
  const node = h('section', { class: 'card', id: 'log', 'aria-labelledby': 'log-title' }, h('h2', { id: 'log-title' }, 'Log'), pre);
  async function refresh() {
    try {
      const r = await get('/plugins/' + encodeURIComponent(name) + '/logs');
      const atEnd = pre.scrollTop + pre.clientHeight >= pre.scrollHeight - 4;
      text(pre, r.lines.join('\n'));
      if (atEnd) pre.scrollTop = pre.scrollHeight;
    } catch (e) {
      if (!(e instanceof ApiError && e.status === 401)) text(pre, refusal(e));
    }
  }
  return { node, refresh };
}

export function pluginView(name) {
  const title = h('h1', { tabindex: '-1' }, name);
  const badge = h('span', { class: 'badge' });
  const message = h('p', { class: 'message' });
  const facts = h('dl', { class: 'facts' });
  const buttons = ACTIONS.map(a => actionButton(a, name));
  const pvs = pvSection(name);
  const params = parametersSection(name);
  const runs = runsSection(name);
  const log = logSection(name);
  const missing = h('p', { class: 'field-error', hidden: true }, 'No plugin ' + name + ' (it was removed, or never added).');
  const node = h('div', { class: 'view plugin-page', dataset: { plugin: name } },
    h('p', {}, h('a', { href: '#/' }, '← Plugins')),
    h('div', { class: 'heading' }, title, badge),
    missing, message, h('div', { class: 'toolbar', role: 'group', 'aria-label': 'Operations' }, buttons),
    h('section', { class: 'card' }, facts),
    pvs.node, params.node, runs.node, log.node);

  function render() {
    const p = state.plugins.get(name);
    missing.hidden = !!p;
    if (!p) return;
    showStatus(badge, p);
    text(message, p.message);
    buttons.forEach(b => updateButton(b, p));
    runs.node.hidden = p.plugin_type !== 'job';
    const source = p.git_url ? p.git_url + (p.branch ? ' @ ' + p.branch : '') + (p.path ? ' : ' + p.path : '') : p.local_path;
    clear(facts,
      h('dt', {}, 'Kind'), h('dd', {}, p.plugin_type + (p.mode ? ' (' + p.mode + ')' : '')),
      h('dt', {}, 'Class'), h('dd', {}, p.class_name || ''),
      h('dt', {}, 'Phase'), h('dd', {}, p.phase),
      h('dt', {}, 'Cycles / errors'), h('dd', {}, p.cycle_count + ' / ' + (p.error_count ?? 0)),
      h('dt', {}, 'Source'), h('dd', {}, source || ''),
      h('dt', {}, 'Commit'), h('dd', { title: p.commit || '' }, shortCommit(p.commit) + (p.version ? ' (VERSION ' + p.version + ')' : '')),
      h('dt', {}, 'PV prefix'), h('dd', {}, h('code', {}, p.pv_prefix || '')));
    params.render(p);
  }

  render();
  loadPlugin(name).catch(() => {});
  const unsubscribe = subscribe((kind, n) => { if (kind === 'plugins' || n === name) render(); });
  pvs.refresh();
  log.refresh();
  const slow = () => { log.refresh(); const p = state.plugins.get(name); if (p && p.plugin_type === 'job') runs.refresh(); };
  slow();
  const t1 = setInterval(pvs.refresh, PV_MS);
  const t2 = setInterval(slow, LOG_MS);
  return { node, focus: title, dispose: () => { unsubscribe(); clearInterval(t1); clearInterval(t2); } };
}

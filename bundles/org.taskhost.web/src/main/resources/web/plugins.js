// The plugin table, live from /api/v1/events, with the MQTT and devices sections when their endpoints answer.
import { state, subscribe, can } from './store.js';
import { h, text, showStatus, shortCommit } from './dom.js';
import { actionButton, updateButton } from './actions.js';
import { mqttSection, devicesSection } from './sections.js';

const ACTIONS = ['enable', 'disable', 'run', 'trigger', 'reload', 'remove'];

/** The commit, and the VERSION PV when it says something the commit does not. */
export function versionOf(p) {
  const commit = shortCommit(p.commit);
  if (!p.version || (p.commit && p.commit.startsWith(p.version)) || commit.startsWith(p.version)) return commit || p.version || '';
  return commit ? p.version + ' · ' + commit : p.version;
}

function row(name) {
  const link = h('a', { href: '#/plugin/' + encodeURIComponent(name) }, name);
  const cells = {
    kind: h('td', { class: 'kind', 'data-label': 'Kind' }),
    mode: h('td', { class: 'mode', 'data-label': 'Mode' }),
    status: h('td', { class: 'status', 'data-label': 'STATUS' }, h('span', { class: 'badge' })),
    message: h('td', { class: 'message', 'data-label': 'MESSAGE' }),
    cycles: h('td', { class: 'num cycles', 'data-label': 'Cycles' }),
    errors: h('td', { class: 'num errors', 'data-label': 'Errors' }),
    version: h('td', { class: 'version', 'data-label': 'Version' }),
  };
  const buttons = ACTIONS.map(a => actionButton(a, name));
  const tr = h('tr', { dataset: { plugin: name } },
    h('th', { scope: 'row', class: 'name' }, link),
    cells.kind, cells.mode, cells.status, cells.message, cells.cycles, cells.errors, cells.version,
    h('td', { class: 'actions', 'data-label': 'Actions' }, buttons));
  tr.update = p => {
    text(cells.kind, p.plugin_type);
    text(cells.mode, p.mode || (p.plugin_type === 'job' ? 'job' : ''));
    const badge = cells.status.firstChild;
    showStatus(badge, p);
    text(cells.message, p.message);
    text(cells.cycles, p.cycle_count);
    text(cells.errors, p.error_count ?? '');
    text(cells.version, versionOf(p));
    cells.version.title = p.commit || '';
    buttons.forEach(b => updateButton(b, p));
  };
  return tr;
}

export function pluginsView() {
  const tbody = h('tbody');
  const rows = new Map();
  const empty = h('p', { class: 'empty', hidden: true }, 'No plugins yet.');
  const addLink = can('add') ? h('a', { class: 'button primary', href: '#/add' }, 'Add from git')
    : h('button', { type: 'button', class: 'primary', disabled: true, title: 'needs the deploy role; this token has ' + state.role }, 'Add from git');

  function sync() {
    const names = [...state.plugins.keys()].sort();
    for (const [name, tr] of rows) if (!state.plugins.has(name)) { tr.remove(); rows.delete(name); }
    names.forEach((name, i) => {
      let tr = rows.get(name);
      if (!tr) { tr = row(name); rows.set(name, tr); }
      if (tbody.children[i] !== tr) tbody.insertBefore(tr, tbody.children[i] || null);
      tr.update(state.plugins.get(name));
    });
    empty.hidden = names.length > 0;
  }

  const table = h('table', { id: 'plugins', class: 'grid' },
    h('caption', { class: 'visually-hidden' }, 'Plugins'),
    h('thead', {}, h('tr', {}, ['Name', 'Kind', 'Mode', 'STATUS', 'MESSAGE', 'Cycles', 'Errors', 'Version / commit', 'Actions'].map(c => h('th', { scope: 'col' }, c)))),
    tbody);
  const mqtt = mqttSection();
  const devices = devicesSection();
  const node = h('div', { class: 'view' },
    h('div', { class: 'heading' }, h('h1', {}, 'Plugins'), addLink),
    h('div', { class: 'scroll' }, table), empty,
    devices.node, mqtt.node);
  sync();
  const unsubscribe = subscribe(kind => { if (kind === 'plugins' || kind === 'plugin') sync(); });
  return { node, dispose: () => { unsubscribe(); mqtt.dispose(); devices.dispose(); } };
}

// Sections shown only when their REST endpoint answers: MQTT (GET /api/v1/mqtt) and devices (GET /api/v1/devices).
// A 404 hides the section and stops asking; other refusals are shown in it.
import { get, ApiError } from './api.js';
import { h, clear, formatValue, time } from './dom.js';

const POLL_MS = 5000;

function polled(id, title, path, render) {
  const body = h('div', { class: 'section-body' });
  const node = h('section', { id, class: 'card', hidden: true, 'aria-labelledby': id + '-title' }, h('h2', { id: id + '-title' }, title), body);
  let timer = null;
  let stopped = false;
  async function tick() {
    try {
      const data = await get(path);
      node.hidden = false;
      await render(body, data);
    } catch (e) {
      if (e instanceof ApiError && e.status === 404) {
        node.hidden = true;
        stopped = true;
        return;
      }
      if (!node.hidden) clear(body, h('p', { class: 'field-error' }, (e.status ? e.status + ': ' : '') + e.message));
    }
    if (!stopped) timer = setTimeout(tick, POLL_MS);
  }
  tick();
  return { node, dispose: () => { stopped = true; clearTimeout(timer); } };
}

export function mqttSection() {
  return polled('mqtt', 'MQTT', '/mqtt', (body, m) => {
    const state = m.connected ? 'connected' : (m.connection || (m.enabled ? 'not connected' : 'off'));
    const fact = (label, value, attrs = {}) => value === undefined || value === null || value === '' ? null : [h('dt', {}, label), h('dd', attrs, value)];
    clear(body, h('dl', { class: 'facts' },
      fact('Connection', String(state), { class: m.connected ? 'ok' : 'bad', id: 'mqtt-state' }),
      fact('Last error', m.last_error ? m.last_error + (m.last_error_at ? ' (' + time(m.last_error_at) + ')' : '') : null, { class: 'bad' }),
      fact('Broker', m.url),
      fact('Node', m.node),
      m.status_topic ? fact('Status topic', h('code', {}, m.status_topic)) : null,
      fact('Published', String(m.published ?? 0)),
      fact('Failed / not sent', (m.failed ?? 0) + ' / ' + (m.not_sent ?? 0)),
      m.buffer_limit ? fact('Offline buffer', (m.buffered ?? 0) + ' of ' + m.buffer_limit + (m.buffer_dropped ? ', ' + m.buffer_dropped + ' dropped' : '')) : null,
      m.buffer_write_failures ? fact('Offline buffer file', m.buffer_write_failures + ' failed writes: ' + m.buffer_last_error, { class: 'bad' }) : null));
  });
}

// The devices endpoint comes with the device drivers (bundle org.taskhost.devices): GET /devices lists each device's
// definition with its health; GET /devices/{id}/points the points with their latest value and quality;
// GET /devices/{id}/points/{point} one point with its recent history.
const NUMERIC = new Set(['float', 'int']);
const MAX_TRENDS = 12;

async function pointsOf(device) {
  const withValues = await get('/devices/' + encodeURIComponent(device.id) + '/points');
  return Array.isArray(withValues) ? withValues : (withValues.points || []);
}

async function historyOf(device, point) {
  try {
    const r = await get('/devices/' + encodeURIComponent(device) + '/points/' + encodeURIComponent(point.id));
    return r.history || [];
  } catch (e) {
    return [];
  }
}

/** A small line of the numeric values of a point's history, as an inline SVG. */
function trend(values) {
  const nums = values.map(v => typeof v === 'object' && v !== null ? v.value : v).map(Number).filter(Number.isFinite);
  if (nums.length < 2) return h('span', { class: 'muted' }, '—');
  const min = Math.min(...nums), max = Math.max(...nums), span = max - min || 1;
  const w = 120, ht = 28;
  const pts = nums.map((v, i) => (i * w / (nums.length - 1)).toFixed(1) + ',' + (ht - 2 - (v - min) * (ht - 4) / span).toFixed(1)).join(' ');
  const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
  svg.setAttribute('viewBox', '0 0 ' + w + ' ' + ht);
  svg.setAttribute('class', 'trend');
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', 'trend of the last ' + nums.length + ' values, from ' + min + ' to ' + max);
  const line = document.createElementNS('http://www.w3.org/2000/svg', 'polyline');
  line.setAttribute('points', pts);
  svg.append(line);
  return svg;
}

async function deviceCard(d) {
  const health = d.health || {};
  const status = health.status || '';
  let points = [];
  let problem = null;
  try {
    points = await pointsOf(d);
  } catch (e) {
    problem = (e.status ? e.status + ': ' : '') + e.message;
  }
  let trends = 0;
  const rows = [];
  for (const p of points) {
    const quality = p.quality || '';
    const numeric = NUMERIC.has(p.type) && trends++ < MAX_TRENDS;
    rows.push(h('tr', { dataset: { point: p.id } },
      h('th', { scope: 'row' }, p.id),
      h('td', { class: 'num value' }, formatValue(p.value)),
      h('td', {}, p.units || ''),
      h('td', { class: 'quality' }, h('span', { class: 'badge q-' + String(quality).toLowerCase() }, quality), p.reason ? ' ' + p.reason : ''),
      h('td', {}, time(p.timestamp)),
      h('td', {}, numeric ? trend(await historyOf(d.id, p)) : '')));
  }
  const facts = [d.driver, d.address, health.message || health.last_error,
    health.poll_count !== undefined ? health.poll_count + ' polls, ' + (health.error_count || 0) + ' failed' : null].filter(Boolean);
  return h('div', { class: 'device', dataset: { device: d.id } },
    h('h3', {}, d.id, ' ', h('span', { class: 'badge dev-' + String(status).toLowerCase() }, status)),
    h('p', { class: 'muted' }, facts.join(' · ')),
    problem ? h('p', { class: 'field-error' }, problem) : null,
    points.length ? h('div', { class: 'scroll' }, h('table', { class: 'grid small' },
      h('thead', {}, h('tr', {}, ['Point', 'Value', 'Units', 'Quality', 'Time', 'Trend'].map(c => h('th', { scope: 'col' }, c)))),
      h('tbody', {}, rows))) : null);
}

export function devicesSection() {
  return polled('devices', 'Devices and points', '/devices', async (body, data) => {
    const list = Array.isArray(data) ? data : (data.devices || []);
    if (!list.length) { clear(body, h('p', { class: 'empty' }, 'No devices configured.')); return; }
    const cards = [];
    for (const d of list) cards.push(await deviceCard(d));
    clear(body, cards);
  });
}

// Small DOM helpers: elements built with text (never HTML strings), so nothing from the server is parsed as markup.

export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k.startsWith('on')) el.addEventListener(k.slice(2), v);
    else if (k === 'class') el.className = v;
    else if (k === 'dataset') Object.assign(el.dataset, v);
    else if (v === true) el.setAttribute(k, '');
    else el.setAttribute(k, v);
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === false) continue;
    el.append(c instanceof Node ? c : String(c));
  }
}

export function clear(el, ...children) {
  el.replaceChildren();
  append(el, children);
  return el;
}

export function text(el, value) {
  const s = value === null || value === undefined ? '' : String(value);
  if (el.textContent !== s) el.textContent = s;
}

/** Phoebus' alarm colours: MINOR orange, MAJOR red, INVALID magenta (as CSS classes). */
export function severityClass(severity) {
  switch (severity) {
    case 'MINOR': return 'sev-minor';
    case 'MAJOR': return 'sev-major';
    case 'INVALID': return 'sev-invalid';
    default: return 'sev-none';
  }
}

/** A plugin's STATUS in its badge; a stopped plugin (phase stopped, no PVs) shows STOPPED. */
export function showStatus(badge, p) {
  const status = p.phase === 'stopped' ? 'STOPPED' : p.state;
  text(badge, status);
  badge.className = 'badge ' + statusClass(status);
}

export function statusClass(status) {
  switch (status) {
    case 'RUN': case 'RUNNING': case 'SUCCESS': return 'st-run';
    case 'PAUSED': case 'IDLE': return 'st-paused';
    case 'ERROR': case 'FAILED': return 'st-error';
    case 'INIT': return 'st-init';
    default: return 'st-stopped';
  }
}

export function formatValue(v, prec) {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number' && Number.isFinite(v) && !Number.isInteger(v) && prec !== undefined && prec !== null) {
    return v.toFixed(Math.max(0, Math.min(prec, 10)));
  }
  if (Array.isArray(v)) return '[' + v.map(x => formatValue(x, prec)).join(', ') + ']';
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

export function shortCommit(c) {
  return c && /^[0-9a-f]{40}$/.test(c) ? c.slice(0, 10) : (c || '');
}

export function time(iso) {
  if (!iso) return '';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleString();
}

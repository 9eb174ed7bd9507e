// The page-wide message line: refusals (401, 403, 409, ...) are shown with their status and the server's words.
const banner = () => document.getElementById('banner');

export function showError(e, what) {
  const status = e && e.status ? e.status + ' ' : '';
  const prefix = what ? what + ': ' : '';
  show(prefix + status + (e && e.message ? e.message : String(e)), 'error');
}

export function showInfo(message) {
  show(message, 'info');
}

function show(message, kind) {
  const b = banner();
  b.dataset.kind = kind;
  document.getElementById('banner-text').textContent = message;
  b.hidden = false;
}

export function hideBanner() {
  banner().hidden = true;
}

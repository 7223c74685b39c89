import { get, session, subscribe, ApiError } from './api.js';
import { h, toast, closeDrawer, isDrawerOpen, empty } from './ui.js';
import * as timeline from './timeline.js';
import * as alerts from './alerts.js';
import * as principals from './principals.js';
import * as pages from './pages.js';

// The console shell: sign-in, theme, hash routing, keyboard dispatch and the live alert stream.

const roles = ['viewer', 'responder', 'admin'];
const titles = { timeline: 'Timeline', alerts: 'Alerts', principals: 'Principals', principal: 'Principal', reports: 'Reports', rules: 'Rules', ingestion: 'Ingestion', audit: 'Audit trail' };
let keyHandlers = [];
let alertHandlers = [];
let stopStream = null;
let openAlerts = 0;

const app = {
  me: null,
  can: (role) => roles.indexOf(app.me?.role) >= roles.indexOf(role),
  navigate: (hash) => { if (location.hash === hash) route(); else location.hash = hash; },
  replaceHash: (hash) => history.replaceState(null, '', hash),
  onKey: (handler) => keyHandlers.push(handler),
  onAlert: (handler) => alertHandlers.push(handler),
  toast,
};

function applyTheme(theme) {
  document.documentElement.dataset.theme = theme;
  localStorage.setItem('activitywatch.theme', theme);
}
applyTheme(localStorage.getItem('activitywatch.theme') ?? (matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light'));
document.getElementById('theme-toggle').addEventListener('click', () => applyTheme(document.documentElement.dataset.theme === 'dark' ? 'light' : 'dark'));

function showSignIn(message = '') {
  stopStream?.();
  document.getElementById('shell').hidden = true;
  document.getElementById('signin').hidden = false;
  document.getElementById('signin-error').textContent = message;
  document.getElementById('signin-key').focus();
}

document.getElementById('signin-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const key = document.getElementById('signin-key').value.trim();
  const remember = document.getElementById('signin-remember').checked;
  session.save(key, remember);
  try {
    if (!(await start())) {
      session.clear();
      showSignIn('That key was not accepted: it is unknown or revoked.');
    }
  } catch (error) {
    // The key could not be checked (the database or the server is down): keep it and say why.
    showSignIn(error.databaseUnavailable ? `${databaseMessage(error)} Sign-in works again once it answers; this page retries by itself.` : `The API did not answer: ${error.message}`);
    if (error.databaseUnavailable) waitForDatabase();
  }
});
document.getElementById('signout').addEventListener('click', () => { session.clear(); showSignIn(); });
window.addEventListener('aw:unauthorized', () => { session.clear(); showSignIn('Your session ended: sign in again.'); });

async function start() {
  if (!session.key) return false;
  try {
    app.me = await get('/api/me');
  } catch (error) {
    if (error instanceof ApiError && (error.status === 401 || error.status === 403)) return false;
    throw error;
  }
  document.getElementById('signin').hidden = true;
  document.getElementById('shell').hidden = false;
  document.getElementById('whoami').replaceChildren(h('b', {}, app.me.name), ` · ${app.me.role}`);
  document.querySelectorAll('[data-role]').forEach((a) => { a.hidden = !app.can(a.dataset.role); });
  startStream();
  refreshBadge();
  if (!location.hash || location.hash === '#/') location.hash = '#/timeline';
  else route();
  return true;
}

function startStream() {
  stopStream?.();
  const live = document.getElementById('live-state');
  stopStream = subscribe('/api/alerts/stream',
    (message) => {
      if (message.event !== 'alert' || !message.data) return;
      const change = JSON.parse(message.data);
      if (change.kind === 'alert_raised') toast(`New ${change.data.severity} alert: ${change.data.title}`);
      refreshBadge();
      for (const handler of alertHandlers) handler(change);
    },
    (connected) => { live.classList.toggle('on', connected); live.classList.toggle('off', !connected); live.dataset.state = connected ? 'on' : 'off'; });
}

async function refreshBadge() {
  try {
    openAlerts = (await get('/api/alerts', { status: 'open', limit: 500 })).length;
    const badge = document.getElementById('alert-badge');
    badge.textContent = openAlerts > 499 ? '500+' : String(openAlerts);
    badge.hidden = openAlerts === 0;
  } catch { /* the badge is a convenience */ }
}

async function route() {
  keyHandlers = [];
  alertHandlers = [];
  closeDrawer();
  const [path, search] = location.hash.replace(/^#\/?/, '').split('?');
  const [name, id] = path.split('/');
  const params = new URLSearchParams(search ?? '');
  const main = document.getElementById('main');
  document.getElementById('page-title').textContent = titles[name] ?? 'ActivityWatch';
  document.querySelectorAll('#nav a').forEach((a) => a.classList.toggle('active', a.dataset.route === (name === 'principal' ? 'principals' : name)));
  delete main.dataset.loaded;
  main.replaceChildren(h('div', { class: 'empty' }, 'Loading…'));
  try {
    switch (name) {
      case 'timeline': await timeline.render(main, params, app); break;
      case 'alerts': if (id) await alerts.renderDetail(main, id, app); else await alerts.render(main, params, app); break;
      case 'principals': await principals.renderList(main, params, app); break;
      case 'principal': await principals.renderProfile(main, params, app); break;
      case 'reports': await pages.renderReports(main, app); break;
      case 'rules': await pages.renderRules(main, app); break;
      case 'ingestion': await pages.renderIngestion(main, app); break;
      case 'audit': await pages.renderAudit(main, app); break;
      default: location.hash = '#/timeline';
    }
  } catch (error) {
    main.replaceChildren(empty(error.status === 403 ? 'Your role cannot see this page.'
      : error.databaseUnavailable ? `${databaseMessage(error)} This page reloads once it answers.`
        : `Could not load this page: ${error.message}`));
  }
}

window.addEventListener('hashchange', route);
document.addEventListener('keydown', (event) => {
  if (event.key === 'Escape' && isDrawerOpen()) { closeDrawer(); return; }
  const typing = ['INPUT', 'TEXTAREA', 'SELECT'].includes(document.activeElement?.tagName);
  if (typing || event.ctrlKey || event.metaKey || event.altKey) return;
  for (const handler of keyHandlers) handler(event);
});
document.getElementById('drawer').addEventListener('click', (event) => { if (event.target.id === 'drawer') closeDrawer(); });
document.getElementById('drawer-close').addEventListener('click', closeDrawer);

// PostgreSQL unavailable: a banner that says so and names the server, and a retry every 5 s
// (readiness is anonymous), instead of errors from every panel.
function databaseMessage(error) {
  return `Database unavailable: ${error.problem.detail ?? 'PostgreSQL does not answer.'} Start it with scripts/postgres.sh start.`;
}

let waiting = null;
function waitForDatabase() {
  if (waiting) return;
  waiting = setInterval(async () => {
    try {
      const ready = await fetch('/health/ready', { headers: { Accept: 'text/plain' } });
      if (!ready.ok) return;
    } catch { return; }
    clearInterval(waiting);
    waiting = null;
    document.getElementById('db-banner').hidden = true;
    if (document.getElementById('shell').hidden) { if (session.key) start().catch(() => {}); } else route();
  }, 5000);
}

window.addEventListener('aw:database', (event) => {
  const banner = document.getElementById('db-banner');
  banner.textContent = `${databaseMessage(event.detail)} ActivityWatch retries every 5 seconds.`;
  banner.hidden = false;
  waitForDatabase();
});

start().then((ok) => { if (!ok) showSignIn(); }).catch((error) => {
  if (error.databaseUnavailable) {
    showSignIn(`${databaseMessage(error)} Sign-in works again once it answers; this page retries by itself.`);
    waitForDatabase();
  } else {
    showSignIn(`The API did not answer: ${error.message}`);
  }
});

// The API client: the key lives in sessionStorage (or localStorage when remembered) and goes in
// the Authorization header, never in a URL. Errors are RFC 9457 problem details.

const STORE_KEY = 'activitywatch.key';
export const DATABASE_UNAVAILABLE = 'https://activitywatch.dev/problems/database-unavailable';

export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail || problem?.title || `HTTP ${status}`);
    this.status = status;
    this.problem = problem ?? {};
  }

  // PostgreSQL does not answer: the API says 503 with this problem type (the console shows a banner and retries).
  get databaseUnavailable() { return this.status === 503 && this.problem.type === DATABASE_UNAVAILABLE; }
}

export const session = {
  get key() { return sessionStorage.getItem(STORE_KEY) ?? localStorage.getItem(STORE_KEY); },
  save(key, remember) {
    (remember ? localStorage : sessionStorage).setItem(STORE_KEY, key);
  },
  clear() { sessionStorage.removeItem(STORE_KEY); localStorage.removeItem(STORE_KEY); },
};

function headers(extra = {}) {
  return { Accept: 'application/json', Authorization: `Bearer ${session.key}`, ...extra };
}

export async function request(method, path, body) {
  const response = await fetch(path, {
    method,
    headers: headers(body === undefined ? {} : { 'Content-Type': 'application/json' }),
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (response.status === 401) window.dispatchEvent(new CustomEvent('aw:unauthorized'));
  if (!response.ok) {
    let problem = null;
    try { problem = await response.json(); } catch { /* not JSON */ }
    const error = new ApiError(response.status, problem);
    if (error.databaseUnavailable) window.dispatchEvent(new CustomEvent('aw:database', { detail: error }));
    throw error;
  }
  if (response.status === 204) return null;
  return response.json();
}

export const get = (path, params) => request('GET', params ? `${path}?${query(params)}` : path);
export const post = (path, body) => request('POST', path, body ?? {});
export const del = (path) => request('DELETE', path);

export function query(params) {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') search.set(key, value);
  }
  return search.toString();
}

// Server-sent events over fetch, because EventSource cannot send the Authorization header.
// Reconnects with Last-Event-ID so no alert is missed across a drop.
export function subscribe(path, onEvent, onState) {
  let lastId = null;
  let stopped = false;
  const controller = new AbortController();
  (async () => {
    while (!stopped) {
      try {
        const response = await fetch(path, {
          headers: headers({ Accept: 'text/event-stream', ...(lastId ? { 'Last-Event-ID': lastId } : {}) }),
          signal: controller.signal,
        });
        if (!response.ok) throw new Error(`stream answered ${response.status}`);
        onState(true);
        const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
        let buffer = '';
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          buffer += value;
          let end;
          while ((end = buffer.indexOf('\n\n')) >= 0) {
            const block = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            const message = { event: 'message', data: '', id: null };
            for (const line of block.split('\n')) {
              const colon = line.indexOf(':');
              const field = colon < 0 ? line : line.slice(0, colon);
              const text = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
              if (field === 'event') message.event = text;
              else if (field === 'data') message.data += (message.data ? '\n' : '') + text;
              else if (field === 'id') message.id = text;
            }
            if (message.id) lastId = message.id;
            onEvent(message);
          }
        }
      } catch (error) {
        if (stopped) return;
      }
      onState(false);
      if (!stopped) await new Promise((resolve) => setTimeout(resolve, 2000));
    }
  })();
  return () => { stopped = true; controller.abort(); };
}

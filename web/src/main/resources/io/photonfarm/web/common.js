// Shared by every page: API calls, DOM building (never innerHTML with data), formatting, the header.
'use strict';

const PF = (() => {
  class ApiFailure extends Error {
    constructor(status, message, violations) {
      super(message);
      this.status = status;
      this.violations = violations || [];
    }
  }

  /** Calls the API; answers the parsed JSON (or null); throws ApiFailure with the server's message. */
  async function api(path, options = {}) {
    const init = { credentials: 'same-origin', headers: { Accept: 'application/json' }, ...options };
    if (options.json !== undefined) {
      init.method = init.method || 'POST';
      init.headers = { ...init.headers, 'Content-Type': 'application/json' };
      init.body = JSON.stringify(options.json);
      delete init.json;
    }
    let resp;
    try {
      resp = await fetch(path, init);
    } catch (e) {
      throw new ApiFailure(0, 'the coordinator cannot be reached (' + e.message + ')');
    }
    if (resp.status === 401 && !path.startsWith('/api/v1/session')) {
      location.assign('/signin?next=' + encodeURIComponent(location.pathname + location.search));
      throw new ApiFailure(401, 'signed out');
    }
    const text = await resp.text();
    let body = null;
    if (text) {
      try { body = JSON.parse(text); } catch (e) { body = null; }
    }
    if (!resp.ok) {
      const message = body && body.message ? body.message : resp.status + ' ' + resp.statusText;
      throw new ApiFailure(resp.status, message, body && body.violations);
    }
    return body;
  }

  /** el('a', {href: '/x', class: 'y'}, 'text', child...): builds an element; strings become text nodes. */
  function el(tag, attrs, ...children) {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === null || v === undefined || v === false) continue;
      if (k === 'class') e.className = v;
      else if (k === 'style' && typeof v === 'object') Object.assign(e.style, v);
      else if (k.startsWith('on') && typeof v === 'function') e.addEventListener(k.substring(2), v);
      else if (k === 'dataset') Object.assign(e.dataset, v);
      else e.setAttribute(k, v === true ? '' : v);
    }
    for (const c of children.flat()) {
      if (c === null || c === undefined || c === false) continue;
      e.append(c instanceof Node ? c : document.createTextNode(String(c)));
    }
    return e;
  }

  function svg(tag, attrs, ...children) {
    const e = document.createElementNS('http://www.w3.org/2000/svg', tag);
    for (const [k, v] of Object.entries(attrs || {})) e.setAttribute(k, v);
    for (const c of children.flat()) if (c) e.append(c instanceof Node ? c : document.createTextNode(String(c)));
    return e;
  }

  function replace(node, ...children) {
    node.replaceChildren(...children.flat().filter(c => c !== null && c !== undefined && c !== false));
  }

  function duration(seconds) {
    if (seconds === null || seconds === undefined || !isFinite(seconds)) return '–';
    const s = Math.max(0, Math.round(seconds));
    if (s < 60) return s + ' s';
    if (s < 3600) return Math.floor(s / 60) + ' min ' + (s % 60) + ' s';
    if (s < 86400) return Math.floor(s / 3600) + ' h ' + Math.floor((s % 3600) / 60) + ' min';
    return Math.floor(s / 86400) + ' d ' + Math.floor((s % 86400) / 3600) + ' h';
  }

  /** SI prefixes: si(523000, 'S/s') is "523 kS/s"; a unit that is a word starts with a space: " pixel samples". */
  function si(value, unit) {
    if (value === null || value === undefined || !isFinite(value)) return '–';
    const a = Math.abs(value);
    const [k, p] = a >= 1e9 ? [1e9, 'G'] : a >= 1e6 ? [1e6, 'M'] : a >= 1e3 ? [1e3, 'k'] : [1, ''];
    const v = value / k;
    const n = k === 1 && Number.isInteger(v) ? String(v) : v >= 100 ? v.toFixed(0) : v >= 10 ? v.toFixed(1) : v.toFixed(2);
    return (n + ' ' + (p + (unit || '')).trim()).trim();
  }

  function ago(millis, now) {
    const s = Math.max(0, ((now || Date.now()) - millis) / 1000);
    return s < 1 ? 'now' : s < 60 ? Math.floor(s) + ' s ago' : s < 3600 ? Math.floor(s / 60) + ' min ago'
      : Math.floor(s / 3600) + ' h ago';
  }

  function bytes(n) {
    return n >= 1 << 30 ? (n / (1 << 30)).toFixed(1) + ' GiB' : n >= 1 << 20 ? (n / (1 << 20)).toFixed(1) + ' MiB'
      : n >= 1024 ? (n / 1024).toFixed(1) + ' KiB' : n + ' B';
  }

  function clock(millis) {
    return new Date(millis).toLocaleTimeString([], { hour12: false });
  }

  /** The page header: brand, navigation (the active entry marked), live indicator, sign-out. */
  function header(active) {
    const live = el('span', { class: 'live', id: 'live', title: 'live updates from the coordinator', hidden: true },
      el('span', { class: 'dot' }), 'connecting');
    const signOut = el('button', { class: 'link', id: 'sign-out', type: 'button', onclick: async () => {
      await api('/api/v1/session', { method: 'DELETE' }).catch(() => null);
      location.assign('/signin');
    } }, 'Sign out');
    const link = (href, text, key) => el('a', { href, class: key === active ? 'active' : null }, text);
    const top = el('header', { class: 'top' },
      el('a', { class: 'brand', href: '/' }, 'PhotonFarm'),
      el('nav', {}, link('/', 'Dashboard', 'dashboard'), link('/submit', 'Submit a job', 'submit')),
      live, signOut);
    document.body.prepend(top);
  }

  /**
   * Opens the farm's event stream; handlers maps event names to functions of the parsed data.
   * EventSource reconnects by itself; the header shows whether the stream is up.
   */
  function events(handlers) {
    const source = new EventSource('/api/v1/events');
    const live = document.getElementById('live');
    if (live) live.hidden = false;
    const show = (on, text) => {
      if (!live) return;
      live.className = 'live ' + (on ? 'on' : 'off');
      live.lastChild.textContent = text;
    };
    source.onopen = () => show(true, 'live');
    source.onerror = () => show(false, 'reconnecting');
    for (const [name, fn] of Object.entries(handlers)) {
      source.addEventListener(name, e => {
        let data;
        try { data = JSON.parse(e.data); } catch (err) { return; }
        fn(data);
      });
    }
    return source;
  }

  function badge(text) {
    return el('span', { class: 'badge ' + text }, text);
  }

  function progressBar(fraction, status, label) {
    const pct = Math.round(Math.max(0, Math.min(1, fraction)) * 1000) / 10;
    const cls = 'progress' + (status === 'COMPLETED' ? ' done' : status === 'FAILED' ? ' failed' : '');
    return el('div', { class: cls, role: 'progressbar', 'aria-valuenow': pct, 'aria-valuemin': 0, 'aria-valuemax': 100 },
      el('div', { class: 'bar', style: { width: pct + '%' } }),
      el('div', { class: 'text' }, label || pct + ' %'));
  }

  /** Calls fn at most once per `millis`, the last call winning. */
  function throttle(fn, millis) {
    let timer = null;
    let last = 0;
    return (...args) => {
      const wait = last + millis - Date.now();
      clearTimeout(timer);
      if (wait <= 0) { last = Date.now(); fn(...args); }
      else timer = setTimeout(() => { last = Date.now(); fn(...args); }, wait);
    };
  }

  return { ApiFailure, api, el, svg, replace, duration, si, ago, bytes, clock, header, events, badge, progressBar, throttle };
})();

'use strict';
(() => {
  const { api } = PF;
  const form = document.getElementById('signin-form');
  const error = document.getElementById('signin-error');
  /** Only a path of this site: never an absolute URL or a protocol-relative one. */
  function next() {
    const n = new URLSearchParams(location.search).get('next');
    return n && n.startsWith('/') && !n.startsWith('//') && !n.startsWith('/\\') ? n : '/';
  }
  form.addEventListener('submit', async e => {
    e.preventDefault();
    error.textContent = '';
    try {
      await api('/api/v1/session', { json: { token: document.getElementById('token').value } });
      location.assign(next());
    } catch (err) {
      error.textContent = err.message;
      document.getElementById('token').classList.add('invalid');
    }
  });
})();

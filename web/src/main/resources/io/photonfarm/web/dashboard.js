'use strict';
(() => {
  const { api, el, replace, si, duration, ago, badge, progressBar, throttle, clock } = PF;
  PF.header('dashboard');

  const HISTORY_MILLIS = 10 * 60 * 1000;
  const focusJob = new URLSearchParams(location.search).get('job');
  let points = [];
  let latest = null;
  let previewJob = null;
  let previewUrl = null;

  function addPoint(t, samples, frames) {
    points.push({ t, a: samples, b: frames });
    points = points.filter(p => p.t >= t - HISTORY_MILLIS);
  }

  function render(status) {
    latest = status;
    document.getElementById('card-nodes').textContent = status.nodesActive;
    document.getElementById('card-queued').textContent = status.unitsQueued.toLocaleString();
    document.getElementById('card-leased').textContent = status.unitsLeased.toLocaleString();
    document.getElementById('card-samples').textContent = si(status.samplesPerSecond, 'S/s');
    document.getElementById('card-frames').textContent = status.framesPerMinute.toFixed(0);
    renderJobs(status.jobs);
    renderNodes(status.nodes, status.atMillis);
    Chart.draw(document.getElementById('chart'), points, ['#2458c6', '#e07b00']);
    choosePreviewJob(status.jobs);
  }

  function jobAction(id, verb) {
    return el('button', { class: 'small', type: 'button', onclick: async () => {
      try { await api('/api/v1/jobs/' + encodeURIComponent(id) + '/' + verb, { method: 'POST' }); }
      catch (e) { logEvent(Date.now(), 'could not ' + verb + ' job ' + id + ': ' + e.message); }
    } }, verb);
  }

  function renderJobs(jobs) {
    const body = document.querySelector('#jobs tbody');
    document.getElementById('jobs-empty').hidden = jobs.length > 0;
    replace(body, jobs.map(p => {
      const j = p.job;
      const id = j.id;
      const error = j.error || (j.lastNodeError ? 'last node error: ' + j.lastNodeError : null);
      const actions = [];
      if (j.status === 'RUNNING') actions.push(jobAction(id, 'pause'), jobAction(id, 'cancel'));
      if (j.status === 'PAUSED') actions.push(jobAction(id, 'resume'), jobAction(id, 'cancel'));
      return el('tr', { 'data-job': id, class: id === focusJob ? 'focus' : null },
        el('td', { class: 'mono' }, el('a', { href: '/jobs/' + encodeURIComponent(id) }, id)),
        el('td', { class: 'mono' }, j.spec.sceneRef),
        el('td', {}, badge(j.status), error ? el('div', { class: 'error-text' }, error) : null),
        el('td', {}, progressBar(p.fraction, j.status)),
        el('td', { class: 'num' }, j.framesWritten + ' / ' + j.spec.frames),
        el('td', { class: 'num' }, j.status === 'RUNNING' ? duration(p.etaSeconds) : '–'),
        el('td', {}, el('div', { class: 'actions' }, actions)));
    }));
  }

  function renderNodes(nodes, now) {
    const body = document.querySelector('#nodes tbody');
    document.getElementById('nodes-empty').hidden = nodes.length > 0;
    replace(body, nodes.map(n => el('tr', { 'data-node': n.nodeId },
      el('td', {}, el('div', {}, n.name), el('div', { class: 'hint mono' }, n.nodeId)),
      el('td', {}, el('div', {}, n.device.name), el('div', { class: 'hint' }, n.device.type + ' · ' + n.device.driver)),
      el('td', {}, badge(n.activity), n.lost ? el('div', { class: 'error-text' }, 'lost: no heartbeat') : null,
        n.draining ? el('div', { class: 'hint' }, 'draining') : null),
      el('td', { class: 'mono' }, n.currentUnit || '–'),
      el('td', { class: 'num' }, si(n.samplesPerSecond, '')),
      el('td', { class: 'num' }, n.unitsDone.toLocaleString()),
      el('td', { class: 'num' }, n.unitsFailed.toLocaleString()),
      el('td', {}, ago(n.lastSeenAtMillis, now)),
      el('td', {}, n.activity !== 'GONE' && !n.draining ? el('button', { class: 'small', type: 'button', onclick: async () => {
        try { await api('/api/v1/nodes/' + encodeURIComponent(n.nodeId) + '/drain', { method: 'POST' }); }
        catch (e) { logEvent(Date.now(), 'could not drain ' + n.name + ': ' + e.message); }
      } }, 'drain') : null))));
  }

  function logEvent(at, text) {
    const list = document.getElementById('events');
    list.prepend(el('li', {}, el('time', {}, clock(at)), text));
    while (list.children.length > 50) list.lastChild.remove();
  }

  function choosePreviewJob(jobs) {
    const focus = focusJob && jobs.find(p => p.job.id === focusJob);
    const running = jobs.find(p => p.job.status === 'RUNNING');
    const chosen = (focus || running || jobs[0] || {}).job;
    const id = chosen ? chosen.id : null;
    if (id !== previewJob) {
      previewJob = id;
      refreshPreview();
    }
  }

  const refreshPreview = throttle(async () => {
    const img = document.getElementById('preview');
    const caption = document.getElementById('preview-caption');
    const empty = document.getElementById('preview-empty');
    if (!previewJob) { img.hidden = true; empty.hidden = false; caption.textContent = ''; return; }
    const job = previewJob;
    try {
      const resp = await fetch('/api/v1/jobs/' + encodeURIComponent(job) + '/preview', { credentials: 'same-origin' });
      if (resp.status === 204) {
        showLastFrame(job);
        return;
      }
      if (!resp.ok) return;
      const blob = await resp.blob();
      const received = Number(resp.headers.get('X-Samples-Received'));
      const expected = Number(resp.headers.get('X-Samples-Expected'));
      const frame = resp.headers.get('X-Frame');
      setPreview(URL.createObjectURL(blob), job + ' · frame ' + frame + ' · '
        + (expected > 0 ? Math.floor((100 * received) / expected) : 0) + ' % of samples');
    } catch (e) {
      // the next event tries again
    }
  }, 500);

  function setPreview(url, text) {
    const img = document.getElementById('preview');
    if (previewUrl && previewUrl.startsWith('blob:')) URL.revokeObjectURL(previewUrl);
    previewUrl = url;
    img.src = url;
    img.hidden = false;
    document.getElementById('preview-empty').hidden = true;
    document.getElementById('preview-caption').textContent = text;
  }

  /** Nothing is being assembled: show the job's newest written frame instead. */
  function showLastFrame(job) {
    const p = latest && latest.jobs.find(x => x.job.id === job);
    if (!p || p.job.framesWritten === 0) return;
    api('/api/v1/jobs/' + encodeURIComponent(job) + '/frames?offset=' + Math.max(0, p.job.spec.frames - 200) + '&limit=200')
      .then(page => {
        const done = page.items.filter(f => f.written);
        if (done.length === 0) return;
        const f = done[done.length - 1].frame;
        setPreview('/api/v1/jobs/' + encodeURIComponent(job) + '/frames/' + f + '/files/rgb.png',
          job + ' · frame ' + f + ' · written');
      }).catch(() => null);
  }

  async function start() {
    try {
      const status = await api('/api/v1/farm');
      for (const p of status.history) addPoint(p.atMillis, p.samplesPerSecond, p.framesPerMinute);
      render(status);
    } catch (e) {
      logEvent(Date.now(), 'could not read the farm status: ' + e.message);
    }
    PF.events({
      'farm': s => { addPoint(s.atMillis, s.samplesPerSecond, s.framesPerMinute); render(s); },
      'job-progress': e => { if (e.jobId === previewJob) refreshPreview(); },
      'frame-done': e => {
        logEvent(e.atMillis, 'job ' + e.jobId + ': frame ' + e.frame + ' written');
        if (e.jobId === previewJob) refreshPreview();
      },
      'job-changed': e => logEvent(e.atMillis, 'job ' + e.jobId + ' ' + e.change + ' (' + e.status + ')'
        + (e.message ? ': ' + e.message : '')),
      'node-joined': e => logEvent(e.atMillis, 'node ' + e.name + ' joined (' + e.device + ')'),
      'node-left': e => logEvent(e.atMillis, 'node ' + e.name + ' left'),
      'node-failed': e => logEvent(e.atMillis, 'node ' + e.name + ' was lost'),
    });
  }

  window.addEventListener('resize', throttle(() => Chart.draw(document.getElementById('chart'), points,
    ['#2458c6', '#e07b00']), 200));
  start();
})();

'use strict';
(() => {
  const { api, el, replace, badge, progressBar } = PF;
  PF.header(null);

  const PAGE = 48;
  const jobId = decodeURIComponent(location.pathname.split('/')[2] || '');
  const base = '/api/v1/jobs/' + encodeURIComponent(jobId);
  let job = null;
  let page = Math.max(0, Number(new URLSearchParams(location.search).get('page') || 0));
  let knownFiles = [];

  function fail(message) {
    const b = document.getElementById('page-error');
    b.textContent = message;
    b.hidden = false;
  }

  function facts(j) {
    const s = j.spec;
    const rows = [
      ['Status', badge(j.status)],
      ['Progress', progressBar(j.units ? j.unitsDone / j.units : 0, j.status)],
      ['Frames written', j.framesWritten + ' of ' + s.frames],
      ['Scene', el('span', { class: 'mono' }, s.sceneRef)],
      ['Image', s.width + ' × ' + s.height + ' px, ' + s.spp + ' samples per pixel, ' + s.maxBounces + ' bounces'],
      ['Seed', String(s.seed)],
      ['Passes', s.passes.length ? s.passes.join(', ') : 'none'],
      ['Writers', s.writers.length ? s.writers.join(', ') : 'none'],
      ['Work units', j.unitsDone + ' done, ' + j.unitsLeased + ' rendering, ' + j.unitsQueued + ' queued, '
        + j.unitsFailed + ' failed of ' + j.units],
      ['Submitted', new Date(j.submittedAtMillis).toLocaleString()],
    ];
    if (j.error) rows.push(['Error', el('span', { class: 'error-text' }, j.error)]);
    if (j.lastNodeError) rows.push(['Last node error', el('span', { class: 'error-text' }, j.lastNodeError)]);
    replace(document.getElementById('job-facts'), rows.flatMap(([k, v]) => [el('dt', {}, k), el('dd', {}, v)]));
    document.getElementById('job-spec').textContent = JSON.stringify(s, null, 2);
  }

  /** stats.json (jobs drawn from a recipe): the class histogram against what the recipe asked for, and rare cases. */
  async function statistics() {
    if (!job.spec.sceneRef.startsWith('recipe:')) return; // only recipe jobs have statistics
    let stats;
    try {
      const resp = await fetch(base + '/files/stats.json', { credentials: 'same-origin' });
      if (!resp.ok) return; // not written yet: it comes with the last frame
      stats = await resp.json();
    } catch (e) {
      return;
    }
    const pct = v => (v === undefined || v === null) ? '–' : (100 * v).toFixed(1) + ' %';
    const classes = Object.keys(stats.classHistogram || {}).sort();
    replace(document.querySelector('#class-stats tbody'), classes.map(c => el('tr', {},
      el('td', {}, c), el('td', { class: 'num' }, String(stats.classHistogram[c])),
      el('td', { class: 'num' }, pct((stats.achievedShares || {})[c])),
      el('td', { class: 'num' }, pct((stats.expectedShares || {})[c])))));
    const rare = Object.entries(stats.rareCases || {});
    replace(document.getElementById('rare-stats'), rare.flatMap(([k, v]) => [el('dt', {}, 'rare case ' + k),
      el('dd', {}, v + ' frames')]));
    document.getElementById('stats-note').textContent = stats.objects + ' objects over ' + stats.frames + ' frames';
    document.getElementById('statistics').hidden = false;
  }

  function pager(frames) {
    const pages = Math.max(1, Math.ceil(frames / PAGE));
    const go = p => () => { page = p; history.replaceState(null, '', '?page=' + p); loadFrames(); };
    const make = () => [
      el('button', { class: 'small', type: 'button', disabled: page === 0, onclick: go(page - 1) }, '‹ previous'),
      el('span', { class: 'hint', 'data-role': 'page-info' }, 'page ' + (page + 1) + ' of ' + pages + ' · frames '
        + page * PAGE + '–' + (Math.min(frames, (page + 1) * PAGE) - 1) + ' of ' + frames),
      el('button', { class: 'small', type: 'button', disabled: page >= pages - 1, onclick: go(page + 1) }, 'next ›')];
    replace(document.getElementById('pager-top'), make());
    replace(document.getElementById('pager-bottom'), make());
  }

  async function loadFrames() {
    try {
      const p = await api(base + '/frames?offset=' + page * PAGE + '&limit=' + PAGE);
      pager(p.frames);
      const aspect = job.spec.width / job.spec.height;
      replace(document.getElementById('thumbs'), p.items.map(f => {
        const link = el('a', { class: 'thumb', href: '/jobs/' + encodeURIComponent(jobId) + '/frames/' + f.frame,
          'data-frame': f.frame },
          f.written ? el('img', { src: base + '/frames/' + f.frame + '/thumbnail', alt: 'frame ' + f.frame, loading: 'lazy' })
            : el('div', { class: 'pending' }, 'not written yet'),
          el('div', { class: 'caption' }, 'frame ' + f.frame));
        link.style.setProperty('--aspect', String(aspect));
        return link;
      }));
      const files = new Set(knownFiles);
      p.items.forEach(f => f.files.forEach(n => files.add(n)));
      if (files.size !== knownFiles.length) {
        knownFiles = [...files].sort();
        downloadFiles();
      }
    } catch (e) {
      fail('could not list the frames: ' + e.message);
    }
  }

  function downloadFiles() {
    const box = document.getElementById('download-files');
    const ticked = new Set([...box.querySelectorAll('input:checked')].map(c => c.value));
    replace(box, knownFiles.map(n => el('label', {}, el('input', { type: 'checkbox', value: n, checked: ticked.has(n) }), ' ' + n)));
    updateLink();
  }

  function updateLink() {
    const link = document.getElementById('download-link');
    const error = document.getElementById('download-error');
    const first = Number(document.getElementById('download-first').value || 0);
    const lastRaw = document.getElementById('download-last').value;
    const last = lastRaw === '' ? job.spec.frames - 1 : Number(lastRaw);
    error.textContent = '';
    if (!(first >= 0 && last >= first && last < job.spec.frames)) {
      error.textContent = 'frames: first must be >= 0 and <= last, last < ' + job.spec.frames;
      link.removeAttribute('href');
      return;
    }
    const q = new URLSearchParams({ format: document.getElementById('download-format').value, frames: first + '-' + last });
    const files = [...document.querySelectorAll('#download-files input:checked')].map(c => c.value);
    if (files.length) q.set('files', files.join(','));
    link.href = base + '/archive?' + q.toString();
  }

  /** The domain-gap report, for jobs with target photos: each measure before and after refinement. */
  async function domainGap() {
    if (!job.spec.camera || !job.spec.camera.targetDomain) return;
    const section = document.getElementById('domain-gap');
    let r;
    try {
      r = await api(base + '/domain-gap');
    } catch (e) {
      section.hidden = false;
      document.getElementById('gap-note').textContent = e.message;
      return;
    }
    const num = (v, digits) => typeof v === 'number' ? v.toFixed(digits) : '–';
    const rows = [
      ['classifier accuracy', r => num(r.classifierAccuracy * 100, 1) + ' %', null],
      ['colour histogram distance', r => num(r.histogramDistance, 3), null],
      ['power-spectrum slope', r => num(r.spectrumSlopeSynthetic, 2), r => num(r.spectrumSlopeTarget, 2)],
      ['noise sigma', r => num(r.noiseSigmaSynthetic, 4), r => num(r.noiseSigmaTarget, 4)],
    ];
    replace(document.querySelector('#gap-table tbody'), rows.map(([name, of, target]) => el('tr', {},
      el('td', {}, name), el('td', { class: 'num' }, of(r.before)), el('td', { class: 'num' }, r.after ? of(r.after) : 'no refiners'),
      el('td', { class: 'num' }, target ? target(r.before) : ''))));
    document.getElementById('gap-note').textContent = 'frames ' + r.frames.join(', ') + ' against ' + r.targetDomain
      + (r.complete ? '' : ' (the job is still rendering: this report will change)');
    section.hidden = false;
  }

  async function load() {
    try {
      job = await api(base);
    } catch (e) {
      fail(e.status === 404 ? 'no job ' + jobId : 'could not read job ' + jobId + ': ' + e.message);
      return;
    }
    document.title = jobId + ' · PhotonFarm';
    replace(document.getElementById('title'), 'Dataset ', el('span', { class: 'mono' }, jobId));
    document.getElementById('download-last').value = job.spec.frames - 1;
    document.getElementById('download-last').max = job.spec.frames - 1;
    document.getElementById('download-first').max = job.spec.frames - 1;
    facts(job);
    document.getElementById('download-form').addEventListener('input', updateLink);
    document.getElementById('download-form').addEventListener('change', updateLink);
    updateLink();
    await loadFrames();
    statistics();
    domainGap();
    // The job's progress comes with the farm's status (its view is reused by cost on the server:
    // counting a huge job's units on every progress event would cost seconds of CPU each time).
    const reloadFrames = PF.throttle(loadFrames, 1000);
    let statsShown = job.status === 'COMPLETED'; // shown above already
    PF.events({
      'farm': status => {
        const p = status.jobs.find(x => x.job.id === jobId);
        if (!p) return;
        job = p.job;
        facts(job);
        if (job.status === 'COMPLETED' && !statsShown) {
          statsShown = true;
          statistics();
          domainGap();
        }
      },
      'frame-done': e => { if (e.jobId === jobId) reloadFrames(); },
    });
  }
  load();
})();

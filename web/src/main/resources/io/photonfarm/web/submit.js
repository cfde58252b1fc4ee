'use strict';
(() => {
  const { api, el, replace, duration, si } = PF;
  PF.header('submit');

  const PASSES = ['depth_z', 'range', 'normal_camera', 'normal_world', 'instance', 'semantic', 'material', 'albedo',
    'roughness', 'metallic', 'uv', 'position_world', 'nocs', 'coverage'];
  const DEFAULT_PASSES = ['depth_z', 'range', 'normal_camera', 'instance', 'semantic', 'coverage'];
  const WRITERS = ['coco', 'bop', 'kitti', 'yolo'];
  const NUMBERS = ['frames', 'width', 'height', 'spp', 'seed', 'maxBounces', 'priority', 'tileSize', 'samplesPerUnit'];
  const form = document.getElementById('job-form');
  const json = document.getElementById('json');
  let spec = {};

  function checks(container, names, checked, group) {
    replace(container, names.map(n => el('label', {},
      el('input', { type: 'checkbox', name: group, value: n, id: group + '-' + n, checked: checked.includes(n) }), ' ' + n)));
  }
  checks(document.getElementById('passes'), PASSES, DEFAULT_PASSES, 'pass');
  checks(document.getElementById('writers'), WRITERS, ['coco'], 'writer');
  const REFINERS = ['fda', 'reinhard', 'histogram'];
  checks(document.getElementById('refiners'), REFINERS, [], 'refiner');
  const LENS = ['k1', 'k2', 'k3', 'k4', 'p1', 'p2'];
  /** The sensor choice of a profile written out in the JSON rather than named by a preset. */
  const CUSTOM = '(custom)';

  /** The camera part of the form; undefined for the ideal camera. Fields the form has no control for are kept. */
  function cameraFromForm(previous) {
    const camera = { ...(previous || {}) };
    const sensor = document.getElementById('sensor').value;
    if (sensor === CUSTOM) {
      camera.sensor = previous && previous.sensor;
    } else {
      camera.sensor = sensor ? { ...(previous && previous.sensor && previous.sensor.preset === sensor ? previous.sensor : {}), preset: sensor } : undefined;
    }
    const depth = document.getElementById('depthSensor').value;
    camera.depthSensor = depth ? { ...(previous && previous.depthSensor && previous.depthSensor.kind === depth ? previous.depthSensor : {}), kind: depth } : undefined;
    const model = document.getElementById('lensModel').value;
    document.getElementById('lens-coefficients').hidden = !model;
    if (model) {
      camera.lens = { model };
      for (const k of LENS) camera.lens[k] = Number(document.getElementById('lens-' + k).value || 0);
    } else {
      camera.lens = undefined;
    }
    const chosen = [...form.querySelectorAll('input[name=refiner]:checked')].map(c => c.value);
    const kept = (previous && Array.isArray(previous.refiners) ? previous.refiners : []);
    camera.refiners = chosen.map(kind => kept.find(r => r && r.kind === kind) || { kind })
      .concat(kept.filter(r => r && !REFINERS.includes(r.kind)));
    if (camera.refiners.length === 0) camera.refiners = undefined;
    camera.targetDomain = document.getElementById('targetDomain').value || undefined;
    return Object.values(camera).some(v => v !== undefined) ? camera : undefined;
  }

  function cameraToForm(camera) {
    const c = camera || {};
    const sensor = document.getElementById('sensor');
    const preset = !c.sensor ? '' : c.sensor.preset ? c.sensor.preset : CUSTOM;
    if (preset && ![...sensor.options].some(o => o.value === preset)) {
      sensor.append(el('option', { value: preset }, preset === CUSTOM ? 'custom profile (see JSON)' : preset));
    }
    sensor.value = preset;
    document.getElementById('depthSensor').value = c.depthSensor && c.depthSensor.kind ? c.depthSensor.kind : '';
    document.getElementById('lensModel').value = c.lens && c.lens.model ? c.lens.model : '';
    document.getElementById('lens-coefficients').hidden = !(c.lens && c.lens.model);
    for (const k of LENS) document.getElementById('lens-' + k).value = c.lens && c.lens[k] !== undefined ? c.lens[k] : 0;
    const kinds = Array.isArray(c.refiners) ? c.refiners.map(r => r && r.kind) : [];
    for (const box of form.querySelectorAll('input[name=refiner]')) box.checked = kinds.includes(box.value);
    const target = document.getElementById('targetDomain');
    if (c.targetDomain && ![...target.options].some(o => o.value === c.targetDomain)) {
      target.append(el('option', { value: c.targetDomain }, c.targetDomain));
    }
    target.value = c.targetDomain || '';
  }

  /** The form as a job request: empty fields are left out (the server fills its defaults). */
  function fromForm() {
    const out = { ...spec };
    out.sceneRef = document.getElementById('sceneRef').value || undefined;
    const id = document.getElementById('id').value.trim();
    out.id = id || undefined;
    for (const n of NUMBERS) {
      const raw = document.getElementById(n).value.trim();
      out[n] = raw === '' ? undefined : Number(raw);
    }
    out.passes = [...form.querySelectorAll('input[name=pass]:checked')].map(c => c.value);
    out.writers = [...form.querySelectorAll('input[name=writer]:checked')].map(c => c.value);
    out.camera = cameraFromForm(spec.camera);
    return JSON.parse(JSON.stringify(out));
  }

  function toForm(s) {
    const scene = document.getElementById('sceneRef');
    if (s.sceneRef && ![...scene.options].some(o => o.value === s.sceneRef)) {
      scene.append(el('option', { value: s.sceneRef }, s.sceneRef));
    }
    if (s.sceneRef) scene.value = s.sceneRef;
    document.getElementById('id').value = s.id || '';
    for (const n of NUMBERS) document.getElementById(n).value = s[n] === undefined || s[n] === null ? '' : s[n];
    // A spec without passes or writers gets the server's defaults: show those.
    const passes = Array.isArray(s.passes) ? s.passes : DEFAULT_PASSES;
    const writers = Array.isArray(s.writers) ? s.writers : ['coco'];
    for (const c of form.querySelectorAll('input[name=pass]')) c.checked = passes.includes(c.value);
    for (const c of form.querySelectorAll('input[name=writer]')) c.checked = writers.includes(c.value);
    cameraToForm(s.camera);
  }

  function syncFromForm() {
    spec = fromForm();
    json.value = JSON.stringify(spec, null, 2);
    document.getElementById('json-error').textContent = '';
    estimateSoon();
  }

  json.addEventListener('input', () => {
    try {
      const parsed = JSON.parse(json.value);
      if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error('the spec must be a JSON object');
      spec = parsed;
      toForm(spec);
      document.getElementById('json-error').textContent = '';
      estimateSoon();
    } catch (e) {
      document.getElementById('json-error').textContent = 'not valid JSON yet: ' + e.message;
    }
  });
  form.addEventListener('input', e => { if (e.target !== json && e.target.id !== 'upload') syncFromForm(); });
  form.addEventListener('change', e => { if (e.target !== json && e.target.id !== 'upload') syncFromForm(); });

  function clearErrors() {
    form.querySelectorAll('.field-error.violation').forEach(e => e.remove());
    form.querySelectorAll('.invalid').forEach(e => e.classList.remove('invalid'));
    const banner = document.getElementById('form-error');
    banner.hidden = true;
    banner.textContent = '';
  }

  /** Shows each violation next to the field it names (passes[2] belongs to passes); others in the banner. */
  function showErrors(err) {
    clearErrors();
    const general = [];
    for (const v of err.violations) {
      const key = v.field.split(/[.[]/)[0];
      const holder = form.querySelector('[data-field="' + CSS.escape(key) + '"]');
      const text = v.field + ' = ' + v.value + ': allowed ' + v.limit;
      if (!holder) { general.push(text); continue; }
      holder.querySelectorAll('input, select').forEach(i => i.classList.add('invalid'));
      holder.append(el('div', { class: 'field-error violation', 'data-error-for': v.field, role: 'alert' }, text));
    }
    if (err.violations.length === 0) general.push(err.message);
    if (general.length > 0) {
      const banner = document.getElementById('form-error');
      banner.textContent = general.join('; ');
      banner.hidden = false;
    }
  }

  let estimateTimer = null;
  let estimateSeq = 0;
  function estimateSoon() {
    clearTimeout(estimateTimer);
    estimateTimer = setTimeout(estimate, 350);
  }

  async function estimate() {
    const seq = ++estimateSeq;
    const box = document.getElementById('estimate');
    try {
      const e = await api('/api/v1/estimates', { json: spec });
      if (seq !== estimateSeq) return;
      clearErrors();
      const work = si(e.pixelSamples, ' pixel samples');
      if (e.seconds === null) {
        replace(box, el('div', {}, work), el('div', { class: 'hint' }, e.basis));
      } else {
        replace(box, el('div', {}, el('strong', { id: 'estimate-time' }, 'about ' + duration(e.seconds)), ' to render ' + work),
          el('div', { class: 'hint' }, e.queuedSeconds > 0 ? duration(e.queuedSeconds) + ' of queued work is ahead of it. ' : '',
            e.basis + '.'));
      }
    } catch (err) {
      if (seq !== estimateSeq) return;
      if (err.status === 400) {
        showErrors(err);
        replace(box, el('span', { class: 'hint' }, 'fix the fields marked in red for an estimate'));
      } else {
        replace(box, el('span', { class: 'hint' }, 'no estimate: ' + err.message));
      }
    }
  }

  form.addEventListener('submit', async e => {
    e.preventDefault();
    const button = document.getElementById('submit');
    button.disabled = true;
    try {
      const job = await api('/api/v1/jobs', { json: spec });
      location.assign('/?job=' + encodeURIComponent(job.id));
    } catch (err) {
      showErrors(err);
      button.disabled = false;
    }
  });

  async function loadScenes(select) {
    const scene = document.getElementById('sceneRef');
    const hint = document.getElementById('scene-hint');
    try {
      const scenes = await api('/api/v1/scenes');
      replace(scene, scenes.map(s => el('option', { value: s.sceneRef },
        s.name + (s.kind === 'builtin' ? ' (built-in)' : s.kind === 'upload' ? ' (uploaded)' : ' (' + s.kind + ')')
        + (s.triangles ? ' · ' + s.triangles.toLocaleString() + ' triangles' : ''))));
      if (select) scene.value = select;
      hint.textContent = scenes.length + ' scenes';
    } catch (err) {
      hint.textContent = 'could not list the scenes: ' + err.message;
    }
  }

  document.getElementById('upload').addEventListener('change', async e => {
    const file = e.target.files[0];
    const error = document.getElementById('upload-error');
    const status = document.getElementById('upload-status');
    error.textContent = '';
    if (!file) return;
    status.textContent = 'uploading ' + file.name + ' (' + PF.bytes(file.size) + ')…';
    try {
      const asset = await api('/api/v1/assets?name=' + encodeURIComponent(file.name), {
        method: 'POST', headers: { 'Content-Type': 'application/octet-stream', Accept: 'application/json' }, body: file });
      status.textContent = 'uploaded ' + asset.name + (asset.triangles ? ': ' + asset.triangles.toLocaleString() + ' triangles' : '');
      if (asset.kind === 'mesh') {
        await loadScenes(asset.sceneRef);
        syncFromForm();
      } else if (asset.kind === 'photos') {
        await loadCameraChoices('asset:' + asset.hash);
        syncFromForm();
      }
    } catch (err) {
      status.textContent = '';
      // The server's message names the file (and the line, for meshes).
      error.textContent = err.message;
    }
  });

  /** The sensor presets and uploaded photo sets the camera panel offers. */
  async function loadCameraChoices(selectTarget) {
    try {
      const presets = await api('/api/v1/sensor-presets');
      const sensor = document.getElementById('sensor');
      const current = sensor.value;
      replace(sensor, [el('option', { value: '' }, 'ideal (clean sRGB)')]
        .concat(Object.keys(presets).map(name => el('option', { value: name }, name))));
      sensor.value = current;
      const assets = await api('/api/v1/assets');
      const target = document.getElementById('targetDomain');
      const was = selectTarget || target.value;
      replace(target, [el('option', { value: '' }, 'none')].concat(assets.filter(a => a.kind === 'photos')
        .map(a => el('option', { value: 'asset:' + a.hash }, a.name))));
      target.value = was;
    } catch (err) {
      document.getElementById('upload-error').textContent = 'could not list sensor presets or photo sets: ' + err.message;
    }
  }

  Promise.all([loadScenes(), loadCameraChoices()]).then(() => { syncFromForm(); clearTimeout(estimateTimer); estimate(); });
})();

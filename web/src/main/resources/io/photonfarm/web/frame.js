'use strict';
(() => {
  const { api, el, svg, replace } = PF;
  PF.header(null);

  const parts = location.pathname.split('/');
  const jobId = decodeURIComponent(parts[2] || '');
  const frame = Number(parts[4]);
  const base = '/api/v1/jobs/' + encodeURIComponent(jobId);
  const frameBase = base + '/frames/' + frame;
  /** Image overlays: the view's name in the API, its label, and the file that must exist for it. */
  const VIEWS = [
    ['instance', 'Instance masks', 'instance.png'],
    ['semantic', 'Semantic classes', 'semantic.png'],
    ['depth', 'Depth (colour-mapped)', 'depth_z.exr'],
    ['range', 'Range (colour-mapped)', 'range.exr'],
    ['normals', 'Normals (camera frame)', 'normal_camera.exr'],
    ['coverage', 'Coverage', 'coverage.exr'],
    ['albedo', 'Albedo', 'albedo.exr'],
  ];
  const LANDMARK_STYLE = {
    VISIBLE: { fill: '#2fd36b', stroke: '#0b3d1f', label: 'visible' },
    OCCLUDED: { fill: 'none', stroke: '#ff9a1f', label: 'occluded by another object' },
    SELF_OCCLUDED: { fill: 'none', stroke: '#4aa8ff', label: 'self-occluded' },
  };

  function fail(message) {
    const b = document.getElementById('page-error');
    b.textContent = message;
    b.hidden = false;
  }

  function nav(frames) {
    const link = (f, text) => f >= 0 && f < frames
      ? el('a', { class: 'button small', href: '/jobs/' + encodeURIComponent(jobId) + '/frames/' + f }, text)
      : el('button', { class: 'small', type: 'button', disabled: true }, text);
    replace(document.getElementById('frame-nav'), link(frame - 1, '‹ previous'),
      el('a', { href: '/jobs/' + encodeURIComponent(jobId) + '?page=' + Math.floor(frame / 48) }, 'all frames'),
      link(frame + 1, 'next ›'));
  }

  function stage(meta, files) {
    const w = meta.width;
    const h = meta.height;
    const box = document.getElementById('stage');
    // Whole pixels per image pixel when the image is small (labels are per pixel: show them crisp),
    // and the frame fits the panel's width and the window's height.
    const availW = Math.min(box.parentElement.clientWidth - 32, 1400);
    const availH = Math.max(240, window.innerHeight - 190);
    const fit = Math.min(availW / w, availH / h);
    const zoom = fit >= 1 ? Math.floor(fit) : fit;
    box.style.width = Math.round(w * zoom) + 'px';
    box.style.height = Math.round(h * zoom) + 'px';
    const layers = [el('img', { class: 'base', id: 'layer-rgb', src: frameBase + '/files/rgb.png', alt: 'frame ' + frame,
      width: Math.round(w * zoom), height: Math.round(h * zoom) })];
    const toggles = [];
    for (const [view, label, file] of VIEWS) {
      if (!files.includes(file)) continue;
      const img = el('img', { class: 'overlay', id: 'layer-' + view, src: frameBase + '/view/' + view, alt: label, hidden: true });
      layers.push(img);
      toggles.push(el('label', {}, el('input', { type: 'checkbox', id: 'toggle-' + view, onchange: e => { img.hidden = !e.target.checked; } }), label));
    }
    const vector = svg('svg', { id: 'vector', viewBox: '0 0 ' + w + ' ' + h, preserveAspectRatio: 'none' });
    const boxes = svg('g', { id: 'boxes' });
    const amodal = svg('g', { id: 'amodal', visibility: 'hidden' });
    const landmarks = svg('g', { id: 'landmarks' });
    const stroke = Math.max(w, h) / 400;
    for (const o of meta.objects || []) {
      const colour = 'hsl(' + Math.round(((o.instanceId * 0.618034) % 1) * 360) + ' 85% 55%)';
      if (o.tightBox) boxes.append(rect(o.tightBox, colour, stroke, null, o.name + ' (' + o.category + ')'));
      if (o.amodalBox) amodal.append(rect(o.amodalBox, colour, stroke, stroke * 3 + ' ' + stroke * 2, o.name + ' amodal'));
      for (const l of o.landmarks || []) {
        const style = LANDMARK_STYLE[l.visibility];
        if (!style || !l.pixel) continue;
        const c = svg('circle', { cx: l.pixel[0], cy: l.pixel[1], r: Math.max(w, h) / 140, fill: style.fill,
          stroke: style.stroke, 'stroke-width': stroke, 'data-visibility': l.visibility, class: 'landmark' });
        c.append(svg('title', {}, o.name + ' · ' + l.name + ': ' + style.label + ' at (' + l.pixel[0].toFixed(2) + ', '
          + l.pixel[1].toFixed(2) + ')'));
        landmarks.append(c);
      }
    }
    vector.append(amodal, boxes, landmarks);
    layers.push(vector);
    const group = (id, label, node, on) => el('label', {}, el('input', { type: 'checkbox', id, checked: on,
      onchange: e => node.setAttribute('visibility', e.target.checked ? 'visible' : 'hidden') }), label);
    if ((meta.objects || []).length > 0) {
      toggles.push(group('toggle-boxes', '2D boxes (visible pixels)', boxes, true),
        group('toggle-amodal', '2D boxes (amodal, clipped)', amodal, false),
        group('toggle-landmarks', 'Landmarks', landmarks, true));
    }
    replace(box, layers);
    replace(document.getElementById('toggles'), toggles.length ? toggles
      : el('div', { class: 'hint' }, 'this job has no label passes'));
    const opacity = document.getElementById('opacity');
    const applyOpacity = () => box.querySelectorAll('img.overlay').forEach(i => { i.style.opacity = opacity.value / 100; });
    opacity.addEventListener('input', applyOpacity);
    applyOpacity();
    replace(document.getElementById('legend'), Object.values(LANDMARK_STYLE).map(s => {
      const dot = el('span', { class: 'legend-dot' });
      dot.style.background = s.fill === 'none' ? 'transparent' : s.fill;
      dot.style.borderColor = s.stroke;
      return el('div', {}, dot, 'landmark ' + s.label);
    }));
    box.addEventListener('mousemove', e => {
      const r = box.getBoundingClientRect();
      const u = ((e.clientX - r.left) / r.width) * w;
      const v = ((e.clientY - r.top) / r.height) * h;
      const inside = (meta.objects || []).filter(o => o.tightBox && u >= o.tightBox.xMin && u < o.tightBox.xMax
        && v >= o.tightBox.yMin && v < o.tightBox.yMax).map(o => o.name);
      document.getElementById('cursor').textContent = 'pixel (' + Math.floor(u) + ', ' + Math.floor(v) + ') · continuous ('
        + u.toFixed(2) + ', ' + v.toFixed(2) + ')' + (inside.length ? ' · in the box of ' + inside.join(', ') : '');
    });
  }

  function rect(b, colour, stroke, dash, title) {
    const r = svg('rect', { x: b.xMin, y: b.yMin, width: b.xMax - b.xMin, height: b.yMax - b.yMin, fill: 'none',
      stroke: colour, 'stroke-width': stroke, class: 'box' });
    if (dash) r.setAttribute('stroke-dasharray', dash);
    r.append(svg('title', {}, title));
    return r;
  }

  function objects(meta) {
    const rows = (meta.objects || []).map(o => {
      const seen = (o.landmarks || []).filter(l => l.visibility === 'VISIBLE').length;
      return el('tr', {}, el('td', {}, o.name), el('td', {}, o.category),
        el('td', { class: 'num' }, o.visiblePixels.toLocaleString()),
        el('td', { class: 'num' }, (o.visibility * 100).toFixed(1) + ' %'),
        el('td', { class: 'num' }, (o.landmarks || []).length ? seen + ' / ' + o.landmarks.length : '–'));
    });
    replace(document.querySelector('#objects tbody'), rows.length ? rows
      : el('tr', {}, el('td', { colspan: 5, class: 'empty' }, 'no annotated objects in this frame')));
  }

  function camera(meta, files) {
    const k = meta.intrinsics;
    const rows = [['Image', meta.width + ' × ' + meta.height + ' px, ' + meta.spp + ' spp'],
      ['fx, fy', k.fx.toFixed(3) + ', ' + k.fy.toFixed(3) + ' px'], ['cx, cy', k.cx.toFixed(3) + ', ' + k.cy.toFixed(3) + ' px'],
      ['Pixels', k.pixelConvention], ['Camera frame', meta.extrinsics.cameraFrame]];
    if (k.distortion) {
      // OpenCV's model and coefficients, in OpenCV's order; K above is the undistorted pinhole's.
      rows.splice(3, 0, ['Lens', k.distortion.model + ': ' + k.distortion.names
        .map((n, i) => n + ' ' + k.distortion.coefficients[i]).join(', ')]);
    }
    replace(document.getElementById('camera'), rows.flatMap(([a, b]) => [el('dt', {}, a), el('dd', {}, b)]));
    replace(document.getElementById('files'), files.map(f => el('li', {},
      el('a', { href: frameBase + '/files/' + encodeURIComponent(f), class: 'mono' }, f))));
  }

  async function load() {
    let job;
    let meta;
    let files;
    try {
      job = await api(base);
      const page = await api(base + '/frames?offset=' + frame + '&limit=1');
      if (!page.items.length || !page.items[0].written) {
        fail('frame ' + frame + ' of job ' + jobId + ' is not written yet');
        return;
      }
      files = page.items[0].files;
      meta = await api(frameBase + '/files/meta.json');
    } catch (e) {
      fail('could not read frame ' + frame + ' of job ' + jobId + ': ' + e.message);
      return;
    }
    document.title = jobId + ' frame ' + frame + ' · PhotonFarm';
    replace(document.getElementById('title'), el('a', { href: '/jobs/' + encodeURIComponent(jobId) }, jobId),
      ' · frame ' + frame);
    nav(job.spec.frames);
    stage(meta, files);
    objects(meta);
    camera(meta, files);
  }
  load();
})();

'use strict';
/**
 * A two-series line chart on a canvas (left and right axes), drawn at the device's pixel ratio.
 * Small on purpose: the dashboard needs one chart, not a charting library.
 */
const Chart = (() => {
  function niceMax(v) {
    if (!(v > 0)) return 1;
    const p = Math.pow(10, Math.floor(Math.log10(v)));
    for (const m of [1, 2, 2.5, 5, 10]) if (m * p >= v) return m * p;
    return 10 * p;
  }

  function label(v) {
    const a = Math.abs(v);
    return a >= 1e9 ? (v / 1e9).toFixed(1) + 'G' : a >= 1e6 ? (v / 1e6).toFixed(1) + 'M'
      : a >= 1e3 ? (v / 1e3).toFixed(1) + 'k' : (Math.round(v * 10) / 10).toString();
  }

  /** points: [{t, a, b}] oldest first; a on the left axis, b on the right. */
  function draw(canvas, points, colours) {
    const ratio = window.devicePixelRatio || 1;
    const w = canvas.clientWidth;
    const h = canvas.clientHeight;
    if (canvas.width !== Math.round(w * ratio) || canvas.height !== Math.round(h * ratio)) {
      canvas.width = Math.round(w * ratio);
      canvas.height = Math.round(h * ratio);
    }
    const g = canvas.getContext('2d');
    g.setTransform(ratio, 0, 0, ratio, 0, 0);
    g.clearRect(0, 0, w, h);
    const pad = { l: 56, r: 48, t: 10, b: 24 };
    const pw = w - pad.l - pad.r;
    const ph = h - pad.t - pad.b;
    g.font = '11px system-ui, sans-serif';
    g.strokeStyle = '#dde2e8';
    g.fillStyle = '#5d6875';
    if (points.length === 0) {
      g.fillText('waiting for the first measurements…', pad.l + 8, pad.t + ph / 2);
      return;
    }
    const t0 = points[0].t;
    const t1 = Math.max(points[points.length - 1].t, t0 + 60000);
    const maxA = niceMax(Math.max(...points.map(p => p.a)));
    const maxB = niceMax(Math.max(...points.map(p => p.b)));
    for (let i = 0; i <= 4; i++) {
      const y = pad.t + ph - (ph * i) / 4;
      g.beginPath(); g.moveTo(pad.l, y); g.lineTo(pad.l + pw, y); g.stroke();
      g.textAlign = 'right'; g.fillText(label((maxA * i) / 4), pad.l - 6, y + 4);
      g.textAlign = 'left'; g.fillText(label((maxB * i) / 4), pad.l + pw + 6, y + 4);
    }
    g.textAlign = 'center';
    const span = (t1 - t0) / 1000;
    g.fillText('-' + Math.round(span) + ' s', pad.l + 14, h - 6);
    g.fillText('now', pad.l + pw - 10, h - 6);
    const x = t => pad.l + (pw * (t - t0)) / (t1 - t0);
    const series = (key, max, colour) => {
      g.strokeStyle = colour; g.lineWidth = 2; g.beginPath();
      points.forEach((p, i) => {
        const y = pad.t + ph - (ph * p[key]) / max;
        if (i === 0) g.moveTo(x(p.t), y); else g.lineTo(x(p.t), y);
      });
      g.stroke(); g.lineWidth = 1; g.strokeStyle = '#dde2e8';
    };
    series('a', maxA, colours[0]);
    series('b', maxB, colours[1]);
  }

  return { draw };
})();

/// The report page's script, inline in the page (the binary carries no resource files).
///
/// It reads the page's JSON (``ReportDocument``), draws each scalar chart on a canvas when it
/// scrolls into view, and runs the controls: smoothing, axes, the band of groups, the legend, the
/// run filter, sorting and folding of the overview, the colour scheme. Text from the files reaches
/// the page only through `textContent` and `setAttribute`, never as markup.
///
/// Smoothing is TensorBoard's (`resmoothDataset` of its line chart), run over the buckets of
/// ``ChartEncoding``: for a line that is not reduced it is the same arithmetic, operation for
/// operation. The state tests need is on `window.tfeventsReport`: each chart's `drawn` record
/// (lines, smoothed pixels, weight), `smoothedValues(chart)`, `firstDrawAt`.
enum ReportScript {
    static let javascript = #"""
        'use strict';
        (() => {
        const doc = document, root = doc.documentElement;
        const data = JSON.parse(doc.getElementById('report-data').textContent);
        const scalars = data.sections.scalars || null;
        const R = window.tfeventsReport = {
          data, charts: [], weight: data.smoothing, xAxis: 'step', yScale: 'linear', band: 'std',
          hidden: new Set(), filter: null, firstDrawAt: null, drawCount: 0, ready: false,
        };
        const FONT = '11px system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif';
        const LEGEND_FOLD = 24, TOOLTIP_ROWS = 10;

        // ---------- Colours: the CSS custom properties of the current scheme.
        let theme = 'auto';
        try { theme = localStorage.getItem('tfevents-report-theme') || 'auto'; } catch (e) { theme = 'auto'; }
        const systemDark = matchMedia('(prefers-color-scheme: dark)');
        let colors = {};
        function readColors() {
          const style = getComputedStyle(root);
          const get = (name) => style.getPropertyValue(name).trim();
          colors = { text: get('--text'), text2: get('--text-2'), text3: get('--text-3'), grid: get('--grid'),
            axis: get('--axis'), surface: get('--surface'), warn: get('--warn'),
            palette: (isDark() ? data.palette.dark : data.palette.light) };
        }
        function isDark() { return theme === 'dark' || (theme === 'auto' && systemDark.matches); }
        function lineColor(index) { return colors.palette[index % colors.palette.length]; }
        const themeButton = doc.getElementById('theme');
        const themeNames = { auto: 'Auto', light: 'Light', dark: 'Dark' };
        function applyTheme() {
          if (theme === 'auto') delete root.dataset.theme; else root.dataset.theme = theme;
          themeButton.textContent = themeNames[theme];
          themeButton.title = theme === 'auto' ? 'Colour scheme: follows the system (click for light)'
            : 'Colour scheme: ' + theme + ' (click for ' + (theme === 'light' ? 'dark' : 'system') + ')';
          readColors();
          invalidateAll();
        }
        themeButton.addEventListener('click', () => {
          theme = theme === 'auto' ? 'light' : theme === 'light' ? 'dark' : 'auto';
          try { localStorage.setItem('tfevents-report-theme', theme); } catch (e) { /* a private window */ }
          applyTheme();
        });
        systemDark.addEventListener('change', () => { if (theme === 'auto') { readColors(); invalidateAll(); } });

        // ---------- Decoding ChartEncoding's arrays (little-endian, whatever the machine).
        function bytesOf(base64) {
          const text = atob(base64), bytes = new Uint8Array(text.length);
          for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
          return bytes;
        }
        function numbers(encoded) {
          const wide = encoded.f32 === undefined, bytes = bytesOf(wide ? encoded.f64 : encoded.f32);
          const view = new DataView(bytes.buffer), size = wide ? 8 : 4, out = new Float64Array(bytes.length / size);
          for (let i = 0; i < out.length; i++) out[i] = wide ? view.getFloat64(i * 8, true) : view.getFloat32(i * 4, true);
          return out;
        }
        function stepsOf(encoded) {
          if (encoded.stride !== undefined) {
            const out = new Float64Array(encoded.count);
            for (let i = 0; i < out.length; i++) out[i] = encoded.first + i * encoded.stride;
            return out;
          }
          if (encoded.deltas === undefined) return numbers(encoded);
          const bytes = bytesOf(encoded.deltas), view = new DataView(bytes.buffer);
          const out = new Float64Array(bytes.length / 4 + 1);
          let step = encoded.first;
          out[0] = step;
          for (let i = 1; i < out.length; i++) { step += view.getInt32((i - 1) * 4, true); out[i] = step; }
          return out;
        }
        function timesOf(encoded) {
          if (encoded.first === undefined) return { wall: numbers(encoded), relative: null };
          const relative = numbers({ f32: encoded.f32 }), wall = new Float64Array(relative.length);
          for (let i = 0; i < wall.length; i++) wall[i] = encoded.first + relative[i];
          return { wall, relative };
        }
        function decodeLine(raw) {
          const y = numbers(raw.value), step = stepsOf(raw.step), times = timesOf(raw.wall);
          const n = y.length;
          let relative = times.relative;
          if (!relative) { relative = new Float64Array(n); for (let i = 0; i < n; i++) relative[i] = times.wall[i] - times.wall[0]; }
          let end, finite, mean;
          if (raw.buckets) {
            const kept = bytesOf(raw.buckets.kept), counts = bytesOf(raw.buckets.finite), view = new DataView(counts.buffer);
            end = new Int32Array(kept.length); finite = new Int32Array(kept.length);
            let total = 0;
            for (let b = 0; b < kept.length; b++) { total += kept[b]; end[b] = total; finite[b] = view.getInt32(b * 4, true); }
            mean = numbers(raw.buckets.mean);
          } else {
            // Not reduced: every point is a bucket of its own, so smoothing is exactly TensorBoard's.
            end = new Int32Array(n); finite = new Int32Array(n); mean = new Float64Array(n);
            for (let i = 0; i < n; i++) { end[i] = i + 1; const ok = Number.isFinite(y[i]); finite[i] = ok ? 1 : 0; mean[i] = ok ? y[i] : 0; }
          }
          // Where a bucket's smoothed value is drawn: at its last finite point.
          const at = new Int32Array(end.length);
          let start = 0;
          for (let b = 0; b < end.length; b++) {
            at[b] = -1;
            for (let i = end[b] - 1; i >= start; i--) if (Number.isFinite(y[i])) { at[b] = i; break; }
            start = end[b];
          }
          let sorted = true, nonFinite = 0;
          for (let i = 0; i < n; i++) {
            if (i > 0 && step[i] < step[i - 1]) sorted = false;
            if (!Number.isFinite(y[i])) nonFinite++;
          }
          // TensorBoard leaves a line whose values are all equal unsmoothed (`v == yValues[0]`).
          let constant = n > 0;
          for (let i = 1; i < n && constant; i++) if (!(y[i] == y[0])) constant = false;
          if (n > 0 && !(y[0] == y[0])) constant = false;
          const band = raw.band ? { std: numbers(raw.band.std), min: numbers(raw.band.min), max: numbers(raw.band.max) } : null;
          return { index: raw.line, name: scalars.names[raw.line], count: raw.count, runs: raw.runs || 1,
            isFloat32: raw.value.f32 !== undefined, y, x: { step, wall: times.wall, relative }, end, finite, mean, at,
            band, sorted, nonFinite, constant, cache: null };
        }

        // ---------- Smoothing: TensorBoard's debiased EMA, over buckets (see ChartEncoding).
        function smooth(line, weight) {
          if (line.cache && line.cache.weight === weight) return line.cache;
          const buckets = line.end.length, at = new Int32Array(buckets), value = new Float64Array(buckets);
          const band = line.band, lower = band ? new Float64Array(buckets) : null, upper = band ? new Float64Array(buckets) : null;
          let count = 0;
          if (line.constant) {
            for (let b = 0; b < buckets; b++) {
              if (line.at[b] < 0) continue;
              at[count] = line.at[b]; value[count] = line.y[line.at[b]];
              if (band) setBand(count, value[count], band.std[b], band.min[b], band.max[b]);
              count++;
            }
          } else {
            let last = 0, n = 0, lastStd = 0, lastMin = 0, lastMax = 0;
            for (let b = 0; b < buckets; b++) {
              const k = line.finite[b];
              if (k === 0 || line.at[b] < 0) continue;
              // k points of the bucket's mean move the average as k updates would; for k = 1 this
              // is TensorBoard's `last * w + (1 - w) * value`.
              const wk = k === 1 ? weight : Math.pow(weight, k);
              last = last * wk + (1 - wk) * line.mean[b];
              n += k;
              const debias = weight === 1 ? 1 : 1 - Math.pow(weight, n);
              at[count] = line.at[b]; value[count] = last / debias;
              if (band) {
                lastStd = lastStd * wk + (1 - wk) * band.std[b];
                lastMin = lastMin * wk + (1 - wk) * band.min[b];
                lastMax = lastMax * wk + (1 - wk) * band.max[b];
                setBand(count, value[count], lastStd / debias, lastMin / debias, lastMax / debias);
              }
              count++;
            }
          }
          function setBand(i, mean, std, min, max) {
            if (R.band === 'minmax') { lower[i] = min; upper[i] = max; } else { lower[i] = mean - std; upper[i] = mean + std; }
          }
          line.cache = { weight, bandMode: R.band, at: at.subarray(0, count), value: value.subarray(0, count),
            lower: lower && lower.subarray(0, count), upper: upper && upper.subarray(0, count) };
          return line.cache;
        }

        // ---------- Numbers and times as axes and the tooltip show them.
        function exact(value, isFloat32) {
          if (Number.isNaN(value)) return 'NaN';
          if (!Number.isFinite(value)) return value > 0 ? '+∞' : '−∞';
          if (!isFloat32) return String(value);
          for (let digits = 1; digits <= 9; digits++) {
            const text = value.toPrecision(digits);
            if (Math.fround(Number(text)) === value) return String(Number(text));
          }
          return String(value);
        }
        function short(value) {
          if (Number.isNaN(value)) return 'NaN';
          if (!Number.isFinite(value)) return value > 0 ? '+∞' : '−∞';
          const magnitude = Math.abs(value);
          if (magnitude !== 0 && (magnitude >= 1e6 || magnitude < 1e-4)) return value.toExponential(4).replace(/\.?0+e/, 'e');
          return String(Number(value.toPrecision(6)));
        }
        function grouped(value) { return Math.round(value).toLocaleString('en-US'); }
        function stepLabel(value) {
          const magnitude = Math.abs(value);
          if (magnitude >= 1e9) return trim(value / 1e9) + 'G';
          if (magnitude >= 1e6) return trim(value / 1e6) + 'M';
          if (magnitude >= 1e4) return trim(value / 1e3) + 'k';
          return grouped(value);
        }
        function trim(value) { return String(Number(value.toFixed(2))); }
        function linearLabel(value, spacing) {
          if (value === 0) return '0';
          const magnitude = Math.abs(value);
          if (magnitude >= 1e6 || magnitude < 1e-4) return value.toExponential(Math.max(0, Math.min(3, Math.round(Math.log10(magnitude / spacing))))).replace('e+', 'e');
          const decimals = Math.max(0, Math.min(10, -Math.floor(Math.log10(spacing) + 1e-9)));
          return value.toFixed(decimals);
        }
        function logLabel(value) {
          if (value >= 1e-3 && value < 1e5) return String(Number(value.toPrecision(6)));
          return value.toExponential(0).replace('e+', 'e');
        }
        function duration(seconds) {
          const sign = seconds < 0 ? '−' : '';
          let s = Math.abs(seconds);
          if (s < 60) return sign + (s < 10 && s !== Math.round(s) ? s.toFixed(1) : Math.round(s)) + 's';
          s = Math.round(s);
          const d = Math.floor(s / 86400), h = Math.floor(s % 86400 / 3600), m = Math.floor(s % 3600 / 60), r = s % 60;
          if (d > 0) return sign + d + 'd' + (h ? ' ' + h + 'h' : '');
          if (h > 0) return sign + h + 'h' + (m ? ' ' + m + 'm' : '');
          return sign + m + 'm' + (r ? ' ' + r + 's' : '');
        }
        const pad = (n) => String(n).padStart(2, '0');
        const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
        function wallLabel(seconds, spacing) {
          const date = new Date(seconds * 1000);
          const time = pad(date.getHours()) + ':' + pad(date.getMinutes()) + (spacing < 60 ? ':' + pad(date.getSeconds()) : '');
          if (spacing >= 86400) return months[date.getMonth()] + ' ' + date.getDate();
          if (spacing >= 3600 * 6 || (date.getHours() === 0 && date.getMinutes() === 0)) return months[date.getMonth()] + ' ' + date.getDate() + ' ' + time;
          return time;
        }
        function wallText(seconds) {
          const date = new Date(seconds * 1000);
          return date.getFullYear() + '-' + pad(date.getMonth() + 1) + '-' + pad(date.getDate()) + ' ' + pad(date.getHours()) + ':' + pad(date.getMinutes()) + ':' + pad(date.getSeconds());
        }

        // ---------- Ticks.
        function niceSpacing(range, count) {
          const raw = range / Math.max(1, count), power = Math.pow(10, Math.floor(Math.log10(raw))), f = raw / power;
          return (f < 1.5 ? 1 : f < 3 ? 2 : f < 7 ? 5 : 10) * power;
        }
        function linearTicks(low, high, count, integer) {
          let spacing = niceSpacing(high - low, count);
          if (integer) spacing = Math.max(1, spacing);
          const ticks = [];
          for (let v = Math.ceil(low / spacing - 1e-9) * spacing; v <= high + spacing * 1e-9; v += spacing) ticks.push(Math.abs(v) < spacing * 1e-9 ? 0 : v);
          return { ticks, spacing };
        }
        const timeSteps = [1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 10800, 21600, 43200, 86400, 172800, 604800, 2592000];
        function timeTicks(low, high, count, offset) {
          const target = (high - low) / Math.max(1, count);
          let spacing = timeSteps.find((s) => s >= target);
          if (spacing === undefined) spacing = niceSpacing(high - low, count);
          if (target < 1) return linearTicks(low, high, count, false);
          const ticks = [];
          for (let v = Math.ceil((low + offset) / spacing) * spacing - offset; v <= high + 1e-9; v += spacing) ticks.push(v);
          return { ticks, spacing };
        }
        function logTicks(low, high) {
          const first = Math.floor(Math.log10(low)), last = Math.ceil(Math.log10(high)), ticks = [];
          const decades = last - first, factors = decades <= 1 ? [1, 2, 5] : decades <= 3 ? [1, 3] : [1];
          const every = Math.max(1, Math.ceil(decades / 6));
          for (let e = first; e <= last; e++) {
            if ((e - first) % every) continue;
            for (const f of factors) { const v = f * Math.pow(10, e); if (v >= low * 0.999 && v <= high * 1.001) ticks.push(v); }
          }
          return { ticks, spacing: 0 };
        }

        // ---------- Charts.
        const xOf = (line) => line.x[R.xAxis];
        const isShown = (line) => !R.hidden.has(line.index) && (!R.filter || R.filter(line.name));
        function chartLines(chart) {
          if (!chart.lines) chart.lines = scalars.charts[chart.index].lines.map(decodeLine);
          return chart.lines;
        }
        function sizeCanvas(canvas, width, height) {
          const ratio = window.devicePixelRatio || 1;
          const w = Math.max(1, Math.round(width * ratio)), h = Math.max(1, Math.round(height * ratio));
          if (canvas.width !== w || canvas.height !== h) { canvas.width = w; canvas.height = h; }
          const context = canvas.getContext('2d');
          context.setTransform(ratio, 0, 0, ratio, 0, 0);
          return context;
        }
        function draw(chart) {
          chart.dirty = false;
          const width = chart.plot.clientWidth, height = chart.plot.clientHeight;
          if (width === 0 || height === 0) { chart.dirty = true; return; }
          const context = sizeCanvas(chart.base, width, height);
          sizeCanvas(chart.overlay, width, height).clearRect(0, 0, width, height);
          context.clearRect(0, 0, width, height);
          const lines = chartLines(chart).filter(isShown), log = R.yScale === 'log', weight = R.weight;
          const showBand = R.band !== 'none';
          let x0 = Infinity, x1 = -Infinity, y0 = Infinity, y1 = -Infinity, markers = 0;
          const inY = (v) => Number.isFinite(v) && (!log || v > 0);
          for (const line of lines) {
            const xs = xOf(line);
            for (let i = 0; i < line.y.length; i++) {
              const x = xs[i];
              if (Number.isFinite(x)) { if (x < x0) x0 = x; if (x > x1) x1 = x; }
              const y = line.y[i];
              if (inY(y)) { if (y < y0) y0 = y; if (y > y1) y1 = y; }
            }
            if (line.band && showBand) {
              const s = smooth(line, weight);
              for (let i = 0; i < s.at.length; i++) {
                if (inY(s.lower[i])) { if (s.lower[i] < y0) y0 = s.lower[i]; }
                if (inY(s.upper[i])) { if (s.upper[i] > y1) y1 = s.upper[i]; }
              }
            }
          }
          context.font = FONT;
          const empty = !(x0 <= x1) || !(y0 <= y1);
          if (empty) {
            context.fillStyle = colors.text3; context.textAlign = 'center';
            context.fillText(lines.length === 0 ? 'No line matches the filter' : log ? 'No positive value for a log scale' : 'No finite value', width / 2, height / 2);
            chart.drawn = { weight, xAxis: R.xAxis, yScale: R.yScale, lines: [], markers: 0 };
            chart.view = null;
            return;
          }
          if (x0 === x1) { x0 -= 1; x1 += 1; }
          if (log) {
            if (y0 === y1) { y0 /= 2; y1 *= 2; }
            const span = Math.log10(y1 / y0) * 0.04; y0 /= Math.pow(10, span); y1 *= Math.pow(10, span);
          } else {
            if (y0 === y1) { const d = Math.abs(y0) * 0.1 || 1; y0 -= d; y1 += d; }
            const d = (y1 - y0) * 0.05; y0 -= d; y1 += d;
          }
          const yTicks = log ? logTicks(y0, y1) : linearTicks(y0, y1, Math.max(2, Math.round(height / 48)), false);
          const yText = (v) => log ? logLabel(v) : linearLabel(v, yTicks.spacing);
          let left = 0;
          for (const v of yTicks.ticks) left = Math.max(left, context.measureText(yText(v)).width);
          const m = { left: Math.ceil(left) + 12, right: 12, top: 10, bottom: 24 };
          const plotW = width - m.left - m.right, plotH = height - m.top - m.bottom;
          const xCount = Math.max(2, Math.round(plotW / 90));
          const xTicks = R.xAxis === 'step' ? linearTicks(x0, x1, xCount, true)
            : timeTicks(x0, x1, xCount, R.xAxis === 'wall' ? -new Date(x0 * 1000).getTimezoneOffset() * 60 : 0);
          const xText = (v) => R.xAxis === 'step' ? stepLabel(v) : R.xAxis === 'relative' ? duration(v) : wallLabel(v, xTicks.spacing);
          const sx = (x) => m.left + (x - x0) / (x1 - x0) * plotW;
          const ly0 = log ? Math.log10(y0) : 0, ly1 = log ? Math.log10(y1) : 0;
          const sy = log ? (y) => m.top + (1 - (Math.log10(y) - ly0) / (ly1 - ly0)) * plotH
            : (y) => m.top + (1 - (y - y0) / (y1 - y0)) * plotH;

          // Grid and labels.
          context.lineWidth = 1;
          context.strokeStyle = colors.grid;
          context.fillStyle = colors.text3;
          context.textAlign = 'right'; context.textBaseline = 'middle';
          context.beginPath();
          for (const v of yTicks.ticks) {
            const y = Math.round(sy(v)) + 0.5;
            context.moveTo(m.left, y); context.lineTo(width - m.right, y);
            context.fillText(yText(v), m.left - 8, y);
          }
          context.textAlign = 'center'; context.textBaseline = 'top';
          let lastRight = -Infinity;
          for (const v of xTicks.ticks) {
            const x = Math.round(sx(v)) + 0.5;
            if (x < m.left - 1 || x > width - m.right + 1) continue;
            context.moveTo(x, m.top); context.lineTo(x, m.top + plotH);
            const text = xText(v), w = context.measureText(text).width;
            if (x - w / 2 > lastRight + 6 && x + w / 2 <= width) { context.fillText(text, x, m.top + plotH + 7); lastRight = x + w / 2; }
          }
          context.stroke();
          context.strokeStyle = colors.axis;
          context.beginPath();
          context.moveTo(m.left, Math.round(m.top + plotH) + 0.5); context.lineTo(width - m.right, Math.round(m.top + plotH) + 0.5);
          context.stroke();

          // Lines: the band, then the raw line faint, then the smoothed line.
          context.save();
          context.beginPath(); context.rect(m.left, m.top - 2, plotW, plotH + 4); context.clip();
          context.lineJoin = 'round'; context.lineCap = 'round';
          const record = [];
          const many = lines.length > 60;
          for (const line of lines) {
            const xs = xOf(line), s = smooth(line, weight), color = lineColor(line.index);
            if (line.band && showBand && s.at.length > 1) {
              context.globalAlpha = isDark() ? 0.2 : 0.14; context.fillStyle = color;
              context.beginPath();
              let started = false;
              for (let i = 0; i < s.at.length; i++) {
                const x = xs[s.at[i]], v = s.upper[i];
                if (!Number.isFinite(x) || !inY(v)) continue;
                if (!started) { context.moveTo(sx(x), sy(v)); started = true; } else context.lineTo(sx(x), sy(v));
              }
              for (let i = s.at.length - 1; i >= 0; i--) {
                const x = xs[s.at[i]], v = log ? Math.max(s.lower[i], y0) : s.lower[i];
                if (!Number.isFinite(x) || !inY(v)) continue;
                context.lineTo(sx(x), sy(v));
              }
              context.closePath(); context.fill();
            }
            if (weight > 0) {
              context.globalAlpha = many ? 0.12 : isDark() ? 0.3 : 0.24; context.strokeStyle = color; context.lineWidth = 1;
              path(context, xs, line.y, null, sx, sy, inY);
              context.stroke();
            }
          }
          for (const line of lines) {
            const xs = xOf(line), s = smooth(line, weight);
            context.globalAlpha = many ? 0.6 : 1; context.strokeStyle = lineColor(line.index); context.lineWidth = many ? 1 : 1.75;
            const pixels = path(context, xs, s.value, s.at, sx, sy, inY);
            context.stroke();
            // A line of one point is a dot.
            const drawable = pixels.filter((p) => p !== null);
            if (drawable.length === 1) {
              const k = pixels.indexOf(drawable[0]);
              context.fillStyle = lineColor(line.index);
              context.beginPath(); context.arc(sx(xs[s.at[k]]), drawable[0], 3, 0, 2 * Math.PI); context.fill();
            }
            record.push({ line: line.index, name: line.name, points: s.value.length, smoothedY: pixels });
          }
          context.restore();
          // Non-finite values as triangles at the edge: NaN and +∞ at the top, −∞ at the bottom
          // (hollow for NaN), in the line's colour.
          context.globalAlpha = 1; context.lineWidth = 1.2;
          for (const line of lines) {
            if (line.nonFinite === 0) continue;
            const xs = xOf(line);
            context.strokeStyle = context.fillStyle = lineColor(line.index);
            for (let i = 0; i < line.y.length; i++) {
              const v = line.y[i];
              if (Number.isFinite(v) || !Number.isFinite(xs[i])) continue;
              const x = sx(xs[i]), top = !(v < 0), y = top ? m.top + 1 : m.top + plotH - 1, d = top ? 1 : -1;
              context.beginPath();
              context.moveTo(x, y); context.lineTo(x - 4, y + 7 * d); context.lineTo(x + 4, y + 7 * d); context.closePath();
              if (Number.isNaN(v)) context.stroke(); else context.fill();
              markers++;
            }
          }
          chart.note.hidden = markers === 0;
          if (markers > 0) chart.note.textContent = '▲ NaN (hollow) and ±∞ (filled) values are marked at the edge of the chart';
          chart.view = { x0, x1, y0, y1, m, plotW, plotH, sx, sy, log, lines, width, height };
          chart.drawn = { weight, xAxis: R.xAxis, yScale: R.yScale, band: R.band, lines: record, markers };
          R.drawCount++;
          if (R.firstDrawAt === null) R.firstDrawAt = performance.now();
        }
        // Adds a line through (xs[i], ys[i]) to the context's path (i over `indices` when given),
        // skipping points that cannot be drawn; returns the pixel heights, for tests.
        function path(context, xs, ys, indices, sx, sy, inY) {
          context.beginPath();
          const n = indices ? indices.length : ys.length, pixels = new Array(n);
          let started = false;
          for (let k = 0; k < n; k++) {
            const x = xs[indices ? indices[k] : k], y = ys[k];
            if (!Number.isFinite(x) || !inY(y)) { pixels[k] = null; continue; }
            const px = sx(x), py = sy(y);
            pixels[k] = Math.round(py * 100) / 100;
            if (!started) { context.moveTo(px, py); started = true; } else context.lineTo(px, py);
          }
          return pixels;
        }

        // ---------- Hover: the nearest point of each line, on the overlay canvas.
        const tooltip = doc.getElementById('tooltip');
        function nearest(xs, indices, target, sorted) {
          const n = indices ? indices.length : xs.length;
          if (n === 0) return -1;
          const at = (k) => xs[indices ? indices[k] : k];
          if (sorted) {
            let lo = 0, hi = n - 1;
            while (lo < hi) { const mid = (lo + hi) >> 1; if (at(mid) < target) lo = mid + 1; else hi = mid; }
            if (lo > 0 && Math.abs(at(lo - 1) - target) <= Math.abs(at(lo) - target)) lo--;
            return lo;
          }
          let best = -1, distance = Infinity;
          for (let k = 0; k < n; k++) { const d = Math.abs(at(k) - target); if (d < distance) { distance = d; best = k; } }
          return best;
        }
        function hover(chart, event) {
          const view = chart.view;
          if (!view) return;
          const rect = chart.overlay.getBoundingClientRect();
          const mx = event.clientX - rect.left, my = event.clientY - rect.top;
          const context = sizeCanvas(chart.overlay, view.width, view.height);
          context.clearRect(0, 0, view.width, view.height);
          if (mx < view.m.left || mx > view.width - view.m.right) { hideTip(); return; }
          const target = view.x0 + (mx - view.m.left) / view.plotW * (view.x1 - view.x0);
          const rows = [];
          for (const line of view.lines) {
            const xs = xOf(line), s = smooth(line, R.weight);
            const k = nearest(xs, s.at, target, line.sorted);
            const i = nearest(xs, null, target, line.sorted);
            if (i < 0) continue;
            const smoothed = k >= 0 ? s.value[k] : NaN, px = k >= 0 ? view.sx(xs[s.at[k]]) : view.sx(xs[i]);
            const py = k >= 0 && Number.isFinite(smoothed) && (!view.log || smoothed > 0) ? view.sy(smoothed) : null;
            rows.push({ line, i, smoothed, px, py, distance: py === null ? Infinity : Math.abs(py - my) });
          }
          if (rows.length === 0) { hideTip(); return; }
          rows.sort((a, b) => a.distance - b.distance || a.line.index - b.line.index);
          // The nearest line, drawn over the others.
          const near = rows[0].line, nearX = xOf(near), nearS = smooth(near, R.weight);
          context.save();
          context.beginPath(); context.rect(view.m.left, view.m.top - 2, view.plotW, view.plotH + 4); context.clip();
          context.strokeStyle = lineColor(near.index); context.lineWidth = 2.5; context.lineJoin = 'round';
          path(context, nearX, nearS.value, nearS.at, view.sx, view.sy, (v) => Number.isFinite(v) && (!view.log || v > 0));
          context.stroke();
          context.restore();
          const snapped = rows[0].px;
          context.strokeStyle = colors.axis; context.lineWidth = 1;
          context.beginPath(); context.moveTo(Math.round(snapped) + 0.5, view.m.top); context.lineTo(Math.round(snapped) + 0.5, view.m.top + view.plotH); context.stroke();
          for (const row of rows.slice(0, TOOLTIP_ROWS)) {
            if (row.py === null) continue;
            context.fillStyle = lineColor(row.line.index); context.strokeStyle = colors.surface; context.lineWidth = 2;
            context.beginPath(); context.arc(row.px, row.py, row === rows[0] ? 4.5 : 3.5, 0, 2 * Math.PI); context.fill(); context.stroke();
          }
          showTip(rows, event);
        }
        function cell(row, text, className) {
          const td = doc.createElement('td');
          if (className) td.className = className;
          td.textContent = text;
          row.appendChild(td);
          return td;
        }
        function showTip(rows, event) {
          tooltip.replaceChildren();
          const head = doc.createElement('div');
          head.className = 'tip-head';
          const first = rows[0], xs = first.line.x;
          head.textContent = R.xAxis === 'step' ? 'Step ' + grouped(xs.step[first.i])
            : R.xAxis === 'relative' ? duration(xs.relative[first.i]) + ' after start' : wallText(xs.wall[first.i]);
          const table = doc.createElement('table'), header = doc.createElement('tr');
          for (const title of [R.data.grouped ? 'Group' : 'Run', 'Smoothed', 'Value', 'Step', 'Relative']) {
            const th = doc.createElement('th'); th.textContent = title; header.appendChild(th);
          }
          table.appendChild(header);
          for (const row of rows.slice(0, TOOLTIP_ROWS)) {
            const tr = doc.createElement('tr'), line = row.line;
            const name = cell(tr, '');
            const swatch = doc.createElement('span');
            swatch.className = 'swatch';
            swatch.className = 'swatch c' + (line.index % data.palette.light.length);
            name.appendChild(swatch);
            name.appendChild(doc.createTextNode(line.name + (line.runs > 1 ? ' (' + line.runs + ' runs)' : '')));
            name.title = line.name;
            cell(tr, short(row.smoothed));
            cell(tr, exact(line.y[row.i], line.isFloat32));
            cell(tr, grouped(line.x.step[row.i]));
            cell(tr, duration(line.x.relative[row.i]));
            table.appendChild(tr);
          }
          tooltip.appendChild(head);
          tooltip.appendChild(table);
          if (rows.length > TOOLTIP_ROWS) {
            const more = doc.createElement('div');
            more.className = 'more';
            more.textContent = '+ ' + (rows.length - TOOLTIP_ROWS) + ' more lines (the nearest are shown)';
            tooltip.appendChild(more);
          }
          tooltip.hidden = false;
          const w = tooltip.offsetWidth, h = tooltip.offsetHeight;
          let left = event.clientX + 16, top = event.clientY + 16;
          if (left + w > innerWidth - 8) left = Math.max(8, event.clientX - w - 16);
          if (top + h > innerHeight - 8) top = Math.max(8, event.clientY - h - 16);
          tooltip.style.left = left + 'px'; tooltip.style.top = top + 'px';
        }
        function hideTip() { tooltip.hidden = true; }

        // ---------- Drawing when in view.
        let frame = 0;
        function schedule() {
          if (frame) return;
          frame = requestAnimationFrame(() => {
            frame = 0;
            for (const chart of R.charts) if (chart.visible && chart.dirty) draw(chart);
          });
        }
        function invalidateAll() {
          for (const chart of R.charts) { chart.dirty = true; if (chart.lines) for (const line of chart.lines) line.cache = null; }
          schedule();
        }
        function redrawAll() { for (const chart of R.charts) chart.dirty = true; schedule(); }
        if (scalars) {
          const observer = new IntersectionObserver((entries) => {
            for (const entry of entries) { const chart = entry.target.chart; chart.visible = entry.isIntersecting; }
            schedule();
          }, { rootMargin: '240px 0px' });
          const resized = new ResizeObserver((entries) => {
            for (const entry of entries) {
              const chart = entry.target.chart, width = Math.round(entry.contentRect.width);
              if (chart.width !== width) { chart.width = width; chart.dirty = true; }
            }
            schedule();
          });
          for (const figure of doc.querySelectorAll('figure.chart')) {
            const index = Number(figure.dataset.chart);
            const chart = { index, tag: scalars.charts[index].tag, figure, plot: figure.querySelector('.plot'),
              base: figure.querySelector('canvas.base'), overlay: figure.querySelector('canvas.overlay'),
              note: figure.querySelector('.nonfinite'), lines: null, dirty: true, visible: false, drawn: null, view: null, width: 0 };
            figure.chart = chart; chart.plot.chart = chart;
            R.charts[index] = chart;
            observer.observe(figure);
            resized.observe(chart.plot);
            chart.overlay.addEventListener('pointermove', (event) => hover(chart, event));
            chart.overlay.addEventListener('pointerleave', () => {
              hideTip();
              if (chart.view) sizeCanvas(chart.overlay, chart.view.width, chart.view.height).clearRect(0, 0, chart.view.width, chart.view.height);
            });
          }
        }

        // ---------- Controls.
        const slider = doc.getElementById('smoothing');
        if (slider) {
          const output = doc.getElementById('smoothing-value');
          slider.value = String(R.weight);
          output.textContent = R.weight.toFixed(3);
          slider.addEventListener('input', () => {
            R.weight = Math.min(0.999, Math.max(0, Number(slider.value)));
            output.textContent = R.weight.toFixed(3);
            redrawAll();
          });
        }
        function segmented(attribute, apply) {
          const buttons = doc.querySelectorAll('button[data-' + attribute + ']');
          for (const button of buttons) {
            button.addEventListener('click', () => {
              for (const other of buttons) other.setAttribute('aria-pressed', String(other === button));
              apply(button.dataset[attribute]);
            });
          }
        }
        segmented('x', (value) => { R.xAxis = value; redrawAll(); });
        segmented('y', (value) => { R.yScale = value; redrawAll(); });
        segmented('band', (value) => { R.band = value; invalidateAll(); });

        // ---------- Legend: every line's name and colour; click hides or shows a line.
        const legend = doc.getElementById('legend');
        let legendOpen = false;
        function buildLegend() {
          if (!legend || !scalars) return;
          const names = scalars.names, matching = [];
          for (let i = 0; i < names.length; i++) if (!R.filter || R.filter(names[i])) matching.push(i);
          const shown = legendOpen ? matching : matching.slice(0, LEGEND_FOLD);
          const fragment = doc.createDocumentFragment();
          for (const index of shown) {
            const item = doc.createElement('button');
            item.type = 'button';
            item.className = 'legend-item';
            item.dataset.line = String(index);
            item.setAttribute('aria-pressed', String(!R.hidden.has(index)));
            item.title = names[index] + ' (click to hide or show; double-click to show it alone)';
            const swatch = doc.createElement('span');
            swatch.className = 'swatch c' + (index % data.palette.light.length);
            const label = doc.createElement('span');
            label.className = 'label';
            label.textContent = names[index];
            item.append(swatch, label);
            fragment.appendChild(item);
          }
          if (matching.length > LEGEND_FOLD) {
            const more = doc.createElement('button');
            more.type = 'button';
            more.className = 'link legend-more';
            more.id = 'legend-more';
            more.textContent = legendOpen ? 'Show fewer' : '+ ' + grouped(matching.length - LEGEND_FOLD) + ' more';
            fragment.appendChild(more);
          }
          if (R.hidden.size > 0) {
            const all = doc.createElement('button');
            all.type = 'button'; all.className = 'link'; all.id = 'legend-all';
            all.textContent = 'Show all ' + (R.data.grouped ? 'groups' : 'runs');
            fragment.appendChild(all);
          }
          if (matching.length === 0) {
            const none = doc.createElement('span');
            none.className = 'legend-hint';
            none.textContent = 'No line matches the filter.';
            fragment.appendChild(none);
          }
          legend.replaceChildren(fragment);
        }
        if (legend) {
          legend.addEventListener('click', (event) => {
            const target = event.target.closest('button');
            if (!target) return;
            if (target.id === 'legend-more') { legendOpen = !legendOpen; buildLegend(); return; }
            if (target.id === 'legend-all') { R.hidden.clear(); buildLegend(); redrawAll(); return; }
            const index = Number(target.dataset.line);
            if (R.hidden.has(index)) R.hidden.delete(index); else R.hidden.add(index);
            target.setAttribute('aria-pressed', String(!R.hidden.has(index)));
            buildLegend();
            redrawAll();
          });
          legend.addEventListener('dblclick', (event) => {
            const target = event.target.closest('button.legend-item');
            if (!target) return;
            const index = Number(target.dataset.line);
            R.hidden = new Set(scalars.names.map((_, i) => i).filter((i) => i !== index));
            buildLegend();
            redrawAll();
          });
        }

        // ---------- The filter: a regular expression (or, when it is not one, text) that runs,
        // groups, legend entries and cards must match.
        const filterInput = doc.getElementById('filter'), filterCount = doc.getElementById('filter-count');
        const filterables = Array.from(doc.querySelectorAll('main [data-name]'));
        const rows = Array.from(doc.querySelectorAll('#overview-table tbody tr'));
        let filterTimer = 0;
        function compileFilter(text) {
          if (!text) return null;
          let pattern;
          try { pattern = new RegExp(text, 'i'); filterInput.classList.remove('invalid'); } catch (e) {
            filterInput.classList.add('invalid');
            const lower = text.toLowerCase();
            return (name) => name.toLowerCase().includes(lower);
          }
          return (name) => pattern.test(name);
        }
        function applyFilter() {
          R.filter = compileFilter(filterInput.value);
          for (const element of filterables) {
            const keep = !R.filter || R.filter(element.dataset.name) || (element.dataset.group !== undefined && R.filter(element.dataset.group));
            element.hidden = !keep;
          }
          const shownRows = rows.filter((row) => !row.hidden).length;
          filterCount.textContent = R.filter ? shownRows + ' of ' + rows.length : '';
          buildLegend();
          redrawAll();
        }
        filterInput.addEventListener('input', () => { clearTimeout(filterTimer); filterTimer = setTimeout(applyFilter, 120); });
        filterInput.addEventListener('search', applyFilter);

        // ---------- The overview: sort by any column, show the folded columns.
        const table = doc.getElementById('overview-table');
        if (table) {
          const body = table.tBodies[0];
          table.tHead.addEventListener('click', (event) => {
            const th = event.target.closest('th[data-col]');
            if (!th) return;
            const column = Number(th.dataset.col), numeric = th.dataset.type === 'number';
            const ascending = th.getAttribute('aria-sort') !== 'ascending';
            for (const other of table.tHead.querySelectorAll('th[data-col]')) other.setAttribute('aria-sort', 'none');
            th.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
            const keyed = Array.from(body.rows, (row, position) => {
              const raw = row.cells[column] ? row.cells[column].dataset.sort : '';
              const key = numeric ? (raw === '' ? NaN : Number(raw)) : raw;
              return { row, key, missing: numeric ? Number.isNaN(key) : raw === '', position };
            });
            keyed.sort((a, b) => {
              if (a.missing !== b.missing) return a.missing ? 1 : -1;   // no value: always last
              if (a.missing) return a.position - b.position;
              const order = numeric ? a.key - b.key : a.key.localeCompare(b.key, 'en', { numeric: true });
              return (ascending ? order : -order) || a.position - b.position;
            });
            const fragment = doc.createDocumentFragment();
            for (const item of keyed) fragment.appendChild(item.row);
            body.appendChild(fragment);
          });
        }
        const foldButton = doc.getElementById('toggle-constant');
        if (foldButton && table) {
          foldButton.addEventListener('click', () => {
            const folded = table.classList.toggle('hide-constant');
            for (const th of table.tHead.querySelectorAll('th[data-colspan-all]')) {
              th.colSpan = Number(folded ? th.dataset.colspanFolded : th.dataset.colspanAll);
              if (!folded) th.classList.remove('constant'); else if (th.dataset.colspanFolded === '1' && !table.tHead.querySelector('th.hp:not(.constant)')) th.classList.add('constant');
            }
            foldButton.setAttribute('aria-pressed', String(!folded));
            foldButton.textContent = folded ? foldButton.dataset.show : foldButton.dataset.hide;
          });
        }

        // ---------- Navigation: the section in view.
        const links = new Map(Array.from(doc.querySelectorAll('.nav a'), (a) => [a.getAttribute('href').slice(1), a]));
        const spy = new IntersectionObserver((entries) => {
          for (const entry of entries) {
            const link = links.get(entry.target.id);
            if (link && entry.isIntersecting) {
              for (const other of links.values()) other.removeAttribute('aria-current');
              link.setAttribute('aria-current', 'true');
            }
          }
        }, { rootMargin: '-30% 0px -60% 0px' });
        for (const section of doc.querySelectorAll('main > section')) spy.observe(section);

        // ---------- For tests and the curious.
        R.smoothedValues = (index) => {
          const chart = R.charts[index];
          return chartLines(chart).map((line) => {
            const s = smooth(line, R.weight);
            return { name: line.name, steps: Array.from(s.at, (i) => line.x.step[i]), values: Array.from(s.value) };
          });
        };
        R.draw = (index) => draw(R.charts[index]);
        applyTheme();
        buildLegend();
        R.ready = true;
        })();
        """#
}

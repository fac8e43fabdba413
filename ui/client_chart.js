// Client-side charts (ui/client_chart.py): sliders whose consequence is closed-form given arrays the
// NumPy core computed, redrawn by the browser in the frame of the move. Each formula below names the
// Python it mirrors; tests/e2e/test_client_charts.py checks its numbers against bn_core.
//
// data: {figure: JSON of the figure for the current values, config, sliders: [{key, label, min, max,
// step, value}], model: {kind, ...arrays as base64 float64}, alt, src: plotly.min.js}.
// The settled values go back as the state "values" ({key: number}), 250 ms after the last change.

const SETTLE_MS = 250;

// ---- the formulas ---------------------------------------------------------------------------------

/** base64 of little-endian float64 bytes (ui.client_chart.f64) -> Float64Array. */
function f64(b64) {
  const bytes = Uint8Array.from(atob(b64), c => c.charCodeAt(0));
  return new Float64Array(bytes.buffer);
}

/** numpy.linspace(first, last, n + 1): i * step + first, the last edge set to `last` exactly. */
function linspace(first, last, n) {
  const step = (last - first) / n, edges = new Float64Array(n + 1);
  for (let i = 0; i <= n; i++) edges[i] = i * step + first;
  edges[n] = last;
  return edges;
}

/** numpy.histogram(v, bins) with its outer edges (min, max; a zero-width range widened by ±0.5) and
 * its bin rule (the last bin holds its right edge; ±1 corrections near edges). -> [counts, edges] */
function histogram(v, bins) {
  let first = Infinity, last = -Infinity;
  for (const a of v) { if (a < first) first = a; if (a > last) last = a; }
  if (first === last) { first -= 0.5; last += 0.5; }
  const edges = linspace(first, last, bins), counts = new Array(bins).fill(0), denom = last - first;
  for (const a of v) {
    let i = Math.trunc(((a - first) / denom) * bins);
    if (i === bins) i -= 1;
    if (a < edges[i]) i -= 1;
    if (a >= edges[i + 1] && i !== bins - 1) i += 1;
    counts[i] += 1;
  }
  return [counts, edges];
}

/** figures.histograms.binned: (centres, counts, width) of the finite values of v in `bins` bins, laid
 * out on v / max|v| and scaled back; a constant v gets NumPy's unit-wide range around its value. */
function binned(v, bins) {
  v = v.filter(Number.isFinite);
  if (!v.length) {
    const centres = Array.from({ length: bins }, (_, i) => linspace(0, 1, bins)[i] + 0.5 / bins);
    return [centres, new Array(bins).fill(0), 1 / bins];
  }
  const s = v.reduce((m, a) => Math.max(m, Math.abs(a)), 0) || 1;
  const scaled = v.map(a => a / s);
  if (Math.min(...scaled) === Math.max(...scaled)) {
    const [counts, e] = histogram(v, bins);
    return [Array.from(counts, (_, i) => 0.5 * (e[i] + e[i + 1])), counts, e[1] - e[0]];
  }
  const [counts, e] = histogram(scaled, bins);
  return [Array.from(counts, (_, i) => (e[i] / 2 + e[i + 1] / 2) * s), counts, (e[1] - e[0]) * s];
}

/** bn_core.batchnorm_forward, step 4: y = x_hat * gamma + beta, in float64 and in that order. */
const scaleShift = (xHat, gamma, beta) => xHat.map(x => x * gamma + beta);

/** bn_core.running.update_running for one feature from the initial state (mean 0, variance 1):
 * running = (1 - w) * running + w * batch with w = momentum (PyTorch) or 1 - momentum (Keras,
 * Convention.new_batch_weight); the variance fed in is unbiased, σ²·N/(N - 1), in PyTorch's convention
 * only. mu, variance: (T,) batch mean and biased variance; n: the batch size. -> [mean, var], (T + 1,) */
function runningStats(mu, variance, n, convention, momentum) {
  const w = convention === "keras" ? 1 - momentum : momentum, unbiased = convention !== "keras";
  const mean = [0], vars = [1];
  for (let t = 0; t < mu.length; t++) {
    const fed = unbiased ? variance[t] * (n / (n - 1)) : variance[t];
    mean.push((1 - w) * mean[t] + w * mu[t]);
    vars.push((1 - w) * vars[t] + w * fed);
  }
  return [mean, vars];
}

/** figures.ema._fix_y: the range of every value with 5 % of it added on each side (1 if it is 0). */
function fixedRange(...series) {
  let lo = Infinity, hi = -Infinity;
  for (const s of series) for (const v of s) { if (v < lo) lo = v; if (v > hi) hi = v; }
  const pad = 0.05 * (hi - lo) || 1;
  return [lo - pad, hi + pad];
}

// Each model rewrites the parsed figure (data, layout, frames) for the slider values.
const MODELS = {
  // Histograms of y_j = γ_j x̂_j + β_j (figures.histograms.before_after_histograms' right panel).
  // model: {x_hat: [per feature j, base64], traces: [trace index of feature j], bins,
  //         gamma: [slider key of γ_j], beta: [slider key of β_j]}
  affine_histograms(fig, model, values) {
    model.x_hat.forEach((_, j) => {
      const [x, y, width] = binned(scaleShift(model.cache.x_hat[j], values[model.gamma[j]],
                                              values[model.beta[j]]), model.bins);
      Object.assign(fig.data[model.traces[j]], { x, y, width });
    });
  },
  // The running statistics chasing the batch statistics (figures.ema.ema_figure): the running mean
  // and variance traces of the shown step and of every frame, and both panels' fixed y-ranges.
  // model: {mu, var: base64 (T,), extra_mean, extra_var: base64 (the other series in each panel's
  //         range), n, convention, momentum: slider key, active, traces: [mean, var], axes: [y, y2]}
  ema(fig, model, values) {
    const c = model.cache, [mean, vars] = runningStats(c.mu, c.var, model.n, model.convention,
                                                       values[model.momentum]);
    const reveal = (data, k) => { data[model.traces[0]].y = mean.slice(0, k + 1);
                                  data[model.traces[1]].y = vars.slice(0, k + 1); };
    reveal(fig.data, model.active);
    for (const frame of fig.frames || []) reveal(frame.data, Number(frame.name));
    fig.layout[model.axes[0]].range = fixedRange(c.extra_mean, mean);
    fig.layout[model.axes[1]].range = fixedRange(c.extra_var, vars);
  },
};

// ---- the component --------------------------------------------------------------------------------

function loadPlotly(src) {
  if (window.Plotly) return Promise.resolve(window.Plotly);
  if (!window.__labPlotly) {
    window.__labPlotly = new Promise((resolve, reject) => {
      const script = document.createElement("script");
      script.src = new URL(src, document.baseURI.replace(/[^/]*([?#].*)?$/, "")).href;
      script.onload = () => resolve(window.Plotly);
      script.onerror = reject;
      document.head.appendChild(script);
    });
  }
  return window.__labPlotly;
}

/** Decodes the model's base64 arrays (and lists of them) once per run into model.cache. */
function prepare(model) {
  model.cache = {};
  for (const [k, v] of Object.entries(model)) {
    if (model.arrays && model.arrays.includes(k)) model.cache[k] = Array.isArray(v) ? v.map(f64) : f64(v);
  }
  return model;
}

function buildSliders(box, state) {
  box.replaceChildren();
  state.inputs = {};
  for (const s of state.data.sliders) {
    const label = document.createElement("label");
    label.className = "lab-cc-slider";
    label.dataset.testid = "labClientSlider";
    label.dataset.key = s.key;
    const head = document.createElement("div");
    head.className = "lab-cc-head";
    const name = document.createElement("span");
    name.textContent = s.label;
    const out = document.createElement("output");
    head.append(name, out);
    const input = document.createElement("input");
    Object.assign(input, { type: "range", min: s.min, max: s.max, step: s.step });
    input.value = String(s.value);
    input.setAttribute("aria-label", s.label);
    input.disabled = Boolean(s.disabled);
    if (s.help) label.title = s.help;
    out.textContent = s.value.toFixed(decimals(s.step));
    input.addEventListener("input", () => {
      state.values[s.key] = input.valueAsNumber;
      out.textContent = input.valueAsNumber.toFixed(decimals(s.step));
      state.dirty = true;
      redraw(state);
      clearTimeout(state.timer);
    });
    input.addEventListener("change", () => {
      clearTimeout(state.timer);
      state.timer = setTimeout(() => state.send({ ...state.values }), SETTLE_MS);
    });
    label.append(head, input);
    box.append(label);
    state.inputs[s.key] = { input, out, step: s.step };
  }
}

const decimals = step => Math.max(0, -Math.floor(Math.log10(step) + 1e-9));

function redraw(state) {
  if (!state.plot || !window.Plotly) return;
  const fig = JSON.parse(state.data.figure);
  MODELS[state.model.kind](fig, state.model, state.values);
  // the figure's datarevision is a digest of the server's data: a new one makes plotly.js redraw
  fig.layout.datarevision = `${fig.layout.datarevision}:${JSON.stringify(state.values)}`;
  window.Plotly.react(state.plot, { data: fig.data, layout: fig.layout, frames: fig.frames,
                                    config: { ...state.data.config, responsive: true } });
}

function draw(state) {
  const fig = JSON.parse(state.data.figure);
  return window.Plotly.react(state.plot, { data: fig.data, layout: fig.layout, frames: fig.frames,
                                           config: { ...state.data.config, responsive: true } });
}

const sameValues = (a, b) => Object.keys(a).every(k => a[k] === b[k]);

export default function (component) {
  const { data, parentElement, setStateValue } = component;
  const root = parentElement.querySelector(".lab-cc");
  let state = root.__labState;
  const values = Object.fromEntries(data.sliders.map(s => [s.key, s.value]));
  if (!state) {
    state = root.__labState = { values, dirty: false };
    const sliders = document.createElement("div");
    sliders.className = "lab-cc-sliders";
    const plot = document.createElement("div");
    plot.className = "lab-cc-plot";
    plot.dataset.testid = "labClientChart";
    plot.setAttribute("role", "figure");
    root.append(sliders, plot);
    state.sliderBox = sliders;
    state.plotBox = plot;
  }
  state.send = v => setStateValue("values", v);
  // A run the reader's own move started echoes the values the browser shows: nothing to redraw. A run
  // that changed them otherwise (a reset button, a lesson, the language) redraws from the server.
  const echo = sameValues(values, state.values);
  if (state.dirty && !echo) return;      // an older run's answer while the reader is still moving
  state.dirty = false;
  const shape = JSON.stringify(data.sliders.map(({ value, ...rest }) => rest));
  const redrawn = !state.data || state.data.figure !== data.figure;
  state.data = data;
  state.model = prepare(data.model);
  state.values = values;
  state.plotBox.setAttribute("aria-label", data.alt);
  if (shape !== state.shape) buildSliders(state.sliderBox, state);
  state.shape = shape;
  for (const s of data.sliders) {        // keep the sliders where the run says (a reset, a lesson)
    const { input, out, step } = state.inputs[s.key];
    if (input.valueAsNumber !== s.value) input.value = String(s.value);
    out.textContent = s.value.toFixed(decimals(step));
  }
  if (!redrawn) return;
  loadPlotly(data.src).then(() => {
    state.plot = state.plotBox;
    return draw(state);
  });
}

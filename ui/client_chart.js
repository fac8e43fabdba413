// Client-side charts (ui/client_chart.py): sliders whose consequence is closed-form given arrays the
// NumPy core computed, redrawn by the browser in the frame of the move. Each formula below names the
// Python it mirrors; tests/e2e/test_client_charts.py checks its numbers against bn_core.
//
// data: {cells: [{figure: JSON of the figure for the current values, config, model: {kind, ...arrays as
// base64 float64}, alt} or {note}], sliders: [{key, label, min, max, step, value, options?, texts?}],
// src: plotly.min.js, clicks: whether a click on a plot is sent}.
// The settled values go back as the state "values" ({key: value}), 250 ms after the last change; a
// click on plot i as the trigger "click" ({plot: i, x, y}).

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

/** figures.ema._fix_y and figures.five_steps.value_range: the range of every value with 5 % of it added on each side (1 if it is 0). */
function fixedRange(...series) {
  let lo = Infinity, hi = -Infinity;
  for (const s of series) for (const v of s) { if (v < lo) lo = v; if (v > hi) hi = v; }
  const pad = 0.05 * (hi - lo) || 1;
  return [lo - pad, hi + pad];
}

/** The mean and standard deviation (ddof 0) of v, as numpy's v.mean() and v.std(). */
function meanStd(v) {
  const mean = v.reduce((a, b) => a + b, 0) / v.length;
  return [mean, Math.sqrt(v.reduce((a, b) => a + (b - mean) ** 2, 0) / v.length)];
}

/** numpy.rint: to the nearest integer, halves to the even one (what ndarray.round() does). */
const rint = x => (Math.abs(x % 1) === 0.5 ? 2 * Math.round(x / 2) : Math.round(x));

/** figures.animation.frame_steps: about maxFrames evenly spaced steps from first to last (numpy's
 * linspace, rounded), always with `active` and `last`, ascending. */
function frameSteps(first, last, active, maxFrames) {
  const num = Math.min(last - first + 1, maxFrames);
  const steps = num === 1 ? [first] : Array.from(linspace(first, last, num - 1), rint);
  return [...new Set([...steps, active, last])].sort((a, b) => a - b);
}

/** bn_core.descent.Quadratic.grad: ∇L(w) = (2A)(w − w*), A (2, 2) row-major. */
function grad(a, wStar, w) {
  const d0 = w[0] - wStar[0], d1 = w[1] - wStar[1];
  return [2 * a[0] * d0 + 2 * a[1] * d1, 2 * a[2] * d0 + 2 * a[3] * d1];
}

const norm = v => Math.sqrt(v[0] * v[0] + v[1] * v[1]);

/** bn_core.descent.gradient_descent: heavy ball v ← momentum·v − lr·∇L(w), w ← w + v, for `steps`
 * steps; stops (diverged) at the first iterate that is not finite or farther than DIVERGE_FACTOR ·
 * (1 + ‖w0 − w*‖) from w*. -> [iterates w_0..w_K as [w1, w2], diverged] */
const DIVERGE_FACTOR = 1e6;
function gradientDescent(a, wStar, w0, lr, momentum, steps) {
  let w = [...w0], v = [0, 0];
  const ws = [[...w]], limit = DIVERGE_FACTOR * (1 + norm([w[0] - wStar[0], w[1] - wStar[1]]));
  for (let k = 0; k < steps; k++) {
    const g = grad(a, wStar, w);
    v = [momentum * v[0] - lr * g[0], momentum * v[1] - lr * g[1]];
    w = [w[0] + v[0], w[1] + v[1]];
    if (!w.every(Number.isFinite) || norm([w[0] - wStar[0], w[1] - wStar[1]]) > limit) return [ws, true];
    ws.push([...w]);
  }
  return [ws, false];
}

/** bn_core.descent.stable: heavy ball converges iff 0 <= momentum < 1 and 0 < lr·λ < 2(1 + momentum)
 * for every Hessian eigenvalue λ. */
const stable = (eigenvalues, lr, momentum) => momentum >= 0 && momentum < 1
  && eigenvalues.every(l => lr * l > 0 && lr * l < 2 * (1 + momentum));

/** bn_core.descent.gradient_parts: ∇L at w along the Hessian's eigenvectors (columns of V, row-major
 * (2, 2), ascending eigenvalues): [gentle part, steep part]. */
function gradientParts(a, wStar, vec, w) {
  const g = grad(a, wStar, w);
  return [0, 1].map(c => {
    const u = [vec[c], vec[2 + c]], along = g[0] * u[0] + g[1] * u[1];
    return [along * u[0], along * u[1]];
  });
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
  // Chapter 3's five steps (figures.five_steps.five_steps_animation): step 4's frame shows y_j = γ_j x̂_j
  // + β_j as dots (trace j) and mean ± std per feature (trace `stat`); the x-range holds every stage
  // (figures.five_steps.value_range: the other stages' `bounds`, widened by 5 %).
  // model: {x_hat: [per feature, base64], gamma, beta: [slider key per feature], stat,
  //         frame: step 4's frame index, active: the frame shown, bounds: [lo, hi]}
  five_steps_affine(fig, model, values) {
    const y = model.cache.x_hat.map((xHat, j) => scaleShift(xHat, values[model.gamma[j]], values[model.beta[j]]));
    const stats = y.map(meanStd);
    const place = data => {
      y.forEach((yj, j) => { data[j].x = yj; });
      data[model.stat].x = stats.map(([m]) => m);
      data[model.stat].error_x.array = stats.map(([, s]) => s);
    };
    const frame = (fig.frames || []).find(f => Number(f.name) === model.frame);
    if (frame) place(frame.data);
    if (model.active === model.frame) place(fig.data);
    fig.layout.xaxis.range = fixedRange(model.bounds, ...y, stats.map(([m, s]) => m + s),
                                        stats.map(([m, s]) => m - s));
  },
  // Chapter 2's descent on one surface (figures.contours.contour_figure): the path revealed up to the
  // chosen step and in every frame, the gradient's two parts drawn at that step (figures.contours.
  // _arrows), and the "diverged" label (ui.surface_panels._diverged) — for lr = lr_frac · 2/λmax.
  // model: {a, w_star, eigenvalues, eigenvectors, lr_max, w0, steps, step, lr, momentum: slider keys,
  //         arrow: the longer arrow's length, max_frames, path_trace, arrow_traces, note: the label}
  descent(fig, model, values) {
    const lr = values[model.lr] * model.lr_max, momentum = values[model.momentum];
    const [ws, diverged] = gradientDescent(model.a, model.w_star, model.w0, lr, momentum, model.steps);
    const total = ws.length - 1, active = Math.min(model.step, total);
    const path = fig.data[model.path_trace];
    path.x = ws.map(w => w[0]);
    path.y = ws.slice(0, active + 1).map(w => w[1]);
    fig.frames = frameSteps(0, total, active, model.max_frames).map(k => ({
      data: [{ type: "scatter", y: ws.slice(0, k + 1).map(w => w[1]) }], traces: [model.path_trace],
      name: String(k) }));
    const at = ws[active], parts = gradientParts(model.a, model.w_star, model.eigenvectors, at);
    const longest = Math.max(norm(parts[0]), norm(parts[1]), 1e-300);
    parts.forEach((part, j) => {
      const arrow = fig.data[model.arrow_traces[j]];
      arrow.x = [at[0], at[0] - (part[0] / longest) * model.arrow];
      arrow.y = [at[1], at[1] - (part[1] / longest) * model.arrow];
    });
    const others = (fig.layout.annotations || []).filter(n => n.name !== "diverged");
    fig.layout.annotations = diverged || !stable(model.eigenvalues, lr, momentum) ? [...others, model.note] : others;
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

// The traces a model's sliders move and nothing else. A plot that already shows the cell's figure
// redraws just these, as a frame of the figure's own animation does (Plotly.animate without a redraw:
// the level lines and the axes stay), instead of drawing the whole plot again. plotly.js removes the
// plot's traces of other kinds (a heatmap) in such a redraw: a model listed here has only scatter
// traces, its background an image in the layout (figures.contours.loss_image).
const MOVES = {
  descent: model => [model.path_trace, ...model.arrow_traces],
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

const decimals = step => Math.max(0, -Math.floor(Math.log10(step) + 1e-9));

/** A slider's shown text and the input's position for its value: a choice's text and index, or the
 * number with the step's decimals. */
function shown(s, value) {
  if (!s.options) return [value.toFixed(decimals(s.step)), value];
  const i = Math.max(0, s.options.indexOf(value));
  return [s.texts[i], i];
}

/** A (?) after the slider's name, as Streamlit's own sliders have: its help shows while the pointer is
 * on it and stays after a click or a tap (another hides it, as do Escape and leaving the button); the
 * input is described by it for screen readers. */
function helpButton(name, label, input, s) {
  const button = document.createElement("button"), tip = document.createElement("span");
  button.type = "button";
  button.className = "lab-cc-help";
  button.textContent = "?";
  button.setAttribute("aria-label", s.label);
  tip.className = "lab-cc-tip";
  tip.id = `lab-cc-tip-${s.key}`;
  tip.setAttribute("role", "tooltip");
  tip.textContent = s.help;
  tip.hidden = true;
  button.setAttribute("aria-controls", tip.id);
  input.setAttribute("aria-describedby", tip.id);
  let pinned = false;
  const show = on => { tip.hidden = !on; button.setAttribute("aria-expanded", String(on)); };
  button.addEventListener("click", ev => { ev.preventDefault(); pinned = !pinned; show(pinned); });
  button.addEventListener("mouseenter", () => show(true));
  button.addEventListener("mouseleave", () => show(pinned));
  button.addEventListener("blur", () => { pinned = false; show(false); });
  button.addEventListener("keydown", ev => { if (ev.key === "Escape") { pinned = false; show(false); } });
  show(false);
  name.append(button);
  label.append(tip);
}

/** The sliders in the box above the plots, or in the one under them (`below`: the picture first). */
function buildSliders(boxes, state) {
  boxes.forEach(b => b.replaceChildren());
  state.inputs = {};
  for (const s of state.data.sliders) {
    const box = boxes[s.below ? 1 : 0];
    const label = document.createElement("label");
    label.className = "lab-cc-slider";
    label.dataset.testid = "labClientSlider";
    label.dataset.key = s.key;
    if (s.server) label.dataset.server = "true";
    const head = document.createElement("div");
    head.className = "lab-cc-head";
    const name = document.createElement("span");
    name.className = "lab-cc-name";
    name.textContent = s.label;
    const out = document.createElement("output");
    head.append(name, out);
    const input = document.createElement("input");
    Object.assign(input, { type: "range", min: s.min, max: s.max, step: s.step });
    input.setAttribute("aria-label", s.label);
    input.disabled = Boolean(s.disabled);
    input.addEventListener("input", () => {
      const value = s.options ? s.options[input.valueAsNumber] : input.valueAsNumber;
      state.values[s.key] = value;
      out.textContent = shown(s, value)[0];
      if (s.options) input.setAttribute("aria-valuetext", out.textContent);
      clearTimeout(state.timer);
      if (s.server) return;              // the core answers it: nothing to redraw here
      state.dirty = true;
      if (!state.frame) state.frame = requestAnimationFrame(() => { state.frame = 0; redraw(state); });
    });
    input.addEventListener("change", () => {
      clearTimeout(state.timer);
      state.timer = setTimeout(() => state.send({ ...state.values }), s.server ? 0 : SETTLE_MS);
    });
    label.append(head, input);
    if (s.help) helpButton(name, label, input, s);
    if (!s.group) box.append(label);
    else {                                  // a pair (γⱼ, βⱼ) wraps as one
      if (!box.lastChild || box.lastChild.dataset.group !== s.group) {
        const group = document.createElement("div");
        group.className = "lab-cc-group";
        group.dataset.group = s.group;
        box.append(group);
      }
      box.lastChild.append(label);
    }
    state.inputs[s.key] = { input, out, s };
  }
}

/** One box per cell: a plot (with its click handler) or a note. */
function buildCells(box, state) {
  box.replaceChildren();
  box.style.setProperty("--lab-cc-cols", String(state.data.cells.length));
  state.boxes = state.data.cells.map((cell, i) => {
    const el = document.createElement("div");
    if (cell.note !== undefined) {
      el.className = "lab-cc-note";
      el.setAttribute("role", "note");
    } else {
      el.className = "lab-cc-plot";
      el.dataset.testid = "labClientChart";
      el.dataset.cell = String(i);
      el.setAttribute("role", "figure");
    }
    box.append(el);
    return el;
  });
}

const figureOf = (cell, values) => {
  const fig = JSON.parse(cell.figure);
  if (values) {
    MODELS[cell.model.kind](fig, cell.model, values);
    // the figure's datarevision is a digest of the server's data: a new one makes plotly.js redraw
    fig.layout.datarevision = `${fig.layout.datarevision}:${JSON.stringify(values)}`;
  }
  return fig;
};

/** The plot's animation frames replaced by `frames` (no redraw: frames are data until played). One
 * index per call, the last first: plotly.js sorts a list of indices as text (10 before 2). */
function replaceFrames(P, el, frames) {
  for (let k = el._transitionData._frames.length - 1; k >= 0; k--) P.deleteFrames(el, [k]);
  return P.addFrames(el, frames);
}

/** Draws `fig` in cell i: only the moved traces, the frames and the annotations when the plot shows
 * the cell's figure and its model names what moves (MOVES), else the whole plot. */
function draw(state, i, fig) {
  const el = state.boxes[i], cell = state.data.cells[i], moves = MOVES[cell.model.kind];
  if (!moves || el.__labFigure !== cell.figure) return react(state, i, fig);
  const P = window.Plotly, traces = moves(cell.model), notes = JSON.stringify(fig.layout.annotations || []);
  return P.animate(el, { data: traces.map(k => ({ x: fig.data[k].x, y: fig.data[k].y })), traces },
                   { mode: "immediate", transition: { duration: 0 }, frame: { duration: 0, redraw: false } })
    .then(() => replaceFrames(P, el, fig.frames))
    .then(() => (notes === el.__labNotes ? null
      : P.relayout(el, { annotations: fig.layout.annotations || [] }).then(() => { el.__labNotes = notes; })));
}

function react(state, i, fig) {
  const el = state.boxes[i], cell = state.data.cells[i];
  return window.Plotly.react(el, { data: fig.data, layout: fig.layout, frames: fig.frames,
                                   config: { ...cell.config, responsive: true } }).then(() => {
    el.__labFigure = cell.figure;
    el.__labNotes = JSON.stringify(fig.layout.annotations || []);
    if (state.data.clicks && !el.__labClicks) {
      el.__labClicks = true;
      let down = null;                                // a drag (a pan) is not a click
      el.addEventListener("pointerdown", ev => { down = [ev.clientX, ev.clientY]; });
      el.addEventListener("click", ev => {           // where the mouse is, in the axes' units
        if (down && Math.hypot(ev.clientX - down[0], ev.clientY - down[1]) > 4) return;
        const area = el.querySelector(".nsewdrag"), xa = el._fullLayout.xaxis, ya = el._fullLayout.yaxis;
        if (!area || !xa || !ya) return;
        const box = area.getBoundingClientRect();
        const px = ev.clientX - box.left, py = ev.clientY - box.top;
        if (px < 0 || py < 0 || px > box.width || py > box.height) return;
        state.trigger("click", { plot: i, x: xa.p2d(px), y: ya.p2d(py) });
      });
    }
  });
}

/** Every plot redrawn in the browser for the sliders' values, at most once an animation frame (the
 * moves of one frame are drawn together) and one redraw at a time (plotly.js finishes a figure with
 * frames asynchronously): moves that arrive meanwhile are drawn after it, at their latest values. */
function redraw(state) {
  if (!state.ready) return;
  if (state.drawing) { state.again = true; return; }
  state.again = false;
  schedule(state, () => {
    state.drawn = JSON.stringify(state.values);
    return Promise.all(state.data.cells.map((cell, i) => (cell.figure
      ? draw(state, i, figureOf(cell, state.values)) : null)));
  });
}

/** Runs `work` (drawing, returning a promise) after the drawing in progress; a move that waited for it
 * is drawn next. */
function schedule(state, work) {
  const done = (state.drawing || Promise.resolve()).then(work).catch(console.error).finally(() => {
    if (state.drawing !== done) return;
    state.drawing = null;
    if (state.again) redraw(state);
  });
  state.drawing = done;
}

/** Resolves once no redraw is in progress or waiting (what a test awaits before reading the plots). */
async function idle(state) {
  while (state.frame || state.drawing) await (state.drawing || new Promise(r => requestAnimationFrame(r)));
}

const sameValues = (a, b) => Object.keys(a).every(k => a[k] === b[k]);

export default function (component) {
  const { data, parentElement, setStateValue, setTriggerValue } = component;
  const root = parentElement.querySelector(".lab-cc");
  let state = root.__labState;
  const values = Object.fromEntries(data.sliders.map(s => [s.key, s.value]));
  if (!state) {
    state = root.__labState = { values, dirty: false };
    state.idle = () => idle(state);
    state.sliderBox = document.createElement("div");
    state.sliderBox.className = "lab-cc-sliders";
    state.cellBox = document.createElement("div");
    state.cellBox.className = "lab-cc-cells";
    state.belowBox = document.createElement("div");
    state.belowBox.className = "lab-cc-sliders lab-cc-below";
    root.append(state.sliderBox, state.cellBox, state.belowBox);
  }
  state.send = v => setStateValue("values", v);
  state.trigger = setTriggerValue;
  // A run the reader's own move started echoes the values the browser shows: nothing to redraw. A run
  // that changed them otherwise (a reset button, a lesson, the language) redraws from the server.
  const echo = sameValues(values, state.values);
  if (state.dirty && !echo) return;      // an older run's answer while the reader is still moving
  state.dirty = false;
  const old = state.data, oldBases = state.bases || [];
  // what a cell's drawing rests on besides the sliders: its model and alt text (the language)
  state.bases = data.cells.map(c => JSON.stringify([c.model, c.alt, c.note]));
  const shape = JSON.stringify(data.sliders.map(({ value, ...rest }) => rest));
  const layout = JSON.stringify(data.cells.map(c => (c.figure === undefined ? c.note : "plot")));
  state.data = data;
  data.cells.forEach(c => { if (c.model) prepare(c.model); });
  state.values = values;
  if (shape !== state.shape) buildSliders([state.sliderBox, state.belowBox], state);
  state.shape = shape;
  const rebuilt = layout !== state.layout;
  if (rebuilt) buildCells(state.cellBox, state);
  state.layout = layout;
  data.cells.forEach((c, i) => {
    if (c.figure === undefined) state.boxes[i].textContent = c.note;
    else state.boxes[i].setAttribute("aria-label", c.alt);
  });
  for (const s of data.sliders) {        // keep the sliders where the run says (a reset, a lesson)
    const { input, out } = state.inputs[s.key];
    const [text, position] = shown(s, s.value);
    if (input.valueAsNumber !== position) input.value = String(position);
    out.textContent = text;
    if (s.options) input.setAttribute("aria-valuetext", text);
  }
  // The run the reader's settled move started sends the figure the browser has already drawn for
  // these values: drawing it again would only repeat that work.
  const drawnHere = echo && state.drawn === JSON.stringify(values);
  const changed = data.cells.map((c, i) => c.figure !== undefined
    && (rebuilt || !old || !old.cells[i] || old.cells[i].figure !== c.figure)
    && !(drawnHere && !rebuilt && oldBases[i] === state.bases[i]));
  state.boxes.forEach((el, i) => {  // a plot not drawn again shows this run's figure already
    if (!changed[i] && el.__labFigure !== undefined) el.__labFigure = data.cells[i].figure;
  });
  if (!changed.some(Boolean)) return;
  schedule(state, () => loadPlotly(data.src).then(() => {
    state.ready = true;
    return Promise.all(data.cells.map((c, i) => (changed[i] ? react(state, i, figureOf(c, null)) : null)));
  }));
}

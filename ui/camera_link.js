// Keeps each 3-D chart's camera in the page's address, so that the next run of the page (a slider
// moved) draws the chart from where the reader turned it, and a copied link carries the view.
// data.params maps a chart's accessible name (its alt text) to its URL parameter; the parameter holds
// "eye x,y,z,centre x,y,z", which the page reads back (ui/camera_link.py). Streamlit sends the
// address's query string with every rerun request, so nothing else has to be sent. No HTML is
// written: the script only listens to plotly.js and edits the address.
const digits = v => Number(v.toFixed(3));

function write(name, camera) {
  const eye = camera.eye, centre = camera.center || { x: 0, y: 0, z: 0 };
  const url = new URL(window.location.href);
  url.searchParams.set(name, [eye.x, eye.y, eye.z, centre.x, centre.y, centre.z].map(digits).join(","));
  window.history.replaceState(window.history.state, "", url);
}

function listen(params) {
  for (const box of document.querySelectorAll('[data-testid="stPlotlyChart"][aria-label]')) {
    const name = params[box.getAttribute("aria-label")];
    const plot = box.querySelector(".js-plotly-plot");
    if (!name || !plot || typeof plot.on !== "function" || plot.__labCamera === name) continue;
    plot.__labCamera = name;
    plot.on("plotly_relayout", event => {
      if (event && event["scene.camera"] && event["scene.camera"].eye) write(name, event["scene.camera"]);
    });
  }
}

export default function ({ data }) {
  // Streamlit calls this again when data changes (another language) without the cleanup of the
  // call before, so one watcher is kept per page and replaced.
  window.__labCameraWatch?.disconnect();
  const watch = new MutationObserver(() => listen(data.params));   // charts are remounted on each run
  watch.observe(document.body, { childList: true, subtree: true });
  window.__labCameraWatch = watch;
  listen(data.params);
  return () => watch.disconnect();
}

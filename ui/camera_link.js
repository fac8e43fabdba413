// Sends each 3-D chart's camera to the page when the reader lets go of it, so that the next run (a
// slider moved) draws the chart from where the reader turned it, and the link carries the view.
// data.params maps a chart's accessible name (its alt text) to the name the camera goes by (its URL
// parameter); the value is "eye x,y,z,centre x,y,z", which the page checks (ui/camera_link.py). No
// HTML is written: the script only listens to plotly.js.
const digits = v => Number(v.toFixed(3));

function listen(params, send) {
  for (const box of document.querySelectorAll('[data-testid="stPlotlyChart"][aria-label]')) {
    const name = params[box.getAttribute("aria-label")];
    const plot = box.querySelector(".js-plotly-plot");
    if (!name || !plot || typeof plot.on !== "function" || plot.__labCamera === name) continue;
    plot.__labCamera = name;
    plot.on("plotly_relayout", event => {
      const camera = event && event["scene.camera"];
      if (!camera || !camera.eye) return;
      const eye = camera.eye, centre = camera.center || { x: 0, y: 0, z: 0 };
      send(name, [eye.x, eye.y, eye.z, centre.x, centre.y, centre.z].map(digits).join(","));
    });
  }
}

export default function ({ data, setStateValue }) {
  // Streamlit calls this again when data changes (another language) without the cleanup of the
  // call before, so one watcher is kept per page and replaced.
  window.__labCameraWatch?.disconnect();
  const watch = new MutationObserver(() => listen(data.params, setStateValue));   // charts remount each run
  watch.observe(document.body, { childList: true, subtree: true });
  window.__labCameraWatch = watch;
  listen(data.params, setStateValue);
  return () => watch.disconnect();
}

"""A grid of values as a PNG image in a colour scale: the background of a plot whose traces move.

plotly.js removes a plot's heatmap when it redraws only some of its traces (`Plotly.animate` without
a redraw, what ui/client_chart.js does while a slider is dragged); a layout image stays. The colours
are the ones plotly.js gives a heatmap: each value's place between `zmin` and `zmax`, interpolated
linearly in RGB between the scale's stops."""

from __future__ import annotations

import base64
import struct
import zlib

import numpy as np


def _rgb(colour: str) -> tuple[int, int, int]:
    """'#rrggbb' or 'rgb(r, g, b)' -> (r, g, b)."""
    if colour.startswith("#"):
        return tuple(int(colour[k:k + 2], 16) for k in (1, 3, 5))
    parts = colour[colour.index("(") + 1:colour.index(")")].split(",")
    return tuple(round(float(p)) for p in parts[:3])


def coloured(z: np.ndarray, scale: list, zmin: float, zmax: float) -> np.ndarray:
    """(H, W) values -> (H, W, 3) uint8 colours of `scale` ([position, colour] pairs, positions 0..1)."""
    span = zmax - zmin
    t = np.clip((np.asarray(z, float) - zmin) / span, 0.0, 1.0) if span > 0 else np.zeros(np.shape(z))
    stops = np.array([p for p, _ in scale], float)
    rgb = np.array([_rgb(c) for _, c in scale], float)
    return np.stack([np.rint(np.interp(t, stops, rgb[:, c])) for c in range(3)], axis=-1).astype(np.uint8)


def png(rgb: np.ndarray) -> bytes:
    """(H, W, 3) uint8 -> an 8-bit RGB PNG, row 0 at the top (no filter, zlib level 9)."""
    h, w, _ = rgb.shape
    rows = b"".join(b"\x00" + np.ascontiguousarray(rgb[i]).tobytes() for i in range(h))

    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    header = struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows, 9)) + chunk(b"IEND", b"")


def data_url(image: bytes) -> str:
    return "data:image/png;base64," + base64.b64encode(image).decode("ascii")

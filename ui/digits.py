"""The 8×8 handwritten digits chapter 5 trains on, read from the copy in ui/data/ (see its README for
the source and licence). No Streamlit here, so benchmarks can import it."""

from __future__ import annotations

from pathlib import Path

import numpy as np

PATH = Path(__file__).parent / "data" / "digits.csv.gz"


def digits() -> tuple[np.ndarray, np.ndarray]:
    """x (1797, 64) of pixel counts in 0..16 and y (1797,) the digits 0..9, as
    sklearn.datasets.load_digits gives them (the same file)."""
    table = np.loadtxt(PATH, delimiter=",")
    return table[:, :-1], table[:, -1].astype(int)

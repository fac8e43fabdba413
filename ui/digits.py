"""scikit-learn's 8×8 digits, read from the file that ships inside the package (no Streamlit here,
so benchmarks can import it)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import numpy as np


def digits() -> tuple[np.ndarray, np.ndarray]:
    """scikit-learn's 8×8 digits, x (1797, 64) in 0..16 and y (1797,). The CSV ships inside the
    package, so it is read directly (what load_digits reads) without importing scikit-learn and
    SciPy, which would add a second to the page's first load."""
    spec = importlib.util.find_spec("sklearn")
    path = Path(next(iter(spec.submodule_search_locations))) / "datasets" / "data" / "digits.csv.gz" if spec else None
    if path is None or not path.exists():  # an unusual install: fall back to the public API
        from sklearn.datasets import load_digits

        d = load_digits()
        return d.data, d.target
    table = np.loadtxt(path, delimiter=",")
    return table[:, :-1], table[:, -1].astype(int)

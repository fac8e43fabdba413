"""Numbers for LaTeX formulas: a few significant digits, exponents written as × 10^k."""

from __future__ import annotations


def tex(v: float, digits: int = 4) -> str:
    """v with `digits` significant digits; 1.2e-05 becomes 1.2\\times 10^{-5}."""
    s = f"{v:.{digits}g}"
    if "e" in s:
        mantissa, exponent = s.split("e")
        s = rf"{mantissa}\times 10^{{{int(exponent)}}}"
    return s


def paren(v: float, digits: int = 4) -> str:
    """`tex`, in parentheses when negative so that '−' signs inside a formula stay readable."""
    return f"({tex(v, digits)})" if v < 0 else tex(v, digits)

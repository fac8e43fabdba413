"""Numbers for LaTeX formulas: a few significant digits, exponents written as × 10^k."""

from __future__ import annotations

import math


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


def square_parts(std: float) -> tuple[float, int]:
    """std² as (mantissa in [1, 10), decimal exponent), computed from log10(std) so that it holds
    where std² itself overflows to inf or underflows to 0 (a variance of 1e616 or 1e−616)."""
    if std == 0:
        return 0.0, 0
    log = 2.0 * math.log10(abs(std))
    exponent = math.floor(log)
    mantissa = 10.0 ** (log - exponent)
    if mantissa >= 9.999999999999:            # log − exponent a hair below 1: round up a decade
        mantissa, exponent = 1.0, exponent + 1
    return mantissa, exponent


def variance_text(var: float, std: float, digits: int = 5) -> str:
    """The variance as the tables write it: var itself when float64 holds it, else std² from its
    parts ("1.3757e+616"), never "inf" or a 0 that is not one."""
    if math.isfinite(var) and (var != 0 or std == 0):
        return f"{var:,.{digits}g}"
    mantissa, exponent = square_parts(std)
    return f"{mantissa:.{digits}g}e{exponent:+d}"


def tex_variance(var: float, std: float, digits: int = 4) -> str:
    """`variance_text` for a LaTeX formula: × 10^k."""
    if math.isfinite(var) and (var != 0 or std == 0):
        return tex(var, digits)
    mantissa, exponent = square_parts(std)
    return rf"{mantissa:.{digits}g}\times 10^{{{exponent}}}"

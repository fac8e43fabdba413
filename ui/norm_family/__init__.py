"""Chapter 7's room: its controls, cached computations and panels."""

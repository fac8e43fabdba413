"""Chapter 6's room: its controls, cached runs and panels."""

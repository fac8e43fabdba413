"""Each chapter's predict-then-reveal questions (ui.checkpoint): what every question runs once it is
answered, with the page's own settings and the ones the question names."""

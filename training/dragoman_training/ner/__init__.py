"""Training-side code for :mod:`dragoman.ner`."""

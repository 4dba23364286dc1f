"""Training-side code for :mod:`dragoman.kb`."""

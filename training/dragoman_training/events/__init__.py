"""Training-side code for :mod:`dragoman.events`."""

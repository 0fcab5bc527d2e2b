"""One module per kind of summary; each checks its manifest section against TensorBoard.

A module provides:
  SECTION: the manifest section it checks (runs without it are skipped by it);
  SAMPLES: the --samples_per_plugin entry that keeps every item, or None;
  check_loader(ctx): checks with TensorBoard's Python loader;
  check_http(ctx, tb): checks with a running TensorBoard (tb.mode is "python" or "rust").
"""
from . import audio, histograms, hparams, images, scalars, text, video

MODULES = [scalars, images, histograms, text, hparams, audio, video]

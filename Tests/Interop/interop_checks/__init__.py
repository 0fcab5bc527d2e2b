"""One module per kind of summary; each checks its manifest section against TensorBoard.

A module provides:
  SECTION: the manifest section it checks (runs without it are skipped by it);
  SAMPLES: the --samples_per_plugin entry that keeps every item, or None;
  check_loader(ctx): checks with TensorBoard's Python loader;
  check_http(ctx, tb): checks with a running TensorBoard (tb.mode is "python" or "rust").
"""
from . import audio, double_scalars, histograms, hparams, images, pr_curves, scalars, text, video
from . import custom_scalars, meshes, projector

MODULES = [scalars, images, histograms, text, hparams, audio, video, pr_curves, double_scalars]
MODULES += [custom_scalars, meshes, projector]

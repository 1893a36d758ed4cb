"""Văn kiện: a static-site generator for an archive of Vietnamese Party documents.

The core (model, loader, reference grammar, graph, ...) lives in plain modules of
this package and imports nothing from MkDocs; `vankien.adapters` holds the
thin adapters, `vankien.cli` the command line.
"""

__version__ = "0.1.0"

"""Publishing releases of the built site: the release layout, the atomic switch, the checks on
the output before it goes live, and what changed since the live release.

Pure: nothing here imports MkDocs. The build itself is handed in by the caller (the command line
passes the adapters' strict build), so the same switch serves `vankien build` and `vankien publish`.
"""

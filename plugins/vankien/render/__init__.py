"""HTML and Markdown for readers, built from the core model (no MkDocs here)."""

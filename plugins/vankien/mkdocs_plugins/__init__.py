"""Thin MkDocs adapters over the Văn kiện core."""

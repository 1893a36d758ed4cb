"""Open data: the archive as data for other systems, made from the site's projection.

Pure (no MkDocs, no Markdown): the `vankien/open-data` plugin hands each function the `Analysis`
the pages were made from (so a withheld document is in no export) and writes what it returns.
Every output is deterministic — sorted, no time stamp, dates from the documents or
`SOURCE_DATE_EPOCH` — so two builds of the same archive give the same bytes.

| file | format |
|---|---|
| `api/documents.json` | `vankien-documents/1`, JSON Schema `api/documents.schema.json` |
| `api/graph.json` | `vankien-graph/1`: nodes (documents, cited documents not held) and typed edges |
| `api/van-ban.csv` | the catalogue, UTF-8 with BOM, Vietnamese headers, CRLF |
| `api/atom.xml`, `api/co-quan/<slug>.xml` | Atom 1.0: the newest documents, of the site and of each body |
| `sitemap.xml`, `sitemap.xml.gz` | the sitemap, `lastmod` from the documents' dates |
"""

"""Search for the archive: one Vietnamese pipeline (`pipeline`), a prebuilt catalogue and sharded
full text (`index`), scored in the reader's browser by `web/assets/search/vankien-search.js`."""

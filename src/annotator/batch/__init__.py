"""Batch jobs over files, outside any corpus: tag an archive into JSONL shards, sample it for review.

* :mod:`annotator.batch.shards`: which input documents make up which output shard (a plan
  fixed by the input alone) and how a worker reads one shard's documents from the files.
* :mod:`annotator.batch.tag`: the tagging job (``annotator tag``): one shard in, one
  native-shaped JSONL shard out, run by local worker processes.
* :mod:`annotator.batch.dask_engine`: the same shard function on a Dask cluster.
* :mod:`annotator.batch.sample`: ``annotator sample``, picking documents for review.
* :mod:`annotator.batch.commands`: their command-line parsers and handlers.
"""

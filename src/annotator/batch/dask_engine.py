"""``annotator tag --engine dask``: the tagging job's shards as a ``dask.bag`` on a Dask cluster.

The bag has one partition per shard left to do; each runs :func:`annotator.batch.tag.tag_shard`
on a worker, which reads its input segments and writes its output shard itself, so inputs and
the output folder must be on paths every worker sees (a shared file system mounted at the same
place). The model and the rules folder travel to each worker once, inside a worker plugin that
loads the pipeline when the worker starts (or joins later); no model file is needed on the
workers, but annotator itself must be installed there.

Without ``scheduler`` a :class:`distributed.LocalCluster` of worker processes is started on
127.0.0.1 (no dashboard) and closed at the end. Importing this module needs
``dask[distributed]`` (the ``archive`` extra); without it the command says so in one line
(:data:`annotator.batch.tag.DASK_MISSING`).
"""

from __future__ import annotations

import hashlib
import logging
import os
import shutil
import signal
import tempfile
import threading
from pathlib import Path

import dask.bag as db
from distributed import Client, LocalCluster, WorkerPlugin, as_completed

from annotator.batch.tag import ShardResult, rules_files, tag_shard

_PIPELINES: dict[str, object] = {}


class PipelinePlugin(WorkerPlugin):
    """Carries the model file's bytes and the rules folder's files; loads the pipeline on each worker."""

    def __init__(self, key: str, model: tuple[str, bytes] | None, rules: dict[str, bytes]):
        self.key = key
        self.model = model
        self.rules = rules

    def setup(self, worker=None) -> None:
        import warnings

        from annotator.nlp.pipeline import Pipeline

        folder = Path(tempfile.mkdtemp(prefix="annotator-pipeline-"))
        try:
            model_path = None
            if self.model is not None:
                model_path = folder / self.model[0]
                model_path.write_bytes(self.model[1])
            rules_dir = None
            if self.rules:
                rules_dir = folder / "rules"
                for name, data in self.rules.items():
                    target = rules_dir / name
                    target.parent.mkdir(parents=True, exist_ok=True)
                    target.write_bytes(data)
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                _PIPELINES[self.key] = Pipeline.load(model_path, rules_dir)
        finally:  # model and rules are in memory now
            shutil.rmtree(folder, ignore_errors=True)

    def teardown(self, worker=None) -> None:
        _PIPELINES.pop(self.key, None)


def _dask_tag(shard, out_dir: str, key: str) -> ShardResult:
    pipeline = _PIPELINES.get(key)
    if pipeline is None:
        raise RuntimeError("the annotator pipeline is not loaded on this Dask worker")
    return tag_shard(shard, out_dir, pipeline)


def _plugin(job) -> PipelinePlugin:
    manifest = job.manifest()
    key = hashlib.sha256(f"{manifest['model_sha256']}-{manifest['rules_sha256']}".encode()).hexdigest()[:24]
    model = (job.model_path.name, job.model_path.read_bytes()) if job.model_path else None
    return PipelinePlugin(key, model, rules_files(job.rules_dir))


def _local_cluster(workers: int) -> LocalCluster:
    """Worker processes on 127.0.0.1 that leave Ctrl+C to this process (they inherit SIGINT ignored),
    so an interrupt closes the cluster quietly instead of printing each worker's traceback."""
    main_thread = threading.current_thread() is threading.main_thread()
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN) if main_thread else None
    try:
        return LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, host="127.0.0.1",
                            dashboard_address=None, silence_logs=logging.ERROR)
    finally:
        if main_thread:
            signal.signal(signal.SIGINT, previous)


def run_on_dask(job, todo, finished, *, jobs: int = 0, scheduler: str | None = None, progress=None) -> None:
    """Tag ``todo`` shards on the cluster at ``scheduler`` (or a local one); ``finished(result, size)``
    is called in the calling process as each shard is done, in completion order."""
    if not todo:
        return
    cluster = None
    try:
        if scheduler:
            client = Client(scheduler, timeout="20s")
        else:
            cluster = _local_cluster(max(1, jobs or os.cpu_count() or 1))
            client = Client(cluster)
    except (OSError, ValueError):
        raise
    except Exception as exc:  # noqa: BLE001 - whatever Dask raises, the user gets one line
        raise OSError(f"cannot start the Dask cluster ({type(exc).__name__}: {exc})") from None
    futures = []
    plugin_name = None
    try:
        plugin = _plugin(job)
        try:
            client.register_plugin(plugin, name=f"annotator-pipeline-{plugin.key[:12]}")
        except Exception as exc:  # noqa: BLE001
            raise OSError(f"the Dask workers could not load the annotator pipeline ({type(exc).__name__}:"
                          f" {exc}); install the same annotator version on every worker") from None
        plugin_name = f"annotator-pipeline-{plugin.key[:12]}"
        sizes = {s.index: s.size for s in todo}
        out = str(job.out_dir.absolute())
        bag = db.from_sequence(todo, npartitions=len(todo)).map(_dask_tag, out, plugin.key)
        futures = client.compute(bag.to_delayed())
        for future in as_completed(futures):
            if progress is not None:
                progress.check()
            try:
                results = future.result()
            except OSError as exc:
                raise OSError(f"a Dask worker could not read an input or write to {out} ({exc}); inputs and"
                              " the output folder must be on a path every worker sees") from None
            except Exception as exc:  # noqa: BLE001 - a worker's failure is said in one line
                raise OSError(f"a Dask worker failed ({type(exc).__name__}: {exc})") from None
            for result in results:
                finished(result, sizes[result.index])
    finally:
        if futures:
            client.cancel(futures)
        if plugin_name and cluster is None:  # a long-lived cluster does not keep this job's pipeline
            try:
                client.unregister_worker_plugin(plugin_name)
            except Exception:  # noqa: BLE001 - the job's outcome does not depend on this
                pass
        client.close()
        if cluster is not None:
            cluster.close()

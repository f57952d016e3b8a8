"Rendering through a Dask cluster (the `dask` extra): a LocalCluster with 2 worker processes renders 2 tiny scenes."
import tempfile
from pathlib import Path

import pytest

distributed = pytest.importorskip('distributed')

from manim_nb.render import RenderJob, render_all, executor_from_url

TINY = "from manim import *\nclass {n}(Scene):\n    def construct(self):\n        self.add(Square()); self.wait(0.2)\n"

@pytest.fixture(scope='module')
def cluster():
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None,
                                  silence_logs=50) as c:
        yield c

def test_render_all_through_a_local_cluster(cluster):
    root = Path(tempfile.mkdtemp(prefix='dask_render_')); root.chmod(0o755)
    jobs = [RenderJob(TINY.format(n=f'T{i}'), f'T{i}', root/f'T{i}', timeout=120) for i in range(2)]
    seen = []
    with distributed.Client(cluster) as client:
        rs = render_all(jobs, executor=client.get_executor(), on_result=seen.append)
        pooled = client.run(lambda: __import__('manim_nb.render').render._POOL['pool'] is not None)
    assert [r.scene for r in rs] == ['T0', 'T1']
    assert all(r.ok and r.clip.exists() and 0.1 < r.duration < 0.4 for r in rs), [r.error for r in rs]
    assert sorted(r.scene for r in seen) == ['T0', 'T1']
    assert len(pooled) == 2 and any(pooled.values())  # a worker that rendered did so through its own preloaded pool

def test_executor_from_url(cluster):
    ex = executor_from_url(cluster.scheduler_address.replace('tcp://', 'dask://'))
    try: assert ex.submit(pow, 2, 5).result(timeout=30) == 32
    finally: ex._client.close()
    with pytest.raises(ValueError, match='dask://HOST:PORT'): executor_from_url('tcp://127.0.0.1:1')

def test_a_run_renders_on_the_cluster_from_its_url(cluster, tmp_path):
    from manim_nb.pipeline import Run, RunOptions
    from manim_nb.storyboard import SceneSpec, Storyboard
    tmp_path.chmod(0o755)
    sb = Storyboard(title='Dask', scenes=[SceneSpec(seq=i, text='A short one.', layout='title_card', params=dict(title=f'D{i}')) for i in (1, 2)])
    url = cluster.scheduler_address.replace('tcp://', 'dask://')
    with distributed.Client(cluster) as client:
        before = sum(client.run(lambda dask_worker: len(dask_worker.data) + dask_worker.state.executed_count).values())
        run = Run(sb, tmp_path/'run', RunOptions(provider='offline', tts='none', executor=url)).execute()
        after = sum(client.run(lambda dask_worker: len(dask_worker.data) + dask_worker.state.executed_count).values())
    assert (run.outcomes.render_status == 'ok').all() and (tmp_path/'run'/'final.mp4').exists()
    assert after - before >= 2, 'both scenes were rendered by the cluster'
    assert run.executor is None  # the run's own client is closed again

"""`python -m qa serve`: make sure the index is current, then run the app under gunicorn.

The index is built in a child process: the C encoder runs OpenMP threads, and a process that
used OpenMP must not fork gunicorn workers. Each worker loads the read-only index itself.
"""
import os
import subprocess
import sys

from qa import store
from qa.config import BUILD_SETTINGS, environ_of
from qa.corpus.library import report_files
from qa.errors import IndexMismatchError, IndexNotBuiltError


def index_problem(config):
    """Why the index cannot be served as it is ("" when it can)."""
    try:
        _, manifest = store.read_manifest(config["INDEX_DIR"])
    except IndexNotBuiltError:
        return f"there is no index in {config['INDEX_DIR']} yet"
    except IndexMismatchError as exc:
        return exc.message
    return "; ".join(store.stale_reasons(manifest, config))


def ensure_index(config, log=print):
    report_files(config["CORPUS"])  # a missing corpus, or a folder without reports, stops here with its own message
    store.check_folder(config["INDEX_DIR"])
    problem = index_problem(config)
    if not problem:
        return False
    log(f"Building the index now ({problem}); this takes about a minute on 2 cores, once.", file=sys.stderr)
    env = {**os.environ, **environ_of(config, ("CORPUS", "INDEX_DIR") + BUILD_SETTINGS)}
    done = subprocess.run([sys.executable, "-m", "qa", "index"], env=env)
    if done.returncode != 0:
        raise IndexNotBuiltError("the index build failed; see the messages above")
    return True


def serve(config, threads=8):
    """Serve config's app on QA_HOST:QA_PORT with QA_WORKERS processes."""
    from gunicorn.app.base import BaseApplication

    from qa import create_app

    class Application(BaseApplication):
        def load_config(self):
            for name, value in {"bind": f"{config['HOST']}:{config['PORT']}", "workers": config["WORKERS"], "threads": threads,
                                "worker_class": "gthread", "timeout": 60, "graceful_timeout": 10,
                                "accesslog": "-", "errorlog": "-", "preload_app": False,
                                # several servers may run on one machine (tests, replicas): no shared control socket
                                "control_socket_disable": True,
                                # let long URLs reach the app, which answers "q is too long" in JSON
                                # (gunicorn's own cap is 8 KB, then 1 MB with 0)
                                "limit_request_line": 0}.items():
                self.cfg.set(name, value)

        def load(self):
            return create_app(config)

    print(f"Serving on http://{config['HOST']}:{config['PORT']}/ with {config['WORKERS']} worker(s); "
          f"Ctrl+C stops it.", file=sys.stderr, flush=True)
    Application().run()

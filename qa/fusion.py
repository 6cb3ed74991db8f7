"""Merging ranked [(row, score)] lists: pure functions."""


def rrf(rankings, weights=None, k=60):
    """Reciprocal rank fusion: sum over sources of weight / (k + rank). Returns
    [(row, score, ranks)] best first, ranks being each source's 1-based rank or None."""
    weights = weights or [1.0] * len(rankings)
    fused = {}
    for source, (ranking, weight) in enumerate(zip(rankings, weights)):
        for rank, (row, _) in enumerate(ranking, start=1):
            score, ranks = fused.get(row, (0.0, [None] * len(rankings)))
            ranks[source] = rank
            fused[row] = (score + weight / (k + rank), ranks)
    return sorted(((row, score, ranks) for row, (score, ranks) in fused.items()), key=lambda x: (-x[1], x[0]))


def weighted(rankings, weights=None):
    """Convex combination of min-max normalised scores; a row missing from a source scores 0 there."""
    weights = weights or [1.0] * len(rankings)
    total = sum(weights) or 1.0
    fused = {}
    for source, (ranking, weight) in enumerate(zip(rankings, weights)):
        if not ranking:
            continue
        scores = [s for _, s in ranking]
        low, high = min(scores), max(scores)
        for rank, (row, score) in enumerate(ranking, start=1):
            value = 1.0 if high == low else (score - low) / (high - low)
            current, ranks = fused.get(row, (0.0, [None] * len(rankings)))
            ranks[source] = rank
            fused[row] = (current + weight * value / total, ranks)
    return sorted(((row, score, ranks) for row, (score, ranks) in fused.items()), key=lambda x: (-x[1], x[0]))

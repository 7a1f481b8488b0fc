"""Documents annotated a batch at a time and yielded in their order."""

from __future__ import annotations

from tollwatch.extract.component_pipe import annotate_in_batches


def test_batches_are_annotated_before_they_are_yielded() -> None:
    seen: list[list[int]] = []
    done: set[int] = set()

    def annotate(batch: list[int]) -> None:
        seen.append(list(batch))
        done.update(batch)

    out = []
    for d in annotate_in_batches(range(7), 3, annotate):
        assert d in done  # annotated before it is handed on
        out.append(d)
    assert out == list(range(7))
    assert seen == [[0, 1, 2], [3, 4, 5], [6]]


def test_nothing_in_nothing_out() -> None:
    calls: list[list[int]] = []
    assert list(annotate_in_batches([], 4, calls.append)) == []
    assert calls == []


def test_lazy_until_iterated() -> None:
    calls: list[list[str]] = []
    it = annotate_in_batches(iter(["a", "b"]), 1, calls.append)
    assert calls == []
    assert next(it) == "a" and calls == [["a"]]

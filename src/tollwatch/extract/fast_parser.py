"""spaCy's dependency parser, stepped from Python instead of its compiled greedy loop.

spaCy's greedy parse (``Parser._parseC``) scores every state of a batch at each step in
compiled code. In the wheels of spaCy 3.8 that loop takes and releases the interpreter's
lock around each inlined vector helper it calls: once per hidden unit of every state at
every step (``perf`` shows ``PyGILState_Ensure`` / ``PyGILState_Release`` inside
``predict_states``, some 60 pairs per state and step). On tollwatch's sentences that lock
traffic, not arithmetic, is most of the parser's time.

spaCy has a second way of taking the same steps, the one its beam search and training use:
the step model's ``predict(states)`` (the state features summed by the same compiled
function, the bias, the maxout, the output layer) and ``Parser.transition_states`` (the
same compiled validity check, best valid move and transition). :class:`FastParser` runs
the greedy loop that way:

- the same batches as spaCy's ``Parser.pipe`` (each batch sorted by length and cut into
  quarters), so that every step sees the same states in the same order;
- the output layer multiplied with BLIS, the library the compiled loop calls, on the same
  rows, and the bias added after it; unseen moves set to the step's lowest score, as the
  compiled loop sets them;
- the annotation set by the parser's own ``set_annotations`` (labels, heads, sentence
  starts, the non-projective post-processing).

The result is spaCy's own parse, arc for arc (``tests/extract/test_fast_parser.py``
compares heads, labels and sentence starts; on the 2,718 sentences tollwatch parses in 400
documents of the speed corpus none differs). A parser this module does not cover (beam
search, no output layer, another model layout) is left in the pipeline as it is.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

import numpy as np

from tollwatch.extract.component_pipe import annotate_in_batches

__all__ = ["FastParser", "supports"]


def supports(parser: Any) -> bool:
    """Whether :class:`FastParser` can step the loaded parser ``parser``."""
    try:
        if parser.cfg.get("beam_width", 1) != 1:
            return False
        model = parser.model
        if not model.attrs.get("has_upper") or len(model.layers) != 3:
            return False
        if model.layers[1].name != "precomputable_affine":
            return False
        return callable(getattr(parser, "transition_states", None)) and \
            callable(getattr(parser.moves, "init_batch", None))
    except (AttributeError, KeyError, ValueError):
        return False


class FastParser:
    """A pipeline component giving the annotation of the loaded dependency ``parser``."""

    def __init__(self, parser: Any) -> None:
        from thinc.api import NumpyOps

        self.parser = parser
        # not ``model``: spaCy would take this component for one more listener of the
        # token-to-vector layer (the parser's listener reads each Doc's tensor when predicting)
        self._model = parser.model
        self._blis = NumpyOps(use_blis=True)  # the compiled loop's own matrix product

    # -- the pipeline protocol ---------------------------------------------------------
    def __call__(self, doc: Any) -> Any:
        self._annotate([doc])
        return doc

    def pipe(self, docs: Iterable[Any], batch_size: int = 256) -> Iterator[Any]:
        return annotate_in_batches(docs, batch_size,
                                   lambda batch: self._annotate(batch, batch_size))

    # -- parsing -----------------------------------------------------------------------
    def _annotate(self, docs: list[Any], batch_size: int = 256) -> None:
        """Parse ``docs`` in spaCy's sub-batches: sorted by length, a quarter at a time."""
        by_length = sorted(docs, key=len)
        step = max(batch_size // 4, 2)
        for i in range(0, len(by_length), step):
            sub = by_length[i:i + step]
            self.parser.set_annotations(sub, self._parse(sub))

    def _parse(self, docs: list[Any]) -> list[Any]:
        parser = self.parser
        parser._ensure_labels_are_added(docs)  # labels of preset arcs, as spaCy does
        batch = parser.moves.init_batch(docs)
        if not any(len(d) for d in docs):
            return list(batch)
        step = self._model.predict(docs)  # token vectors and their precomputed features
        try:
            state2vec = step.state2vec
            upper_w = step.vec2scores.get_param("W")
            upper_b = step.vec2scores.get_param("b")
            unseen = step._class_mask == 0
            any_unseen = bool(unseen.any())
            gemm = self._blis.gemm
            states = [s for s in batch if not s.is_final()]
            while states:
                hidden = state2vec.predict(step.get_token_ids(states))
                scores = gemm(hidden, upper_w, trans2=True)
                scores += upper_b
                if any_unseen:
                    scores[:, unseen] = np.nanmin(scores)
                states = parser.transition_states(states, scores)
        finally:
            step.clear_memory()
        return list(batch)

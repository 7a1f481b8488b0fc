"""spaCy's entity recognizer, decoded in NumPy over a whole batch at once.

spaCy's greedy NER decoder walks the tokens of each document one step at a time and, at
every step, asks each of its ~74 moves (B-, I-, L-, U- per label, and O) whether it is
valid, in C, one state after the other. On tollwatch's sentences that validity loop is about
half of the recognizer's time (py-spy), more than its own tok2vec.

The BILUO system moves exactly one token per step, so step ``t`` of every document is at
token ``t``: all documents of a batch can take the step together. :class:`FastNER` does that
with the recognizer's own weights:

- the token vectors and the precomputed hidden features come from the loaded model's own
  layers (``model.layers[0]`` and ``[1]``, exactly as spaCy computes them);
- each step sums the three state features (the token, the entity's first token, the token
  before; padding when there is no entity open) in spaCy's order, adds the bias, takes the
  maxout, and scores the moves with the same BLAS routine (thinc's ``gemm``) on the same
  rows in the same order;
- the valid moves are spaCy's rules (``ner.pyx``) as array masks, for documents without
  preset entities: B needs no open entity, a next token in the sentence and a non-space
  token; I an open entity of its label and a next token in the sentence; L an open entity
  of its label; U no open entity and a non-space token; O no open entity;
- the best valid move (the first on ties) is taken, and the entities are set as spaCy sets
  them (tokens outside them are "O").

The result is the same annotation as spaCy's (``tests/extract/test_fast_ner.py`` compares
them entity for entity). A batch the decoder does not cover (preset entities, an
unexpected model layout or beam search) is handed to spaCy's own component.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

import numpy as np

from tollwatch.extract.component_pipe import annotate_in_batches

__all__ = ["FastNER", "supports"]

_BEGIN, _IN, _LAST, _UNIT, _OUT, _NONE = range(6)
_KINDS = {"B": _BEGIN, "I": _IN, "L": _LAST, "U": _UNIT, "O": _OUT}


def _maxout(pieces: Any) -> Any:
    """The largest of each unit's pieces (the last axis): ``pieces.max(axis=-1)``, as
    elementwise maxima of the pieces, which NumPy computes tens of times faster than a
    reduction over a short last axis (the same values: a maximum is exact)."""
    out = np.maximum(pieces[..., 0], pieces[..., 1]) if pieces.shape[-1] > 1 else pieces[..., 0]
    for p in range(2, pieces.shape[-1]):
        np.maximum(out, pieces[..., p], out=out)
    return out


def supports(ner: Any) -> bool:
    """Whether :class:`FastNER` can decode for the loaded recognizer ``ner``."""
    try:
        model = ner.model
        if ner.cfg.get("beam_width", 1) != 1 or not model.attrs.get("has_upper"):
            return False
        if len(model.layers) != 3 or model.layers[1].name != "precomputable_affine":
            return False
        if model.layers[1].get_dim("nF") != 3 or model.layers[1].get_dim("nP") < 1:
            return False
        names = [ner.moves.get_class_name(i) for i in range(ner.moves.n_moves)]
    except (AttributeError, KeyError, ValueError):
        return False
    return all(n == "O" or (n[:1] in "BILU" and n[1:2] == "-") for n in names)


class FastNER:
    """A pipeline component giving the annotation of the loaded recognizer ``ner``."""

    def __init__(self, ner: Any) -> None:
        self.ner = ner
        self.model = ner.model
        strings = ner.vocab.strings
        kinds: list[int] = []
        labels: list[int] = []
        hashes: list[int] = []
        label_ids: dict[str, int] = {}
        for i in range(ner.moves.n_moves):
            name = ner.moves.get_class_name(i)
            kind = _KINDS.get(name[:1], _NONE)
            label = name[2:] if kind != _OUT else ""
            if kind in (_BEGIN, _IN, _LAST, _UNIT) and not label:
                kind = _NONE  # "U-" with no label: valid only over preset entities
            kinds.append(kind)
            lid = label_ids.setdefault(label, len(label_ids)) if label else -1
            labels.append(lid)
            hashes.append(strings.add(label) if label else 0)
        self._kind = np.array(kinds)
        self._label = np.array(labels)
        self._hash = hashes
        self._names = {lid: lab for lab, lid in label_ids.items()}
        k = self._kind
        self._is = {kind: (k == kind)[None, :] for kind in (_BEGIN, _IN, _LAST, _UNIT, _OUT)}

    # -- the pipeline protocol ---------------------------------------------------------
    def __call__(self, doc: Any) -> Any:
        self._annotate([doc])
        return doc

    def pipe(self, docs: Iterable[Any], batch_size: int = 256) -> Iterator[Any]:
        return annotate_in_batches(docs, batch_size, self._annotate)

    # -- decoding ----------------------------------------------------------------------
    def _annotate(self, docs: list[Any]) -> None:
        work = [d for d in docs if len(d)]
        if not work:
            return
        arrays = [d.to_array(["ENT_IOB", "SENT_START", "IS_SPACE"]) for d in work]
        if any(a[:, 0].any() for a in arrays):
            for d in self.ner.pipe(work):  # preset entities: spaCy's own rules
                pass
            return
        found = self._decode(work, np.concatenate(arrays))
        from spacy.tokens import Span

        for d, ents in zip(work, found):
            d.set_ents([Span(d, s, e, label=lab) for s, e, lab in ents], default="outside")

    def _decode(self, docs: list[Any], attrs: Any) -> list[list[tuple[int, int, int]]]:
        layers = self.model.layers
        ops = self.model.ops
        tokvecs = layers[0].predict(docs)
        cached, _ = layers[1](tokvecs, is_train=False)
        n_tok, n_f, n_h, n_p = cached.shape
        flat = cached.reshape(n_tok, n_f, n_h * n_p)
        pad = flat[0]
        feats = flat[1:]
        bias = layers[1].get_param("b").reshape(n_h * n_p)
        upper_w = layers[2].get_param("W")
        upper_b = layers[2].get_param("b")
        unseen = sorted(self.model.attrs.get("unseen_classes") or ())
        sent_start = attrs[:, 1].astype(np.int64)
        space = attrs[:, 2].astype(bool)
        lens = np.array([len(d) for d in docs])
        offsets = np.concatenate([[0], np.cumsum(lens)[:-1]])
        n_docs = len(docs)
        is_open = np.zeros(n_docs, dtype=bool)
        ent_start = np.zeros(n_docs, dtype=np.int64)
        ent_label = np.full(n_docs, -1, dtype=np.int64)
        out: list[list[tuple[int, int, int]]] = [[] for _ in docs]
        kind_of, label_of, is_ = self._kind, self._label, self._is
        hashes = self._hash
        order = np.argsort(-lens, kind="stable")  # documents still going come first
        sorted_lens = lens[order]
        for t in range(int(lens.max())):
            n_act = int(np.searchsorted(-sorted_lens, -t, side="left"))
            act = np.sort(order[:n_act])  # spaCy keeps the states in their batch order
            b0 = offsets[act] + t
            op = is_open[act]
            f1 = np.where(op[:, None], feats[offsets[act] + ent_start[act], 1], pad[1])
            f2 = np.where(op[:, None], feats[np.maximum(b0 - 1, 0), 2], pad[2])
            unmaxed = feats[b0, 0] + f1
            unmaxed += f2
            unmaxed += bias
            hidden = _maxout(unmaxed.reshape(len(act), n_h, n_p))
            scores = ops.gemm(np.ascontiguousarray(hidden), upper_w, trans2=True)
            scores += upper_b
            if unseen:
                scores[:, unseen] = scores.min()
            more = (t + 1) < lens[act]
            nxt = np.minimum(b0 + 1, len(sent_start) - 1)
            next_starts = more & (sent_start[nxt] == 1)
            sp = space[b0]
            closed = ~op
            same = label_of[None, :] == ent_label[act][:, None]
            valid = (is_[_BEGIN] & (closed & more & ~next_starts & ~sp)[:, None]) | \
                (is_[_IN] & (op & more & ~next_starts)[:, None] & same) | \
                (is_[_LAST] & op[:, None] & same) | \
                (is_[_UNIT] & (closed & ~sp)[:, None]) | \
                (is_[_OUT] & closed[:, None])
            guess = np.where(valid, scores, -np.inf).argmax(axis=1)
            kinds = kind_of[guess]
            labels = label_of[guess]
            for j in np.nonzero(kinds == _LAST)[0]:
                d = act[j]
                out[d].append((int(ent_start[d]), t + 1, hashes[guess[j]]))
            for j in np.nonzero(kinds == _UNIT)[0]:
                out[act[j]].append((t, t + 1, hashes[guess[j]]))
            begin = kinds == _BEGIN
            ent_start[act[begin]] = t
            ent_label[act[begin]] = labels[begin]
            is_open[act[begin]] = True
            is_open[act[kinds == _LAST]] = False
        return out

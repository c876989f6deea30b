"""The effect layout: the one definition of where each kind of change lives in a program.

Every effect a scenario can use compiles to ``(slot, amount)`` pairs into one flat per-game vector
of additive changes (an effect *program*, ``compiler.Program``). The vector is cut into blocks,
one per kind of change, in the order of ``Block``; ``Layout`` knows each block's shape (over the
scenario's states, dimensions, partners, ...) and therefore its offset, and encodes and decodes
slots. Everything that writes or reads slots goes through it:

* ``compiler._add_effect`` writes slots with ``Layout.slot``;
* ``core.apply_programs`` applies each block (``Compiled.block_bounds`` are its offsets);
* ``ledger.Ledger.programs`` and the ``multivector`` policy read slots back with
  ``Layout.decode`` / ``Layout.locate``.

Adding a kind of effect means: a member of ``Block`` (and its shape in ``Layout.__post_init__``),
its encoding in ``compiler._add_effect`` and its rule in ``core.apply_programs``
(``tests/engine/test_compiler.py`` fails until the registry's new verb has an example there).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import IntEnum

import numpy as np


class Block(IntEnum):
    """The kinds of change, in the order their blocks follow each other in a program's vector."""

    #: dependence pushes by a power toward itself, scaled by the state's acceptance ``(S, D, K)``
    PUSH_SCALED = 0
    #: dependence pushes applied in full (events, options, states' own actions, the rest of the
    #: world) ``(S, D, K)``
    PUSH_RAW = 1
    #: shares moved from a partner to the rest of the world ``(S, D, K)``
    PULL = 2
    TRUST = 3  #: ``(S, P)``
    STABILITY = 4  #: ``(S,)``
    GROWTH = 5  #: ``(S,)`` (half of it also moves the long-run level)
    RESOURCES = 6  #: ``(A, R)``
    METERS = 7  #: ``(M,)``
    FLAG_SET = 8  #: ``(F,)``
    FLAG_CLEAR = 9  #: ``(F,)``
    ORG_JOIN = 10  #: ``(O, A)``
    ORG_LEAVE = 11  #: ``(O, A)``
    RESILIENCE = 12  #: ``(S,)``


#: the blocks that change dependence shares (resolved together, see ``core.resolve_dependence``)
DEPENDENCE_BLOCKS = (Block.PUSH_SCALED, Block.PUSH_RAW, Block.PULL)


@dataclass(frozen=True)
class Layout:
    """The sizes of a scenario's world, and from them the offset of every block in the flat
    per-game vector of changes.

    ``S`` states, ``D`` dimensions, ``K`` partners (the powers, then the rest of the world),
    ``P`` powers, ``A`` actors, ``R`` resources, ``M`` meters, ``F`` flags, ``O`` organisations.
    """

    S: int
    D: int
    K: int
    P: int
    A: int
    R: int
    M: int
    F: int
    O: int
    #: every block's shape, in ``Block`` order
    shapes: tuple[tuple[int, ...], ...] = field(init=False, repr=False, compare=False)
    #: first slot of every block, then the vector's size (``len(Block) + 1`` numbers)
    bounds: tuple[int, ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        dep = (self.S, self.D, self.K)
        by_block = {
            Block.PUSH_SCALED: dep,
            Block.PUSH_RAW: dep,
            Block.PULL: dep,
            Block.TRUST: (self.S, self.P),
            Block.STABILITY: (self.S,),
            Block.GROWTH: (self.S,),
            Block.RESOURCES: (self.A, self.R),
            Block.METERS: (self.M,),
            Block.FLAG_SET: (self.F,),
            Block.FLAG_CLEAR: (self.F,),
            Block.ORG_JOIN: (self.O, self.A),
            Block.ORG_LEAVE: (self.O, self.A),
            Block.RESILIENCE: (self.S,),
        }
        shapes = tuple(by_block[b] for b in Block)
        bounds = [0]
        for shape in shapes:
            bounds.append(bounds[-1] + int(np.prod(shape, dtype=np.int64)))
        object.__setattr__(self, "shapes", shapes)
        object.__setattr__(self, "bounds", tuple(bounds))

    def shape(self, block: Block) -> tuple[int, ...]:
        """The shape of ``block`` for one game (its slots are this array, flattened)."""
        return self.shapes[block]

    def start(self, block: Block) -> int:
        """The first slot of ``block``."""
        return self.bounds[block]

    @property
    def size(self) -> int:
        """The length of the whole vector of changes."""
        return self.bounds[-1]

    @property
    def dep_size(self) -> int:
        """The length of one dependence block: ``S * D * K``."""
        return self.S * self.D * self.K

    def slot(self, block: Block, *index: int) -> int:
        """The slot of ``index`` (e.g. ``state, dimension, partner``) in ``block``."""
        shape = self.shape(block)
        if len(index) != len(shape) or not all(0 <= i < n for i, n in zip(index, shape)):
            raise IndexError(f"{block.name} has shape {shape}; {index} is outside it")
        offset = 0
        for i, n in zip(index, shape):
            offset = offset * n + i
        return self.start(block) + offset

    def locate(self, slot: int) -> tuple[Block, int]:
        """The block a slot lies in and its offset inside that block."""
        if not 0 <= slot < self.size:
            raise IndexError(f"slot {slot} is outside the layout (size {self.size})")
        b = Block(int(np.searchsorted(self.bounds, slot, side="right")) - 1)
        return b, slot - self.start(b)

    def decode(self, slot: int) -> tuple[Block, tuple[int, ...]]:
        """The block a slot lies in and its index in that block's shape (``Layout.slot``
        inverted)."""
        b, offset = self.locate(slot)
        return b, tuple(int(i) for i in np.unravel_index(offset, self.shape(b)))

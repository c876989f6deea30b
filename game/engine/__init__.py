"""The engine: the rules of the game for N games at once, and nothing above them.

``core`` (the turn, with a map of where each rule lives), ``compiler`` (scenario -> tables),
``layout`` (where each kind of change lives in an effect program), ``state`` (the arrays),
``rng`` (counter-based random streams), ``ledger`` (why each number changed), ``record`` (game
records and save files). It imports the scenario models and numpy only.
"""

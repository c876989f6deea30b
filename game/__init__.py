"""Crossroads: Balanced Diplomacy in Central Asia.

Sub-packages: ``scenario`` (safe loading, validation, the condition/effect registry),
``engine`` (the batched numpy turn engine), ``ai`` (vectorised policies), ``balance`` (sweeps and
reports), ``ui`` (pygame-ce scenes). ``cli`` is the command line shared by ``main.py`` and the
``crossroads`` console script.
"""

__version__ = "0.1.0"

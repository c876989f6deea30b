"""The balance lab: studies of many games with computer policies, their statistics and reports.

Modules (imported on demand; nothing here loads pygame or Dask):

* ``policies``: the policy population (``game.ai.policies`` plus the ``rollout`` best response);
* ``sim``: one chunk of one run (``play_chunk``), the unit of work;
* ``executors``: in-process, local worker processes, or a Dask cluster;
* ``study``: which runs a study plays (grid, reference runs, ablations, order checks);
* ``stats``: Wilson and paired intervals, Bonferroni;
* ``analysis``: tables and the verdicts of declared expectations;
* ``report`` and ``charts``: ``report.md``, CSV files, PNG charts;
* ``check``: the two-stage expectation check of the quick pytest tier;
* ``cli``: ``python main.py balance``; ``bench``: ``python -m game.balance.bench``.

``docs/balance.md`` explains the method and how to read a report.
"""

"""The class report (``python main.py report RECORD... [--out DIR] [--html] [--lang en|ja|ru]``):
a one-page summary of several groups' games against the historical path.

Each RECORD is a save file (``Save`` in the window, or the autosave) or a ``play --headless
--json`` record, of any version of the record format (``docs/records.md``); a folder stands
for every ``.json`` file in it (and in its group folders), and a scenario file (``.yaml``)
given among them is used for the comparison with history (otherwise the scenario is found by
its id: installed, or ``<id>.yaml`` beside the records or in the current folder).

The report writes ``report.md`` (grades per objective, key choices against the historical
ones, where the paths diverged, average autonomy over time, discussion prompts),
``report.png`` (the same on one projector-sized page) and, with ``--html``, ``report.html``
(one self-contained file with the picture inside), in English, Japanese or Russian.

* ``records``: reading the inputs, naming the groups, finding the scenario;
* ``analysis``: grades, roles, choices against history, splits, the benchmark, prompts;
* ``document``: ``report.md`` and ``report.html``;
* ``picture``: ``report.png``;
* ``i18n``: the report's phrases (``locale/<lang>.json``) in the kit's translation layer;
* ``cli``: the command.

A save of an unfinished game is not graded (a game is graded at its end): it is replayed on
the scenario for its values in the year it stopped, named with its turns everywhere ("Group B
(2 of 9 turns)"), listed after the finished games and left out of the comparisons of results;
two groups are compared only in the turns and roles both played. The report warns when the
groups' seeds differ, when a group played at another difficulty than the class, and when a
group did not play the scenario as shipped (its own difficulty, or standard), so its
comparison with history is not like for like (``analysis.difficulty_warnings``).
"""

from .cli import cmd_report

__all__ = ["cmd_report"]

"""``new-scenario``: a small, commented starter scenario that validates with no warnings.

It is neutral: two placeholder powers (``POWER_A``, ``POWER_B``) and two placeholder states
(``STATE_A``, ``STATE_B``) in an invented region, every number labelled as invented, no
historical claim and no source to copy, so it suits any region and says nothing untrue. It is
deliberately complete (most sections appear, each with a comment saying what it is for) but
small: three dimensions, two resources, four actions, three events and a drift. Authors replace
the placeholders with their region's actors (``docs/new-region.md`` walks through it), and
students copy a block and change it, so every block is a working example. The commands in its
comments are the ones the author typed (``kit.command``).
"""

from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path

from ..kit.command import command

SCHEMA_FILE = "scenario.schema.json"

TEMPLATE = """\
# yaml-language-server: $schema={schema}
#
# {title}: a starter scenario.
#
# Check it with:   {validate}
# Play it with:    {play}
# Test it with:    {headless}
#
# It plays in an invented region: two powers (POWER_A, POWER_B) compete for influence in two
# states (STATE_A, STATE_B). Replace them with the actors of your region, and every number with
# one from your sources. The step-by-step guide is docs/new-region.md; every key is explained in
# docs/scenario-format.md and every message of 'validate' in docs/errors.md.
# Rules to remember:
#   * indent with spaces (never tabs), 2 spaces per level;
#   * ids of actors are CAPITALS (for a country, its three-letter ISO code: KAZ, MNG, JPN);
#     every other id is small_letters_with_underscores;
#   * everything you use (actors, flags, resources...) must be declared in its section first;
#   * put a text in quotes when it contains ': ' or starts with a special character.

schema_version: 1

meta:
  id: {id}
  title: "{title}"
  summary: >-
    Two powers compete for influence in two small states. Replace this text with one or two
    sentences about your scenario: where and when it plays, and who the players are.
  authors: [Your Name]
  languages: [en]
  learning_objectives:
    - Explain why a small state avoids depending on one single partner.
    - Compare quick deals with slow, trust-building cooperation.
  difficulty: introductory
  minutes: 30
  kind: class

# One turn per year. Dates are a year (2027) or a year and month ("2027-05").
calendar: {{start: 2025, end: 2034, turn: year}}

# Powers compete; states are what they compete over. 'playable: true' means a player may
# choose this role; without --role the game opens as the FIRST playable actor of this list.
# ROW (the rest of the world) exists automatically: do not declare it.
actors:
  - {{id: POWER_A, kind: power, name: Power A, playable: true}}
  - {{id: POWER_B, kind: power, name: Power B}}
  - {{id: STATE_A, kind: state, name: State A}}
  - {{id: STATE_B, kind: state, name: State B}}

# Dimensions of dependence. 'weight' says how much each counts in a state's autonomy.
dimensions:
  - {{id: trade, name: Trade, weight: 1.0}}
  - {{id: energy, name: Energy, weight: 1.0, description: "Fuel imports and export routes"}}
  - {{id: security, name: Security, weight: 0.5}}

# What the powers spend on their actions.
resources:
  - {{id: aid_budget, name: Aid budget, unit: million USD, max: 500}}
  - {{id: political_capital, name: Political capital, max: 50}}

# Flags are facts that effects can set and conditions can test. Write the description as a
# sentence that is true once the flag is set: the game shows "from now on: <description>".
flags:
  - {{id: dialogue_started, description: "Power A and the two states meet every year"}}

# The world at the first turn. Give every state a share for every dimension: whatever is not
# given belongs to the rest of the world (ROW), so a missing dimension would mean "depends on
# nobody" (validate warns, W309). ALL THESE NUMBERS ARE INVENTED (plausible for a made-up
# region): replace each with a figure from a source, and note the source next to it.
initial:
  dependence:
    STATE_A:
      trade: {{POWER_B: 35, POWER_A: 10}}
      energy: {{POWER_B: 40, POWER_A: 5}}
      security: {{POWER_B: 50, POWER_A: 5}}
    STATE_B:
      trade: {{POWER_B: 30, POWER_A: 8}}
      energy: {{POWER_B: 45, POWER_A: 2}}
      security: {{POWER_B: 30, POWER_A: 10}}
  trust:                      # 0-100; 50 is neutral
    STATE_A: {{POWER_A: 55, POWER_B: 50}}
    STATE_B: {{POWER_A: 50, POWER_B: 45}}
  stability: {{STATE_A: 65, STATE_B: 55}}
  growth: {{STATE_A: 4, STATE_B: 5}}
  resources:
    POWER_A: {{aid_budget: 60, political_capital: 10}}
    POWER_B: {{political_capital: 20}}

# Added to each actor's resources at the start of every turn.
income:
  POWER_A: {{aid_budget: 40, political_capital: 3}}
  POWER_B: {{political_capital: 4}}

# A slow trend that pulls a share toward a level every turn (geography, markets).
drift:
  - id: power_b_market
    name: Power B's large market nearby
    states: all
    partner: POWER_B
    dimension: trade
    toward: 60
    rate: 0.1

# Things an actor can do on its turn. Inside an action, $actor is the power taking it and
# $target is the state it is aimed at.
actions:
  - id: aid_project
    name: Aid for roads and power lines
    description: Power A pays for new links to more trading partners.
    actor: POWER_A
    targets: states
    family: aid
    cost: {{aid_budget: 30}}
    effects:
      - shift_dependence: {{state: $target, partner: $actor, dimension: trade, by: 6}}
      - change_growth: {{state: $target, by: 0.3}}

  - id: training_programme
    name: Training for officials and engineers
    actor: POWER_A
    targets: states
    family: training
    cost: {{aid_budget: 5}}
    duration: 3
    effects:
      - change_trust: {{state: $target, power: $actor, by: 2}}
      - change_stability: {{state: $target, by: 1}}

  - id: ministers_meeting
    name: Meeting of the foreign ministers
    description: Both states meet Power A's foreign minister together.
    actor: POWER_A
    targets: none
    family: dialogue
    cost: {{political_capital: 4}}
    cooldown: 2
    effects:
      - change_trust: {{state: STATE_A, power: POWER_A, by: 3}}
      - change_trust: {{state: STATE_B, power: POWER_A, by: 3}}
      - set_flag: dialogue_started

  - id: power_b_loan
    name: Quick loan from Power B
    actor: POWER_B
    targets: states
    family: finance
    cost: {{political_capital: 3}}
    delay: 1                  # turns before the effects start (the money arrives next year)
    effects:
      - shift_dependence: {{state: $target, partner: $actor, dimension: trade, by: 6}}
      - change_growth: {{state: $target, by: 0.5}}
      - change_trust: {{state: $target, power: $actor, by: -1}}

# Events: on a date, when a condition holds, or by chance. Say honestly what each one is:
# historical (it really happened: then cite a source, see 'bibliography' below), plausible
# (it could happen, like things that did happen) or hypothetical (invented to make a point).
events:
  - id: regional_summit
    historicity: hypothetical
    date: "2027-05"
    title: A regional summit
    text: >-
      The leaders of both states and Power A meet for the first time and agree to talk
      every year.
    effects:
      - set_flag: dialogue_started
      - change_trust: {{state: STATE_A, power: POWER_A, by: 2}}
      - change_trust: {{state: STATE_B, power: POWER_A, by: 2}}
    teacher_note: Ask why a meeting of three can achieve more than two meetings of two.
    # For a real event: historicity: historical, and cite your source, for example
    # sources: [{{ref: statistics_office_2024, locator: "table 3"}}]

  - id: values_or_business
    historicity: plausible
    title: Values or business?
    text: >-
      State A's leaders ask Power A to sign a business deal quickly. Some of Power A's
      politicians want the joint statement to mention human rights first.
    condition: {{flag: dialogue_started}}
    window: {{from: 2027, until: 2032}}
    chooser: POWER_A
    options:
      - id: speak_about_values
        text: Speak openly about human rights
        effects:
          - change_trust: {{state: STATE_A, power: POWER_A, by: -3}}
          - add_resource: {{actor: POWER_A, resource: political_capital, amount: 3}}
      - id: sign_the_deal
        text: Sign the business deal now
        effects:
          - shift_dependence: {{state: STATE_A, partner: POWER_A, dimension: trade, by: 2}}
    discussion: Was there a way to do both?

  - id: border_delays
    historicity: hypothetical
    title: Trucks wait for days at the border
    text: Old bridges and slow customs checks hold up trade.
    chance: 0.2
    repeatable: true
    effects:
      - change_growth: {{state: STATE_B, by: -0.3}}
      - change_stability: {{state: STATE_B, by: -1}}

# How each playable role is graded at the end. Bands are the value needed for A, B, C and D
# (below D is F). These were set so that doing nothing earns an F, random play about a C and
# the 'greedy' computer player about a B. After any change, set them again from
#   {balance}
# (docs/new-region.md, "Setting the grade bands").
objectives:
  POWER_A:
    - id: balanced_region
      name: A balanced region
      quantity: {{autonomy: {{state: average}}}}
      bands: {{A: 76.8, B: 76.5, C: 76.2, D: 75.9}}
    - id: trusted_partner
      name: A trusted partner
      quantity: {{trust: {{state: average, power: POWER_A}}}}
      bands: {{A: 84, B: 80, C: 74, D: 64}}
      weight: 2

# How computer-played actors choose between their families of actions.
policies:
  POWER_B: {{family_weights: {{finance: 1.0}}, pass_weight: 0.1}}
  POWER_A: {{family_weights: {{aid: 1.0, training: 1.0, dialogue: 0.5}}}}

# What each actor really did, year by year, drives the 'historical' computer player. An
# invented region has no history; for a real one, for example:
# history:
#   POWER_B:
#     - {{year: 2025, action: power_b_loan, target: STATE_A}}

# Sources. List each one once and cite it by its id from the events, actions or drift that rest
# on it (sources: [{{ref: ..., locator: ...}}]). Say where a reader can find it; for example:
# bibliography:
#   - id: statistics_office_2024
#     type: report
#     title: "Foreign trade of State A in 2024"
#     publisher: Statistics office of State A
#     date: "2025-03"
#     url: https://example.org/foreign-trade-2024

glossary:
  - term: autonomy
    name: Autonomy
    definition: How free a state is to choose, because it does not depend on any one partner.
  - term: dependence
    name: Dependence
    definition: The share of a state's trade, energy or security that comes from one partner.

discussion_questions:
  - Which of Power A's actions helped the states' autonomy the most, and why?
  - Why might a state accept a loan that makes it more dependent?
"""


def slug(name: str) -> str:
    """'Silk Road 2030!' -> 'silk_road_2030' (a valid scenario id)."""
    s = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    s = re.sub(r"[^a-z0-9]+", "_", s.lower()).strip("_")
    if not s or not s[0].isalpha():
        s = "scenario_" + s if s else "my_scenario"
    return s[:64].rstrip("_")


def render(name: str, schema: str = SCHEMA_FILE, path_hint: str = "scenario.yaml") -> str:
    """The template text for a scenario called ``name``."""
    title = name.strip().replace('"', "'") or "My scenario"
    quoted = f'"{path_hint}"' if " " in path_hint else path_hint
    return TEMPLATE.format(
        id=slug(name),
        title=title,
        schema=schema,
        validate=command(f"validate {quoted}"),
        play=command(f"play {quoted}"),
        headless=command(f"play {quoted} --headless --policy POWER_A=greedy"),
        balance=command(f"balance {quoted} --quick"),
    )


def new_scenario(name: str, dest_dir: str | Path, folder: str | Path | None = None) -> Path:
    """Write ``dest_dir/<id>/scenario.yaml`` (or ``folder/scenario.yaml`` when a folder is
    given) plus the editor schema next to it, and return the scenario file's path. Raises
    ``FileExistsError`` rather than overwrite anything."""
    folder = Path(folder) if folder is not None else Path(dest_dir) / slug(name)
    target = folder / "scenario.yaml"
    if target.exists():
        raise FileExistsError(str(target))
    folder.mkdir(parents=True, exist_ok=True)
    from .discovery import display_name

    target.write_text(render(name, path_hint=display_name(target)), encoding="utf-8")
    schema_path = folder / SCHEMA_FILE
    if not schema_path.exists():
        from .schema import json_schema

        schema_path.write_text(
            json.dumps(json_schema(), indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
        )
    return target

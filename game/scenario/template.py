"""``new-scenario``: a small, commented starter scenario that validates with no warnings.

It is deliberately complete (every section appears once, with a comment saying what it is for)
but small: two powers, two states, three dimensions, two resources, four actions and three
events. Students copy a block and change it, so every block is a working example.
"""

from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path

SCHEMA_FILE = "scenario.schema.json"

TEMPLATE = """\
# yaml-language-server: $schema={schema}
#
# {title}: a starter scenario.
#
# Check it with:   python main.py validate {path_hint}
# Play it with:    python main.py play {path_hint}
#
# The full guide is docs/scenario-format.md; every error code is explained in docs/errors.md.
# Rules to remember:
#   * indent with spaces (never tabs), 2 spaces per level;
#   * ids of actors are CAPITALS (JPN, KAZ); every other id is small_letters_with_underscores;
#   * everything you use (actors, flags, resources...) must be declared in its section first;
#   * put a text in quotes when it contains ': ' or starts with a special character.

schema_version: 1

meta:
  id: {id}
  title: "{title}"
  summary: >-
    Japan tries to help Kazakhstan and Uzbekistan stay balanced between the great powers,
    using aid, training and dialogue instead of military power.
  authors: [Your Name]
  languages: [en]
  learning_objectives:
    - Explain why a small state avoids depending on one single partner.
    - Compare quick deals with slow, trust-building cooperation.
  difficulty: introductory
  minutes: 30
  kind: class

# One turn per year. Dates are a year (2013) or a year and month ("2017-05").
calendar: {{start: 2013, end: 2025, turn: year}}

# Powers compete; states are what they compete over. 'playable: true' means a player may
# choose this role. ROW (the rest of the world) exists automatically: do not declare it.
actors:
  - {{id: JPN, kind: power, name: Japan, playable: true}}
  - {{id: CHN, kind: power, name: China}}
  - {{id: KAZ, kind: state, name: Kazakhstan}}
  - {{id: UZB, kind: state, name: Uzbekistan}}

# Dimensions of dependence. 'weight' says how much each counts in a state's autonomy.
dimensions:
  - {{id: trade, name: Trade, weight: 1.0}}
  - {{id: energy, name: Energy, weight: 1.0, description: "Export routes for oil and gas"}}
  - {{id: connectivity, name: Transport links, weight: 0.5}}

# What the powers spend on their actions.
resources:
  - {{id: oda_budget, name: ODA budget, unit: bn yen, max: 500}}
  - {{id: political_capital, name: Political capital, max: 50}}

# Flags are facts that effects can set and conditions can test.
flags:
  - {{id: dialogue_renewed, description: "The Central Asia plus Japan dialogue has met again"}}

# The world at the first turn. Dependence is in percent per state and dimension; whatever
# is not given belongs to the rest of the world.
initial:
  dependence:
    KAZ:
      trade: {{CHN: 35, JPN: 3}}
      energy: {{CHN: 30, JPN: 2}}
      connectivity: {{CHN: 30, JPN: 2}}
    UZB:
      trade: {{CHN: 30, JPN: 2}}
      energy: {{CHN: 25, JPN: 1}}
      connectivity: {{CHN: 25, JPN: 1}}
  trust:
    KAZ: {{JPN: 60, CHN: 50}}
    UZB: {{JPN: 55, CHN: 45}}
  stability: {{KAZ: 65, UZB: 55}}
  growth: {{KAZ: 4, UZB: 6}}
  resources:
    JPN: {{oda_budget: 60, political_capital: 10}}
    CHN: {{political_capital: 20}}

# Added to each actor's resources at the start of every turn.
income:
  JPN: {{oda_budget: 40, political_capital: 3}}
  CHN: {{political_capital: 4}}

# Things an actor can do on its turn. Inside an action, $actor is the power taking it and
# $target is the state it is aimed at.
actions:
  - id: yen_loan
    name: Yen loan for roads and railways
    description: A long-term loan for transport infrastructure, finished after two years.
    actor: JPN
    targets: states
    family: aid
    cost: {{oda_budget: 30}}
    delay: 2
    effects:
      - shift_dependence: {{state: $target, partner: $actor, dimension: connectivity, by: 5}}
      - change_growth: {{state: $target, by: 0.3}}

  - id: training_programme
    name: Training for officials and engineers
    actor: JPN
    targets: states
    family: training
    cost: {{oda_budget: 5}}
    duration: 3
    effects:
      - change_trust: {{state: $target, power: $actor, by: 2}}
      - change_stability: {{state: $target, by: 1}}

  - id: ministers_meeting
    name: Central Asia plus Japan meeting
    description: All five states meet Japan's foreign minister together.
    actor: JPN
    targets: none
    family: dialogue
    cost: {{political_capital: 4}}
    cooldown: 2
    effects:
      - change_trust: {{state: KAZ, power: JPN, by: 3}}
      - change_trust: {{state: UZB, power: JPN, by: 3}}
      - set_flag: dialogue_renewed

  - id: belt_and_road_loan
    name: Belt and Road loan
    actor: CHN
    targets: states
    family: finance
    cost: {{political_capital: 3}}
    effects:
      - shift_dependence: {{state: $target, partner: $actor, dimension: trade, by: 6}}
      - change_growth: {{state: $target, by: 0.5}}
      - change_trust: {{state: $target, power: $actor, by: -1}}
    sources:
      - {{ref: xi_astana_2013, locator: "speech"}}

# Events: on a date (historical), when a condition holds, or by chance.
events:
  - id: ashgabat_meeting_2017
    historicity: historical
    date: "2017-05"
    title: Foreign ministers meet in Ashgabat
    text: >-
      Japan's foreign minister meets the ministers of the five Central Asian states and
      promises about 24 billion yen for roads, railways and airports, and training for about
      2,000 people over five years.
    effects:
      - set_flag: dialogue_renewed
      - shift_dependence: {{state: KAZ, partner: JPN, dimension: connectivity, by: 2}}
      - shift_dependence: {{state: UZB, partner: JPN, dimension: connectivity, by: 2}}
    sources:
      - {{ref: yomiuri_2017_ashgabat, locator: "paragraphs 3-9"}}
    teacher_note: Ask why Japan offers transport and training rather than weapons.

  - id: values_or_business
    historicity: plausible
    title: Values or business?
    text: >-
      Kazakhstan's leaders ask Japan to sign a business deal quickly. Some Japanese
      politicians want the joint statement to mention democracy and the rule of law first.
    condition: {{flag: dialogue_renewed}}
    window: {{from: 2017, until: 2022}}
    chooser: JPN
    options:
      - id: speak_about_values
        text: Speak openly about democracy and the rule of law
        effects:
          - change_trust: {{state: KAZ, power: JPN, by: -3}}
          - add_resource: {{actor: JPN, resource: political_capital, amount: 3}}
      - id: sign_the_deal
        text: Sign the business deal now
        effects:
          - shift_dependence: {{state: KAZ, partner: JPN, dimension: trade, by: 2}}
    discussion: Was there a way to do both?

  - id: customs_delays
    historicity: hypothetical
    title: Trucks wait for days at the border
    text: Old bridges and slow customs checks hold up trade on the way to Europe.
    chance: 0.2
    repeatable: true
    effects:
      - change_growth: {{state: UZB, by: -0.3}}
      - change_stability: {{state: UZB, by: -1}}

# How each role is graded at the end. Bands are the value needed for A, B, C and D
# (below D is F). Check them with: python main.py play FILE --headless --policy JPN=random
objectives:
  JPN:
    - id: balanced_region
      name: A balanced region
      quantity: {{autonomy: {{state: average}}}}
      bands: {{A: 85, B: 83, C: 81, D: 78}}
    - id: trusted_partner
      name: A trusted partner
      quantity: {{trust: {{state: average, power: JPN}}}}
      bands: {{A: 85, B: 78, C: 70, D: 60}}
      weight: 2

# How computer-played actors choose between their families of actions.
policies:
  CHN: {{family_weights: {{finance: 1.0}}, pass_weight: 0.1}}
  JPN: {{family_weights: {{aid: 1.0, training: 1.0, dialogue: 0.5}}}}

# What actually happened (used by the 'historical' computer player and the debrief).
history:
  CHN:
    - {{year: 2013, action: belt_and_road_loan, target: KAZ}}

bibliography:
  - id: yomiuri_2017_ashgabat
    type: article-newspaper
    title: "Diplomacy in Central Asia: to build a solid relationship with respect to Russia and China"
    publisher: Yomiuri Shimbun
    date: "2017-05"
    seed: 000_bca186ed57a43c66.txt
  - id: xi_astana_2013
    type: speech
    title: "Xi Jinping: Building the Silk Road Economic Belt (speech at Nazarbayev University)"
    date: "2013-09-07"
    url: https://china.usc.edu/xi-jinping-speech-astana-kazakhstan-building-silk-road-economic-belt-central-asian-nations-september

glossary:
  - term: autonomy
    name: Autonomy
    definition: How free a state is to choose, because it does not depend on any one partner.
  - term: oda
    name: ODA
    definition: Official Development Assistance - loans, grants and training paid by a government.

discussion_questions:
  - Which of Japan's actions helped the states' autonomy the most, and why?
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
    return TEMPLATE.format(id=slug(name), title=title, schema=schema, path_hint=path_hint)


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

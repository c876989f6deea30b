"""The team brief a teacher prints (``python main.py brief``): a valid page with every
objective and its grade bands, every action of the role as one row of a table grouped by
family (cost, target, timing, effects, condition), only the glossary terms the brief uses and
a short list of sources, in the language asked for; one file a role with ``--role all``; a
plain message and exit 2 for a wrong scenario, role or language.

That a class brief fits one sheet printed on both sides is checked with a browser
(``test_brief_print.py``, marked slow; ``tools/check_brief_pages.py``), not here."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest

from game.brief.page import brief_html
from game.brief.parts import brief_parts, family_name, role_actions
from game.brief.reading import MAX_SOURCES, MAX_TERMS, plain
from game.brief.words import (
    PHRASES,
    TARGET,
    ScenarioTexts,
    condition_short,
    effect_items,
    simplified,
    substituted,
)
from game.cli import main
from game.kit.i18n import number, using
from game.kit.lines import drop_parentheses, find_term, term_variants
from game.scenario.cli_commands import cmd_new_scenario
from game.scenario.loader import load_scenario
from game.scenario.model import Scenario, text_in
from game.scenario.registry import Condition, Effect

ROOT = Path(__file__).resolve().parents[2]
VOID = {"meta", "br", "img", "hr", "link", "input"}
CLASS = ("class_abe_belt_road", "class_war_corridor")
LANGS = ("en", "ja", "ru")


class Page(HTMLParser):
    """The page's text, its tags, and whether every tag that was opened was closed in order."""

    def __init__(self, html: str) -> None:
        super().__init__()
        self.stack: list[str] = []
        self.problems: list[str] = []
        self.chunks: list[str] = []
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.in_style = False
        self.rows: list[list[str]] = []  # the table's body rows, the text of each cell
        self.labels: list[str] = []  # each row's group label (its family), if it has one
        self.sections: dict[str, list[str]] = {}  # the text of each section
        self.feed(html)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        self.in_style = tag == "style"
        if tag == "tr" and "tbody" in self.stack:
            self.rows.append([])
            self.labels.append("")
        elif tag == "td" and self.rows:
            self.rows[-1].append("")
        elif tag == "section":
            self.sections[str(dict(attrs).get("class"))] = []
        if tag not in VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        self.in_style = False
        if not self.stack or self.stack[-1] != tag:
            self.problems.append(f"</{tag}> closes {self.stack[-1:] or 'nothing'}")
        else:
            self.stack.pop()

    def handle_data(self, data: str) -> None:
        if self.in_style:
            return
        self.chunks.append(data)
        if "td" in self.stack and self.rows:
            if self.stack[-1] == "em" and len(self.rows[-1]) == 1 and not self.rows[-1][0]:
                self.labels[-1] = data
            self.rows[-1][-1] += data
        if "section" in self.stack and self.sections:
            self.sections[list(self.sections)[-1]].append(data)

    def section(self, name: str) -> str:
        return flat(" ".join(self.sections.get(name, [])))

    @property
    def text(self) -> str:
        return " ".join(" ".join(self.chunks).split())


def scenario(sid: str) -> Scenario:
    sc = load_scenario(sid).scenario
    assert sc is not None
    return sc


def flat(s: str) -> str:
    return " ".join(s.split())


def briefs() -> list[tuple[str, str, str]]:
    """Every playable role of the class scenarios, in every language."""
    return [(sid, r, lang) for sid in CLASS for r in scenario(sid).playable_roles for lang in LANGS]


@pytest.mark.parametrize("sid,role,lang", briefs())
def test_the_brief_is_a_valid_page_with_every_objective_band_and_action(sid, role, lang):
    sc = scenario(sid)
    page = Page(brief_html(sc, role, lang))
    assert page.problems == [] and page.stack == [], (page.problems, page.stack)
    assert ("html", {"lang": lang}) in page.tags
    text = page.text
    objectives = sc.objectives[role]
    assert objectives
    with using(lang):
        for ob in objectives:
            assert flat(text_in(ob.name, lang)) in text
            for band in (ob.bands.A, ob.bands.B, ob.bands.C, ob.bands.D):
                assert number(band) in text, (ob.id, number(band))
    actions = role_actions(sc, role)
    assert len(actions) >= 5
    for a in actions:
        assert flat(drop_parentheses(text_in(a.name, lang))) in text, a.id
    assert not re.search(r"\[[a-z_]+\.[a-z_.]+\]", text), "a phrase is missing from the catalogue"


@pytest.mark.parametrize("sid,role,lang", briefs())
def test_every_action_is_one_row_with_cost_timing_effects_and_condition(sid, role, lang):
    sc = scenario(sid)
    page = Page(brief_html(sc, role, lang))
    rows = page.rows
    actions = role_actions(sc, role)
    assert len(rows) == len(actions)
    # grouped by family: the families in the order they first appear, each one block
    families = list(dict.fromkeys(a.family for a in actions))
    ordered = sorted(actions, key=lambda a: families.index(a.family))
    first, last = int(sc.calendar.start[:4]), int(sc.calendar.end[:4])
    with using(lang):
        needs = PHRASES.tr("tool.needs", cond="").strip()
        for a, (name, cost, target, when, effects) in zip(ordered, rows, strict=True):
            assert flat(name).endswith(flat(drop_parentheses(text_in(a.name, lang)))), a.id
            for resource, amount in a.cost.items():
                assert number(amount) in cost, (a.id, resource)
            assert target.strip()
            if a.delay:
                assert f"+{a.delay}" in when, a.id
            if a.duration > 1:
                assert f"×{a.duration}" in when, a.id
            if a.cooldown >= 2:
                assert flat(PHRASES.tr("when.rest", n=a.cooldown)) in flat(when), a.id
            # the first effect is always shown, with its number as the brief writes it
            arg = a.effects[0].arg
            by = getattr(arg, "by", getattr(arg, "amount", None))
            if by is not None:
                assert number(by, sign=True) in effects, a.id
            if simplified(a.available_if, first, last) is not None:
                assert needs in effects, a.id
    with using(lang):
        expected = [family_name(a.family) if a.id in firsts(ordered) else "" for a in ordered]
    assert page.labels == expected  # each family's name once, on its first row


def firsts(actions) -> set[str]:
    """The first action of each family."""
    return {next(a for a in actions if a.family == f).id for f in {a.family for a in actions}}


@pytest.mark.parametrize("sid,role,lang", briefs())
def test_the_key_terms_are_those_the_brief_uses_most_relevant_first(sid, role, lang):
    sc = scenario(sid)
    page = Page(brief_html(sc, role, lang))
    with using(lang):
        parts = brief_parts(sc, role, lang)
    own = [*parts.situation, *parts.objectives, *parts.others, parts.tools_legend]
    own += [f"{t.name} {t.effects} {t.needs}" for _, tools in parts.tools for t in tools]

    def patterns(g) -> list[str]:
        return term_variants(text_in(g.name, lang)) + term_variants(text_in(g.name, "en"))

    def used(g, texts: list[str]) -> bool:
        return any(find_term(plain(t), p) for t in texts for p in patterns(g))

    assert 0 < len(parts.terms) <= MAX_TERMS
    by_name = {flat(text_in(g.name, lang)): g for g in sc.glossary}
    listed = [by_name[flat(re.split(r"[:：]", plain(t))[0])] for t in parts.terms]
    refs = page.section("refs")
    assert all(flat(text_in(g.name, lang)) in refs for g in listed)
    for g in listed:
        assert used(g, own), g.term  # every term shown occurs in the brief's own texts
    if len(listed) < MAX_TERMS:  # room left: no term the brief uses is missing
        for g in sc.glossary:
            assert g in listed or not used(g, own), g.term
    early = [used(g, parts.situation + parts.objectives) for g in listed]
    assert early == sorted(early, reverse=True)  # those of the objectives first


@pytest.mark.parametrize("sid,role,lang", briefs())
def test_the_sources_are_few_with_publisher_and_where_to_look(sid, role, lang):
    sc = scenario(sid)
    with using(lang):
        parts = brief_parts(sc, role, lang)
        look = PHRASES.tr("source.where", where="").strip()
    assert 0 < len(parts.sources) <= MAX_SOURCES
    bib = {b.title: b for b in sc.bibliography}
    cited: dict[str, set[str]] = {}
    for what in [*role_actions(sc, role), *(e for e in sc.events if e.chooser == role)]:
        for s in what.sources:
            cited.setdefault(s.ref, set()).add(what.id)
    counts = []
    for line in parts.sources:
        title = re.match(r"\*\*(.+?)\*\*", line)[1]
        b = bib[title]
        if b.publisher:
            assert b.publisher in line
        assert look in line
        counts.append(len(cited[b.id]))
    assert counts == sorted(counts, reverse=True)  # the most cited first
    assert counts[0] == max(len(v) for v in cited.values())


def test_effects_are_short_grouped_and_name_only_other_states():
    sc = scenario("class_abe_belt_road")
    states = [a.id for a in sc.actors if a.kind == "state"]
    swap = {"$actor": "JPN", "$target": TARGET}
    effects = [
        substituted(Effect.model_validate(e), swap)
        for e in [
            {
                "shift_dependence": {
                    "state": "$target",
                    "partner": "JPN",
                    "dimension": "finance",
                    "by": 0.8,
                }
            },
            {
                "shift_dependence": {
                    "state": "$target",
                    "partner": "CHN",
                    "dimension": "finance",
                    "by": -1,
                }
            },
            *({"change_trust": {"state": s, "power": "JPN", "by": 2}} for s in states),
            {"change_stability": {"state": "KGZ", "by": 1}},
        ]
    ]
    with using("en"):
        names = ScenarioTexts(sc, "en")
        assert effect_items(effects, "JPN", TARGET, names) == [
            "Finance: Japan +0.8, China -1",
            "trust in Japan +2 (every state)",
            "stability +1 (Kyrgyzstan)",
        ]
        cond = Condition.model_validate(
            {
                "all": [
                    {"trust": {"state": "$target", "power": "JPN", "at_least": 40}},
                    {
                        "not": {
                            "dependence": {
                                "state": "$target",
                                "partner": "CHN",
                                "dimension": "finance",
                                "at_least": 40,
                            }
                        }
                    },
                    {"stability": {"state": "TJK", "at_least": 35}},
                ]
            }
        )
        assert condition_short(substituted(cond, swap), "JPN", TARGET, names) == (
            "trust in Japan ≥ 40, Finance dependence on China < 40%, Tajikistan: stability ≥ 35"
        )


def test_the_bands_come_from_the_scenario_not_from_the_code():
    sc = scenario("class_war_corridor")
    first = sc.objectives["KAZ"][0]
    moved = first.model_copy(update={"bands": first.bands.model_copy(update={"A": 91.25})})
    changed = sc.model_copy(
        update={"objectives": {**sc.objectives, "KAZ": [moved, *sc.objectives["KAZ"][1:]]}}
    )
    assert "91.25 or more" in Page(brief_html(changed, "KAZ", "en")).text
    assert "91.25" not in Page(brief_html(sc, "KAZ", "en")).text


def test_each_language_has_its_own_fixed_phrases_and_numbers():
    sc = scenario("class_abe_belt_road")
    texts = {lang: Page(brief_html(sc, "JPN", lang)).text for lang in ("en", "ja", "ru")}
    for lang, text in texts.items():
        with using(lang):
            own = [PHRASES.tr(k) for k in ("h.situation", "h.objectives", "h.tools", "h.sources")]
        for phrase in own:
            assert phrase in text, (lang, phrase)
            others = [t for other, t in texts.items() if other != lang]
            assert all(phrase not in t for t in others), (lang, phrase)
    # the scenario's own texts in each language, and numbers as each writes them
    assert "Contracts or credit?" in texts["en"]
    assert "契約か、融資か？" in texts["ja"]
    assert "Контракты или кредиты?" in texts["ru"]
    band = sc.objectives["JPN"][0].bands.A
    assert number(band, lang="en") in texts["en"] and number(band, lang="ru") in texts["ru"]


def test_every_catalogue_has_every_phrase_and_the_same_placeholders():
    folder = ROOT / "game" / "brief" / "locale"
    tables = {
        lang: json.loads((folder / f"{lang}.json").read_text(encoding="utf-8"))
        for lang in ("en", "ja", "ru")
    }
    keys = {lang: {k for k in t if not k.startswith("_")} for lang, t in tables.items()}
    assert keys["ja"] == keys["en"] and keys["ru"] == keys["en"]

    def holes(v: object) -> set[str]:
        forms = v.values() if isinstance(v, dict) else [v]
        return {h for f in forms for h in re.findall(r"\{(\w+)\}", str(f))}

    for k in keys["en"]:
        for lang in ("ja", "ru"):
            assert holes(tables[lang][k]) <= holes(tables["en"][k]) | {"n"}, (lang, k)


def test_a_page_says_when_the_scenario_has_no_text_in_its_language(tmp_path):
    assert cmd_new_scenario(str(tmp_path / "mine")) == 0
    own = scenario(str(tmp_path / "mine" / "scenario.yaml"))
    with using("ja"):
        whole = PHRASES.tr("fallback.all")
    assert whole in Page(brief_html(own, own.playable_roles[0], "ja")).text
    # a scenario translated in part: its title in Russian, the rest in English only
    path = tmp_path / "mine" / "scenario.yaml"
    text = path.read_text(encoding="utf-8")
    text = text.replace('  title: "mine"', '  title: {en: "mine", ru: "моя"}', 1)
    text = text.replace("  languages: [en]", "  languages: [en, ru]", 1)
    path.write_text(text, encoding="utf-8")
    partly = scenario(str(path))
    with using("ru"):
        some = PHRASES.tr("fallback.some")
    assert some in Page(brief_html(partly, partly.playable_roles[0], "ru")).text
    war = Page(brief_html(scenario("class_war_corridor"), "KAZ", "ru")).text
    assert some not in war  # every shipped scenario is translated
    assert "Диверсификация экспортных маршрутов" in war
    for lang in ("en", "ja"):
        full = Page(brief_html(scenario("class_abe_belt_road"), "JPN", lang)).text
        with using(lang):
            assert PHRASES.tr("fallback.some") not in full
            assert PHRASES.tr("fallback.all") not in full


def test_japanese_pages_carry_the_games_font_and_print_rules():
    sc = scenario("class_abe_belt_road")
    ja, en = brief_html(sc, "JPN", "ja"), brief_html(sc, "JPN", "en")
    assert "@font-face{font-family:'Crossroads Sans';src:url(data:font/ttf;base64," in ja
    assert "Noto Sans CJK JP" in ja
    assert "@font-face" not in en
    for page in (ja, en):
        assert "@page{" in page and "break-inside:avoid" in page


def test_role_all_writes_one_brief_per_playable_role_here(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    assert main(["brief", "class_war_corridor", "--role", "all", "--lang", "ru"]) == 0
    written = sorted(p.name for p in tmp_path.iterdir())
    roles = scenario("class_war_corridor").playable_roles
    assert written == sorted(f"brief-class_war_corridor-{r}-ru.html" for r in roles)
    for name in written:
        page = Page((tmp_path / name).read_text(encoding="utf-8"))
        assert page.problems == []
    assert "3" in capsys.readouterr().out


def test_out_names_the_file_or_the_folder(tmp_path, capsys):
    target = tmp_path / "lesson" / "team-a.html"
    assert main(["brief", "class_abe_belt_road", "--role", "jpn", "--out", str(target)]) == 0
    assert target.is_file()
    folder = tmp_path / "briefs"
    assert main(["brief", "class_abe_belt_road", "--role", "all", "--out", str(folder)]) == 0
    assert sorted(p.name for p in folder.iterdir()) == [
        "brief-class_abe_belt_road-CHN-en.html",
        "brief-class_abe_belt_road-JPN-en.html",
    ]
    capsys.readouterr()


@pytest.mark.parametrize(
    "args,says",
    [
        (["brief", "no_such_scenario", "--role", "JPN"], "no_such_scenario"),
        (["brief", "class_war_corridor", "--role", "CHN"], "not a playable role"),
        (["brief", "class_war_corridor", "--role", "XYZ"], "JPN, RUS, KAZ"),
        (["brief", "class_war_corridor", "--role", "KAZ", "--out", "x.pdf"], "HTML"),
        (["brief", "class_war_corridor", "--role", "all", "--out", "x.html"], "folder"),
    ],
)
def test_a_wrong_scenario_or_role_is_a_plain_message_and_exit_2(
    args, says, tmp_path, monkeypatch, capsys
):
    monkeypatch.chdir(tmp_path)
    assert main(args) == 2
    out = capsys.readouterr()
    assert says in out.err
    assert "Traceback" not in out.err and "internal error" not in out.err
    assert list(tmp_path.iterdir()) == []


def test_a_wrong_language_is_a_plain_message_and_exit_2(tmp_path, capsys):
    with pytest.raises(SystemExit) as stop:
        main(["brief", "class_war_corridor", "--role", "KAZ", "--lang", "de"])
    assert stop.value.code == 2
    err = capsys.readouterr().err
    assert "invalid choice: 'de'" in err and "Traceback" not in err


def test_the_command_as_a_user_types_it(tmp_path):
    proc = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "brief", "class_war_corridor", "--role", "KAZ"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert proc.returncode == 0, proc.stderr
    assert (tmp_path / "brief-class_war_corridor-KAZ-en.html").is_file()
    assert "wrote 1 brief" in proc.stdout


@pytest.mark.parametrize(
    "sid,role", [("class_abe_belt_road", "JPN"), ("class_war_corridor", "RUS")]
)
def test_the_budget_is_what_the_team_sees_on_its_first_turn(sid, role):
    """The brief gives the amounts of the first turn at the scenario's own difficulty (the
    window starts there): the same numbers the team then reads on the screen."""
    from game.play.session import Session

    sc = scenario(sid)
    s = Session.start(sc, humans=(role,), seed=1, difficulty=sc.meta.difficulty)
    have = s.st.res[0, s.c.actor_index[role]]
    with using("en"):
        text = flat(" ".join(brief_parts(sc, role, "en").situation))
    for k in range(len(s.c.res_ids)):
        if have[k]:
            assert f"{number(float(have[k]))} " in text.split("On the first turn you have ")[1]
    assert f"at {sc.meta.difficulty} difficulty, the level the game starts at" in text

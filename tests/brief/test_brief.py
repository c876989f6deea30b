"""The team brief a teacher prints (``python main.py brief``): a valid page with every
objective, its grade bands and every action of the role, in the language asked for; one file a
role with ``--role all``; a plain message and exit 2 for a wrong scenario, role or language."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest

from game.brief.page import brief_html, role_actions
from game.brief.words import PHRASES
from game.cli import main
from game.kit.i18n import number, using
from game.scenario.cli_commands import cmd_new_scenario
from game.scenario.loader import load_scenario
from game.scenario.model import Scenario, text_in

ROOT = Path(__file__).resolve().parents[2]
VOID = {"meta", "br", "img", "hr", "link", "input"}
#: the three briefs looked at in print (docs/teachers-guide.md)
LOOKED_AT = [
    ("class_abe_belt_road", "JPN", "ja"),
    ("class_abe_belt_road", "CHN", "ru"),
    ("class_war_corridor", "KAZ", "en"),
]


class Page(HTMLParser):
    """The page's text, its tags, and whether every tag that was opened was closed in order."""

    def __init__(self, html: str) -> None:
        super().__init__()
        self.stack: list[str] = []
        self.problems: list[str] = []
        self.chunks: list[str] = []
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.in_style = False
        self.feed(html)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        self.in_style = tag == "style"
        if tag not in VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        self.in_style = False
        if not self.stack or self.stack[-1] != tag:
            self.problems.append(f"</{tag}> closes {self.stack[-1:] or 'nothing'}")
        else:
            self.stack.pop()

    def handle_data(self, data: str) -> None:
        if not self.in_style:
            self.chunks.append(data)

    @property
    def text(self) -> str:
        return " ".join(" ".join(self.chunks).split())


def scenario(sid: str) -> Scenario:
    sc = load_scenario(sid).scenario
    assert sc is not None
    return sc


def flat(s: str) -> str:
    return " ".join(s.split())


@pytest.mark.parametrize("sid,role,lang", LOOKED_AT)
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
        assert flat(text_in(a.name, lang)) in text, a.id
    assert not re.search(r"\[[a-z_]+\.[a-z_.]+\]", text), "a phrase is missing from the catalogue"
    for g in sc.glossary:
        assert flat(text_in(g.name, lang)) in text


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
    assert "75.15" in texts["en"] and "75,15" in texts["ru"]


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

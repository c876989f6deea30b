"""The house rules that keep the code easy to see, checked on every run.

* the import contract in ``pyproject.toml`` (``[tool.importlinter]``): scenario -> engine -> ai
  -> play -> {ui, report, balance, rl, headless} -> cli; the rules import no pygame and no file
  loader (``lint-imports`` reports any import that breaks it, with the chain);
* no private name (``_name``) is used outside the module that defines it.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GAME = ROOT / "game"


def test_the_import_contract_holds():
    bin_dir = Path(sys.executable).parent
    exe = bin_dir / ("lint-imports.exe" if sys.platform == "win32" else "lint-imports")
    proc = subprocess.run(
        [str(exe), "--no-cache"], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert proc.returncode == 0, proc.stdout[-4000:] + proc.stderr[-2000:]
    assert "BROKEN" not in proc.stdout


def _module_name(path: Path) -> str:
    rel = path.relative_to(ROOT).with_suffix("")
    parts = list(rel.parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _resolve(module: str, node: ast.ImportFrom, is_package: bool) -> str:
    if not node.level:
        return node.module or ""
    base = module.split(".")
    if not is_package:
        base = base[:-1]
    base = base[: len(base) - (node.level - 1)]
    return ".".join(base + ([node.module] if node.module else []))


def private_names_crossing_modules() -> list[str]:
    found: list[str] = []
    for path in sorted(GAME.rglob("*.py")):
        module = _module_name(path)
        tree = ast.parse(path.read_text(encoding="utf-8"))
        game_modules: set[str] = set()  # local names bound to game modules
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom):
                source = _resolve(module, node, path.name == "__init__.py")
                if not source.startswith("game"):
                    continue
                for alias in node.names:
                    name = alias.name
                    if name.startswith("_") and not name.startswith("__"):
                        found.append(f"{path.relative_to(ROOT)}:{node.lineno}: {source}.{name}")
                    if (GAME.parent / (source.replace(".", "/") + f"/{name}.py")).exists() or (
                        GAME.parent / (source.replace(".", "/") + f"/{name}")
                    ).is_dir():
                        game_modules.add(alias.asname or name)
            elif isinstance(node, ast.Import):
                for alias in node.names:
                    if alias.name.startswith("game"):
                        game_modules.add(alias.asname or alias.name.split(".")[0])
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Attribute)
                and node.attr.startswith("_")
                and not node.attr.startswith("__")
                and isinstance(node.value, ast.Name)
                and node.value.id in game_modules
            ):
                found.append(f"{path.relative_to(ROOT)}:{node.lineno}: {node.value.id}.{node.attr}")
    return found


# Being removed by the redesign (issue 14); the list may only shrink, and must end empty.
STILL_TO_FIX = {
    "game.ai.policies -> core._acceptance",
    "game.ai.policies -> core._update_derived",
    "game.balance.report -> A._ref",
    "game.bench -> game.ai.policies._sample",
    "game.bench -> core._dependence_change",
    "game.play.rollout -> core._update_derived",
    "game.play.session -> core._update_derived",
    "game.scenario.docgen -> M._check_text",
    "game.scenario.docgen -> M._check_lang",
    "game.scenario.validate -> M._check_text",
    "game.scenario.validate -> game.scenario.loader._internal",
}


def test_no_private_name_crosses_a_module():
    found = private_names_crossing_modules()
    new = sorted(f for f in found if _key(f) not in STILL_TO_FIX)
    assert not new, "private names used outside their module:\n" + "\n".join(new)


def _key(finding: str) -> str:
    where, name = finding.split(": ", 1)
    module = _module_name(ROOT / where.rsplit(":", 1)[0])
    return f"{module} -> {name}"

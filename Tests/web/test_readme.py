"""The README and docs/ as a user follows them: every relative link (and its #anchor) leads somewhere, every
`scripts/…` command in a ```sh block exists, and every `bourg …` command in a ```sh block runs — all but those that
serve (`bourg serve`) or write the atlas (`bourg data build`; `scripts/run` and Tests/web/test_main_job.py cover
both).

The commands run as a user types them, from a scratch folder that sees the project's `examples/`, with `bourg` the
binary in BOURG_BIN and the atlas in BOURG_TEST_ATLAS (as $BOURG_ATLAS); skipped when either is not set. The
commands of one page run in order in the same folder (a file one writes, another may read). `bourg data check` needs
BOURG_DATA_DIR."""
import os
import re
import subprocess
import tempfile
from pathlib import Path

import pytest

from conftest import ROOT

PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
FENCE = re.compile(r"^```(\w*)\s*$")
LINK = re.compile(r"!?\[[^\]]*\]\(([^)\s]+)(?:\s+\"[^\"]*\")?\)")
NOT_RUN = ("bourg serve", "bourg data build")


def blocks(page):
    """The page's fenced blocks as (language, lines), and its prose with the blocks taken out."""
    found, prose, language, lines = [], [], None, []
    for line in page.read_text().splitlines():
        fence = FENCE.match(line.strip())
        if fence and language is None:
            language, lines = fence.group(1) or "text", []
        elif line.strip() == "```" and language is not None:
            found.append((language, lines))
            language = None
        elif language is not None:
            lines.append(line)
        else:
            prose.append(line)
    assert language is None, f"{page.name}: a code block is not closed"
    return found, "\n".join(prose)


def commands(page):
    """The commands of the page's ```sh blocks, without their trailing comments."""
    found, _ = blocks(page)
    for language, lines in found:
        if language in ("sh", "bash", "shell"):
            for line in lines:
                command = re.sub(r"\s+#.*$", "", line).strip()
                if command and not command.startswith("#"):
                    yield command


def anchors(page):
    """GitHub's anchors of a page's headings: lower case, punctuation dropped, spaces as hyphens."""
    _, prose = blocks(page)
    slugs = set()
    for heading in re.findall(r"^#{1,6}\s+(.+?)\s*$", prose, flags=re.MULTILINE):
        text = re.sub(r"`", "", heading).lower()
        text = re.sub(r"[^\w\- ]", "", text)
        slugs.add(text.replace(" ", "-"))
    return slugs


def page_ids(pages):
    return [str(page.relative_to(ROOT)) for page in pages]


def test_the_readme_is_a_front_door():
    lines = (ROOT / "README.md").read_text().splitlines()
    assert len(lines) <= 200, f"the README has {len(lines)} lines"
    text = "\n".join(lines)
    for page in ["methode", "donnees", "validation", "enquetes", "performance", "deploiement"]:
        assert f"(docs/{page}.md)" in text, f"the README links to docs/{page}.md"
    assert re.search(r"!\[[^\]]+\]\(docs/[\w-]+\.png\)", text), "a screenshot"


@pytest.mark.parametrize("page", PAGES, ids=page_ids(PAGES))
def test_every_relative_link_leads_somewhere(page):
    _, prose = blocks(page)
    prose = re.sub(r"`[^`]*`", "", prose)
    broken = []
    for target in LINK.findall(prose):
        if re.match(r"^[a-z][a-z0-9+.-]*:", target):
            continue
        path, _, anchor = target.partition("#")
        destination = (page.parent / path).resolve() if path else page
        if not destination.exists():
            broken.append(f"{target}: no file {destination}")
        elif anchor and destination.suffix == ".md" and anchor not in anchors(destination):
            broken.append(f"{target}: no heading #{anchor} in {destination.name}")
    assert not broken, f"{page.name}: " + "; ".join(broken)


@pytest.mark.parametrize("page", PAGES, ids=page_ids(PAGES))
def test_every_script_named_exists(page):
    for command in commands(page):
        first = command.split()[0]
        if first.startswith("scripts/"):
            script = ROOT / first
            assert script.is_file() and os.access(script, os.X_OK), f"{page.name}: {first} is not an executable script"


def bourg_commands(page):
    return [command for command in commands(page) if command.split()[0] == "bourg"]


def test_the_readme_shows_commands_to_run():
    shown = bourg_commands(ROOT / "README.md")
    assert any(command.startswith("bourg town") for command in shown)
    assert len([command for command in shown if not command.startswith(NOT_RUN)]) >= 5


@pytest.mark.parametrize("page", [page for page in PAGES if bourg_commands(page)],
                         ids=page_ids([page for page in PAGES if bourg_commands(page)]))
def test_every_command_shown_runs(page):
    binary, atlas = os.environ.get("BOURG_BIN"), os.environ.get("BOURG_TEST_ATLAS")
    if not binary or not atlas:
        pytest.skip("BOURG_BIN and BOURG_TEST_ATLAS are not both set (scripts/test sets them with the real data)")
    folder = tempfile.mkdtemp(prefix="bourg-readme-")
    os.symlink(ROOT / "examples", Path(folder, "examples"))
    environment = {**os.environ, "BOURG_ATLAS": atlas}
    ran = 0
    for command in bourg_commands(page):
        if command.startswith(NOT_RUN):
            continue
        if command.startswith("bourg data check") and not os.environ.get("BOURG_DATA_DIR"):
            continue
        # `bourg` is the binary under test, whatever the PATH says; pipes and redirections work as in a shell.
        script = f'bourg() {{ "$BOURG_README_BIN" "$@"; }}\nset -o pipefail\n{command}'
        result = subprocess.run(["bash", "-c", script], cwd=folder, env={**environment, "BOURG_README_BIN": binary},
                                capture_output=True, text=True, timeout=300)
        assert result.returncode == 0, f"{page.name}: `{command}` failed ({result.returncode}):\n{result.stderr[-2000:]}"
        assert result.stdout.strip() or "--out" in command, f"{page.name}: `{command}` printed nothing"
        ran += 1
    if ran == 0:
        pytest.skip(f"{page.name}: its commands build or serve (not run here)")

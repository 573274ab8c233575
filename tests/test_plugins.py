"""Plugins: an out-of-tree plugin found through the entry-point group, and every hook documented and tested."""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

import pytest

from conftest import REPO, newslint_subprocess
from newslint import hookspecs

PLUGIN_SOURCE = textwrap.dedent('''
    """A newsroom's own plugin, installed beside newslint."""
    import re

    import newslint
    from newslint import Flag, Pass, Rule, hookimpl
    from newslint.parser import Parser
    from newslint.reporter import Reporter


    class NoWhom(Rule):
        """Flags "whom", which this newsroom's style avoids.

        **Fix:** rewrite with "who".
        """

        id = "deskstyle/no-whom"
        summary = "Avoid whom"
        severity = "info"
        examples = [Flag("To whom it may concern.", "whom"), Pass("Who said it?")]

        def check(self, document):
            for match in re.finditer(r"\\bwhom\\b", document.text):
                yield self.problem(match.start(), match.end(), "Use who, not whom")


    class CountReporter(Reporter):
        name = "count"
        summary = "just the number of findings"

        def render(self, report, context):
            return f"{len(report.findings)}\\n"


    class ShoutParser(Parser):
        name = "shout"
        extensions = (".shout",)

        def parse(self, source, path=None, options=None):
            from newslint.builtin.plaintext import PlainTextParser
            return PlainTextParser().parse(source, path)


    @hookimpl
    def newslint_rules():
        return [NoWhom]


    @hookimpl
    def newslint_reporters():
        return [CountReporter()]


    @hookimpl
    def newslint_parsers():
        return [ShoutParser()]
''')


@pytest.fixture
def installed_plugin(tmp_path):
    """A plugin distribution on sys.path, discoverable only through its entry point."""
    site = tmp_path / "site"
    site.mkdir()
    (site / "deskstyle_newslint.py").write_text(PLUGIN_SOURCE)
    dist = site / "deskstyle_newslint-1.2.3.dist-info"
    dist.mkdir()
    (dist / "METADATA").write_text("Metadata-Version: 2.1\nName: deskstyle-newslint\nVersion: 1.2.3\n")
    (dist / "entry_points.txt").write_text("[newslint]\ndeskstyle = deskstyle_newslint\n")
    return {"PYTHONPATH": str(site)}


def test_out_of_tree_plugin_is_listed_with_name_version_and_rules(installed_plugin):
    result = newslint_subprocess("plugins", env=installed_plugin)
    assert result.returncode == 0, result.stderr
    assert "deskstyle 1.2.3" in result.stdout
    assert "rules: deskstyle/no-whom" in result.stdout


def test_out_of_tree_rule_runs_and_can_be_selected(installed_plugin, tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("The minister, to whom the letter went, said the the plan stands.\n")
    result = newslint_subprocess("check", "--format", "json", "--fail-on", "info", "--select", "deskstyle",
                                 article, env=installed_plugin)
    data = json.loads(result.stdout)
    assert result.returncode == 1
    assert [(f["rule"], f["column"], f["end_column"]) for f in data["findings"]] == [("deskstyle/no-whom", 18, 22)]
    result = newslint_subprocess("check", "--format", "json", "--ignore", "deskstyle", article, env=installed_plugin)
    assert "deskstyle/no-whom" not in {f["rule"] for f in json.loads(result.stdout)["findings"]}


def test_out_of_tree_rule_is_documented_by_rules_and_explain(installed_plugin):
    result = newslint_subprocess("rules", env=installed_plugin)
    assert any(line.startswith("deskstyle/no-whom") and "Avoid whom" in line for line in result.stdout.splitlines())
    result = newslint_subprocess("explain", "deskstyle/no-whom", env=installed_plugin)
    assert "Flags \"whom\"" in result.stdout and "To whom it may concern." in result.stdout


def test_out_of_tree_reporter_and_parser_are_used(installed_plugin, tmp_path):
    article = tmp_path / "a.shout"
    article.write_text("To whom it may concern.\n")
    result = newslint_subprocess("check", "--format", "count", "--fail-on", "never", article, env=installed_plugin)
    assert result.returncode == 0, result.stderr
    assert result.stdout == "1\n"


def test_plugin_configured_from_user_config(installed_plugin, tmp_path):
    (tmp_path / ".newslint.yaml").write_text("rules:\n  deskstyle/no-whom: error\n")
    (tmp_path / "a.txt").write_text("To whom it may concern.\n")
    result = newslint_subprocess("check", "--format", "json", "a.txt", env=installed_plugin, cwd=tmp_path)
    assert [f["severity"] for f in json.loads(result.stdout)["findings"] if f["rule"] == "deskstyle/no-whom"] == ["error"]


def test_newslint_plugins_env_var_registers_a_module(tmp_path):
    (tmp_path / "localrule.py").write_text(PLUGIN_SOURCE)
    env = {"PYTHONPATH": str(tmp_path), "NEWSLINT_PLUGINS": "localrule"}
    result = newslint_subprocess("rules", env=env)
    assert "deskstyle/no-whom" in result.stdout


def test_plugin_that_fails_to_import_is_a_clear_error(tmp_path):
    env = {"NEWSLINT_PLUGINS": "no_such_module_here"}
    result = newslint_subprocess("rules", env=env)
    assert result.returncode == 2
    assert "cannot import 'no_such_module_here'" in result.stderr and "Traceback" not in result.stderr


def test_malformed_rule_is_rejected_with_the_plugin_named(tmp_path):
    (tmp_path / "badplugin.py").write_text(textwrap.dedent('''
        from newslint import Rule, hookimpl
        class Bad(Rule):
            id = "NoSlash"
            summary = "x"
        @hookimpl
        def newslint_rules():
            return [Bad]
    '''))
    result = newslint_subprocess("rules", env={"PYTHONPATH": str(tmp_path), "NEWSLINT_PLUGINS": "badplugin"})
    assert result.returncode == 2 and "badplugin" in result.stderr and "plugin/rule-name" in result.stderr


HOOKS = [name for name in dir(hookspecs) if name.startswith("newslint_")]


@pytest.mark.parametrize("hook", HOOKS)
def test_every_hook_is_documented_in_the_plugin_guide(hook):
    assert getattr(hookspecs, hook).__doc__, f"{hook} has no docstring"
    guide = (REPO / "docs" / "plugins.md").read_text()
    assert f"`{hook}" in guide, f"docs/plugins.md does not document {hook}"


@pytest.mark.parametrize("hook", HOOKS)
def test_every_hook_is_exercised_by_the_out_of_tree_plugin_test(hook):
    assert f"def {hook}(" in PLUGIN_SOURCE, f"no test plugin implements {hook}"


def test_builtin_rule_plugins_register_through_the_entry_point_group():
    from importlib.metadata import entry_points

    names = {ep.name for ep in entry_points(group="newslint")}
    assert {"names", "punctuation", "capitalization", "artifacts"} <= names
    pyproject = (REPO / "pyproject.toml").read_text()
    assert 'names = "newslint_plugins.names"' in pyproject


def test_core_engine_knows_no_rule():
    from newslint.registry import default_registry

    rule_ids = set(default_registry().rules)
    for path in (REPO / "newslint").rglob("*.py"):
        text = path.read_text()
        assert "newslint_plugins" not in text, f"{path.relative_to(REPO)} imports a built-in plugin"
        for rule_id in rule_ids:
            assert rule_id not in text, f"{path.relative_to(REPO)} names the rule {rule_id}"

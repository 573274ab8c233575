"""Configuration: defaults, user files found by walking up, merging, and errors that say where."""

from __future__ import annotations

from pathlib import Path

import pytest

from newslint.config import default_config_path, load_config
from newslint.errors import ConfigError
from newslint.registry import default_registry
from newslint.yamlfile import load_yaml

BAD = "It was the the end of the talks.\n"


def test_shipped_defaults_name_every_builtin_rule_and_only_those():
    registry = default_registry()
    raw = load_yaml(default_config_path())
    from importlib.metadata import entry_points

    builtin_plugins = {ep.name for ep in entry_points(group="newslint") if ep.value.startswith("newslint_plugins.")}
    builtin = {rule_id for plugin in registry.plugins if plugin.name in builtin_plugins for rule_id in plugin.rules}
    assert builtin
    assert set(raw["rules"]) == builtin


def test_user_config_changes_severity_and_options(tmp_path):
    path = tmp_path / ".newslint.yaml"
    path.write_text("rules:\n  artifacts/repeated-word:\n    severity: error\n    allowed: [the]\n")
    config = load_config(path)
    assert config.rules["artifacts/repeated-word"].severity == "error"
    assert config.rules["artifacts/repeated-word"].options["allowed"] == ["the"]


def test_shorthand_severity_and_off(tmp_path):
    path = tmp_path / "c.yaml"
    path.write_text("rules:\n  artifacts/repeated-word: off\n")
    config = load_config(path)
    assert all(active.rule.id != "artifacts/repeated-word" for active in config.active_rules)


@pytest.mark.parametrize(("content", "line", "fragment"), [
    ("rules:\n  nosuch/rule: error\n", 2, "rules.nosuch/rule: unknown rule"),
    ("rules:\n  artifacts/repeated-word:\n    severity: loud\n", 3, "severity must be one of"),
    ("rules:\n  artifacts/repeated-word:\n    colour: red\n", 3, "unknown option"),
    ("rules:\n  artifacts/repeated-word:\n    allowed: yes\n", 3, "expected a value of type list"),
    ("select: [names, nosuch]\n", 1, "unknown rule or plugin 'nosuch'"),
    ("colour: red\n", 1, "colour: unknown setting"),
    ("rules: [\n", 2, "invalid YAML"),
    ("exclude: 3\n", 1, "expected a list of strings"),
    ("rules:\n  artifacts/repeated-word: off\n  artifacts/repeated-word: error\n", 3, "duplicate key"),
    ("- a\n- b\n", 1, "must be a mapping"),
])
def test_invalid_config_names_file_line_and_key(tmp_path, content, line, fragment):
    path = tmp_path / ".newslint.yaml"
    path.write_text(content)
    with pytest.raises(ConfigError) as raised:
        load_config(path)
    message = str(raised.value)
    assert message.startswith(f"{path}:{line}: "), message
    assert fragment in message


def test_yaml_is_loaded_safely(tmp_path):
    path = tmp_path / ".newslint.yaml"
    path.write_text("rules: !!python/object/apply:os.system ['echo pwned']\n")
    with pytest.raises(ConfigError, match="invalid YAML"):
        load_config(path)


def test_invalid_config_exits_2_without_traceback(tmp_path, run_cli):
    (tmp_path / ".newslint.yaml").write_text("rules:\n  nosuch/rule: error\n")
    (tmp_path / "a.txt").write_text(BAD)
    code, out, err = run_cli("check", tmp_path / "a.txt")
    assert code == 2
    assert "nosuch/rule" in out + err and "Traceback" not in out + err


def test_nearest_config_above_each_file_applies(tmp_path, run_json):
    (tmp_path / "strict").mkdir()
    (tmp_path / "lax").mkdir()
    (tmp_path / "strict" / ".newslint.yaml").write_text("rules:\n  artifacts/repeated-word: error\n")
    (tmp_path / "lax" / ".newslint.yaml").write_text("ignore: [artifacts]\n")
    (tmp_path / "strict" / "a.txt").write_text(BAD)
    (tmp_path / "lax" / "b.txt").write_text(BAD)
    _, data, _ = run_json(tmp_path)
    repeated = [f for f in data["findings"] if f["rule"] == "artifacts/repeated-word"]
    assert [(f["path"].rsplit("/", 1)[-1], f["severity"]) for f in repeated] == [("a.txt", "error")]


def test_exclude_globs_skip_files_walked_and_given(tmp_path, run_json):
    (tmp_path / ".newslint.yaml").write_text("exclude: ['archive/**', 'draft-*.txt']\n")
    (tmp_path / "archive").mkdir()
    (tmp_path / "archive" / "old.txt").write_text(BAD)
    (tmp_path / "draft-1.txt").write_text(BAD)
    (tmp_path / "live.txt").write_text(BAD)
    _, data, _ = run_json(tmp_path)
    assert data["summary"]["files"] == 1
    _, data, _ = run_json(tmp_path / "draft-1.txt", cwd=tmp_path)
    assert data["summary"]["files"] == 0


def test_walked_files_are_excluded_by_their_folder_s_configuration(tmp_path, run_json):
    """The nearest configuration's exclude patterns decide for the files of each folder walked; a
    per-path section (which cannot set exclude) changes nothing; with --config, that file decides
    for every folder."""
    (tmp_path / ".newslint.yaml").write_text("exclude: ['*-draft.txt']\n"
                                             "per-path:\n  'desk/*.txt':\n    ignore: [names]\n")
    for folder in ("desk", "sport"):
        (tmp_path / folder).mkdir()
    (tmp_path / "sport" / ".newslint.yaml").write_text("exclude: ['wire-*.txt']\n")
    for folder in ("", "desk", "sport"):
        for name in ("story.txt", "story-draft.txt", "wire-1.txt"):
            (tmp_path / folder / name).write_text(BAD)

    def checked(*args):
        _, data, _ = run_json("--no-cache", *args, tmp_path, cwd=tmp_path)
        return sorted({Path(f["path"]).as_posix() for f in data["findings"]})

    assert checked() == ["desk/story.txt", "desk/wire-1.txt", "sport/story-draft.txt", "sport/story.txt",
                         "story.txt", "wire-1.txt"]
    assert checked("--config", tmp_path / "sport" / ".newslint.yaml") == [
        "desk/story-draft.txt", "desk/story.txt", "sport/story-draft.txt", "sport/story.txt", "story-draft.txt",
        "story.txt"]


def test_explicit_config_flag_overrides_discovery(tmp_path, run_json):
    (tmp_path / ".newslint.yaml").write_text("ignore: [artifacts]\n")
    other = tmp_path / "other.yaml"
    other.write_text("rules:\n  artifacts/repeated-word: info\n")
    (tmp_path / "a.txt").write_text(BAD)
    _, data, _ = run_json("--config", other, tmp_path / "a.txt")
    assert [f["severity"] for f in data["findings"] if f["rule"] == "artifacts/repeated-word"] == ["info"]


def test_cli_select_replaces_and_ignore_extends(tmp_path):
    path = tmp_path / "c.yaml"
    path.write_text("select: [artifacts]\nignore: [names]\n")
    config = load_config(path, select=["punctuation"], ignore=["capitalization"])
    assert config.select == ["punctuation"]
    assert config.ignore == ["names", "capitalization"]


def test_per_path_settings_apply_to_matching_files_only(tmp_path, run_json):
    (tmp_path / ".newslint.yaml").write_text(
        "per-path:\n  'archive/**':\n    ignore: [artifacts/repeated-word]\n"
        "  'opinion/*.txt':\n    rules:\n      artifacts/repeated-word: error\n")
    for folder in ("archive", "opinion", "news"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "a.txt").write_text(BAD)
    _, data, _ = run_json(tmp_path)
    repeated = sorted((f["path"].split("/")[-2], f["severity"]) for f in data["findings"]
                      if f["rule"] == "artifacts/repeated-word")
    assert repeated == [("news", "warning"), ("opinion", "error")]


def test_per_path_section_is_validated_with_its_line(tmp_path):
    path = tmp_path / ".newslint.yaml"
    path.write_text("per-path:\n  'a/**':\n    rules:\n      nosuch/rule: off\n")
    with pytest.raises(ConfigError, match=r":4: rules.nosuch/rule: unknown rule"):
        load_config(path)


def test_formats_map_an_extension_to_a_parser(tmp_path, run_json):
    (tmp_path / ".newslint.yaml").write_text("formats:\n  .story: text\n")
    (tmp_path / "a.story").write_text(BAD)
    _, data, _ = run_json(tmp_path / "a.story", cwd=tmp_path)
    assert any(f["rule"] == "artifacts/repeated-word" for f in data["findings"])


def test_formats_naming_an_unknown_parser_is_an_error(tmp_path):
    path = tmp_path / ".newslint.yaml"
    path.write_text("formats:\n  .story: docx\n")
    with pytest.raises(ConfigError, match=r":2: formats\.\.story: no parser named 'docx'"):
        load_config(path)


def test_scopes_narrow_and_widen_a_rule_per_config(tmp_path, run_json):
    article = tmp_path / "a.md"
    article.write_text("# The the headline\n\nBody has the the slip. He said “it was the the end.”\n")
    (tmp_path / ".newslint.yaml").write_text("rules:\n  artifacts/repeated-word:\n    scopes: [heading, headline]\n")
    _, data, _ = run_json("--select", "artifacts/repeated-word", article, cwd=tmp_path)
    assert [f["line"] for f in data["findings"]] == [1]
    (tmp_path / ".newslint.yaml").write_text("rules:\n  artifacts/repeated-word:\n    scopes: [body, '~quote']\n")
    _, data, _ = run_json("--select", "artifacts/repeated-word", article, cwd=tmp_path)
    assert [(f["line"], f["column"]) for f in data["findings"]] == [(3, 10)]

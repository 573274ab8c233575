"""Declarative rules: rule files, Vale styles and custom-rules (newslint.declarative)."""

from __future__ import annotations

import json
import textwrap
import time
from pathlib import Path

import pytest

import newslint
from newslint import declarative
from newslint.config import load_config
from newslint.errors import ConfigError

VALE = Path(__file__).parent / "fixtures" / "vale" / "NewsStyle"


def _config(tmp_path: Path, body: str, **kwargs):
    path = tmp_path / ".newslint.yaml"
    path.write_text(textwrap.dedent(body), encoding="utf-8")
    return load_config(path, **kwargs)


def _check(config, text: str, prefix: str = ""):
    return [(f.rule, f.line, f.column, f.message) for f in newslint.check_text(text, config=config)
            if f.rule.startswith(prefix or ("vale/", "custom/", "house/"))]


@pytest.fixture
def vale(tmp_path):
    return _config(tmp_path, f"styles: [{VALE}]\nselect: [vale]\n")


# -- Vale compatibility: the alerts Vale's documentation gives -------------------------
def test_vale_rules_get_vale_ids(vale):
    ids = set(vale.custom_rules)
    assert {"vale/NewsStyle.Hedging", "vale/NewsStyle.Plenty", "vale/NewsStyle.SentenceLength",
            "vale/NewsStyle.Repetition", "vale/NewsStyle.Spelling", "vale/NewsStyle.UnexpandedAcronyms"} <= ids
    assert "vale/NewsStyle.Hunspell" not in ids  # unsupported type: skipped
    assert vale.custom_rules["vale/NewsStyle.SentenceLength"].severity == "info"  # suggestion → info


def test_vale_existence(vale):
    text = "The plan is arguably late.\nThey Appear To Be ready."
    assert _check(vale, text, "vale/NewsStyle.Hedging") == [
        ("vale/NewsStyle.Hedging", 1, 13, "Consider removing 'arguably'"),
        ("vale/NewsStyle.Hedging", 2, 6, "Consider removing 'Appear To Be'"),
    ]


def test_vale_substitution_with_case_kept_and_safe_fix(vale):
    text = "There is an abundance of food.\nAccelerate the work."
    found = newslint.check_text(text, config=vale)
    hits = [(f.line, f.column, f.message, f.fix.safe, f.fix.edits[0].text) for f in found
            if f.rule == "vale/NewsStyle.Plenty"]
    assert hits == [(1, 13, "Consider using 'plenty' instead of 'abundance'", True, "plenty"),
                    (2, 1, "Consider using 'Speed up' instead of 'Accelerate'", True, "Speed up")]


def test_vale_occurrence_sentence_length(vale):
    long = " ".join(f"word{i}" for i in range(26)) + "."
    text = f"A short one. {long}\nAnother short one."
    assert _check(vale, text, "vale/NewsStyle.SentenceLength") == [
        ("vale/NewsStyle.SentenceLength", 1, 14, "Sentences should be less than 25 words")]


def test_vale_repetition(vale):
    text = "We went to the the shop.\nIt was fine."
    assert _check(vale, text, "vale/NewsStyle.Repetition") == [
        ("vale/NewsStyle.Repetition", 1, 12, "'the' is repeated!")]


def test_vale_consistency_flags_the_later_variant(vale):
    text = "The advisor spoke.\nLater the adviser left.\nThe centre held."
    assert [(r, line, col) for r, line, col, _ in _check(vale, text, "vale/NewsStyle.Spelling")] == [
        ("vale/NewsStyle.Spelling", 2, 11)]


def test_vale_conditional_documented_example(vale):
    # Vale's documentation: "test.md:1:224:vale.UnexpandedAcronyms:'DAFB' has no definition".
    text = ("According to Wikipedia, the World Health Organization (WHO) is a specialized agency of the United "
            "Nations that is concerned with international public health. We can now use WHO because it has been "
            "defined, but we can't use DAFB because people may not know what it represents. ABC is fine.")
    assert _check(vale, text, "vale/NewsStyle.UnexpandedAcronyms") == [
        ("vale/NewsStyle.UnexpandedAcronyms", 1, 224, "'DAFB' has no definition")]


def test_conditional_flags_use_before_definition(vale):
    text = "WHO met today. The World Health Organization (WHO) said so."
    assert [c for _, _, c, _ in _check(vale, text, "vale/NewsStyle.UnexpandedAcronyms")] == [1]


def test_vale_ids_select_ignore_and_severity(tmp_path):
    config = _config(tmp_path, f"""\
        styles: [{VALE}]
        ignore: [vale/NewsStyle.Repetition]
        rules:
          vale/NewsStyle.Hedging: error
        """)
    found = newslint.check_text("It is arguably the the best.", config=config)
    rules = {f.rule: f.severity for f in found if f.rule.startswith("vale/")}
    assert rules == {"vale/NewsStyle.Hedging": "error"}
    selected = load_config(tmp_path / ".newslint.yaml", select=["vale/NewsStyle.Hedging"])
    assert {f.rule for f in newslint.check_text("Kiev is arguably the the best.", config=selected)} == \
        {"vale/NewsStyle.Hedging"}


def test_unsupported_type_warns_once(tmp_path, capsys):
    declarative._warned.clear()
    _config(tmp_path, f"styles: [{VALE}]\n")
    _config(tmp_path, f"styles: [{VALE}]\n")
    err = capsys.readouterr().err
    assert err.count("Hunspell.yml") == 1 and "'spelling' is not supported" in err


# -- rule files and custom-rules --------------------------------------------------------
def test_rule_files_and_folders(tmp_path):
    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "whom.yml").write_text("extends: existence\nmessage: Avoid '%s'\ntokens: [whom]\n")
    (tmp_path / "more.yaml").write_text(
        "house/utilise:\n  extends: substitution\n  message: Use '%s'\n  swap: {utilise: use}\n")
    config = _config(tmp_path, "rule-files: [rules/, more.yaml]\n")
    assert _check(config, "To whom we utilise.") == [
        ("custom/whom", 1, 4, "Avoid 'whom'"), ("house/utilise", 1, 12, "Use 'use'")]


def test_custom_rules_in_config_and_every_type(tmp_path):
    config = _config(tmp_path, """\
        custom-rules:
          house/zelenskyy:
            extends: consistency
            message: "Use the house form, not '%s'"
            variants:
              - {preferred: Zelenskyy, forms: [Zelenskiy, Zelensky]}
          house/towns:
            extends: consistency
            message: "Inconsistent: '%s'"
            variants: [[Kyiv, Kiev, Kiyv]]
          house/caps:
            extends: capitalization
            message: "'%s' should be in sentence case"
            scope: [heading]
            match: $sentence
          house/grade:
            extends: metric
            message: "Grade %s is too high"
            formula: flesch-kincaid
            condition: "> 12"
          house/few:
            extends: occurrence
            message: "Paragraph has only %s words"
            scope: paragraph
            min: 3
        """)
    text = "Zelensky met aides. Kiev talks, then Kyiv talks and Kiyv."
    found = _check(config, text, "house/")
    assert [(r, c) for r, _, c, _ in found] == [("house/zelenskyy", 1), ("house/towns", 38), ("house/towns", 53)]
    long_words = "Internationalisation considerations necessitate extraordinarily comprehensive deliberation."
    assert [r for r, *_ in _check(config, long_words + " " + long_words, "house/")] == ["house/grade"]
    assert [r for r, *_ in _check(config, "Hi.", "house/")] == ["house/few"]


def test_capitalization_title_case_ap(tmp_path):
    config = _config(tmp_path, """\
        custom-rules:
          house/title:
            extends: capitalization
            message: "'%s' should be in title case"
            scope: heading
            match: $title
            style: AP
        """)
    findings = newslint.check_text("# Talks in the city go on\n\nBody text.\n\n# Talks in the City Go On\n",
                                   path="a.md", config=config)
    assert [(f.rule, f.line) for f in findings if f.rule == "house/title"] == [("house/title", 1)]


def test_declarative_rules_in_rules_command(tmp_path, run_cli):
    (tmp_path / ".newslint.yaml").write_text(f"styles: [{VALE}]\n")
    code, out, _ = run_cli("check", "--select", "vale/NewsStyle.Hedging", "-", stdin=b"arguably so",
                           cwd=tmp_path)
    assert code == 1 and "vale/NewsStyle.Hedging" in out


def test_bad_definition_is_a_config_error(tmp_path):
    with pytest.raises(ConfigError) as error:
        _config(tmp_path, "custom-rules:\n  house/bad:\n    extends: existence\n    tokens: ['(unclosed']\n")
    assert "house/bad" in str(error.value) and ".newslint.yaml" in str(error.value)
    with pytest.raises(ConfigError):
        _config(tmp_path, "custom-rules:\n  house/m:\n    extends: metric\n    formula: __import__('os')\n"
                          "    condition: '> 1'\n")


SLOW_RULES = """\
    custom-rules:
      house/slow:
        extends: existence
        message: slow
        nonword: true
        raw: ['(a+)+$']
      house/fine:
        extends: existence
        message: "found %s"
        tokens: [whom]
    """


@pytest.fixture
def slow_rules(tmp_path, monkeypatch):
    """A folder with a pathological user pattern, one article it hangs on and one it does not."""
    monkeypatch.setattr(declarative, "TIMEOUT", 0.2)
    (tmp_path / ".newslint.yaml").write_text(textwrap.dedent(SLOW_RULES), encoding="utf-8")
    (tmp_path / "hangs.txt").write_text("whom " + "a" * 5000 + "!\n", encoding="utf-8")
    (tmp_path / "fine.txt").write_text("To whom it may concern.\n", encoding="utf-8")
    return tmp_path


def test_pathological_regex_is_an_error_naming_rule_and_file_and_the_run_goes_on(slow_rules):
    started = time.perf_counter()
    report = newslint.check_paths([slow_rules])
    assert time.perf_counter() - started < 10
    assert [(Path(e.path).name, "house/slow" in e.message, "regular expression" in e.message)
            for e in report.errors] == [("hangs.txt", True, True)]
    assert ".newslint.yaml" in report.errors[0].message  # where to look
    # No finding pretends to be the error; every other rule's findings stand, in both files.
    assert not any(f.rule == "house/slow" or "rule error" in f.message for f in report.findings)
    assert sorted((Path(f.path).name, f.rule) for f in report.findings if f.rule.startswith("house/")) == [
        ("fine.txt", "house/fine"), ("hangs.txt", "house/fine")]


def test_pathological_regex_exits_2_from_the_command_line(slow_rules, run_cli):
    code, out, err = run_cli("check", "--format", "json", slow_rules)
    assert code == 2
    result = json.loads(out)
    assert [Path(e["path"]).name for e in result["errors"]] == ["hangs.txt"]
    assert "house/slow" in result["errors"][0]["message"]
    assert {f["rule"] for f in result["findings"]} >= {"house/fine"}


def test_pathological_regex_raises_from_check_text_as_a_failing_rule_does(slow_rules):
    config = load_config(slow_rules / ".newslint.yaml")
    with pytest.raises(declarative.PatternTimeout, match="house|regular expression"):
        newslint.check_text("a" * 5000 + "!", config=config)
    assert [f.rule for f in newslint.check_text("to whom", config=config) if f.rule.startswith("house/")] == [
        "house/fine"]


def test_ten_thousand_terms_compile_into_one_pattern(tmp_path):
    swap = "\n".join(f"      term{i}x: good{i}" for i in range(10000))
    config = _config(tmp_path, f"custom-rules:\n  house/big:\n    extends: substitution\n    message: \"Use '%s'\"\n"
                               f"    swap:\n{swap}\n")
    rule = config.custom_rules["house/big"]
    assert len(rule.literal) == 10000 and rule.pattern.pattern.count("term") == 1
    assert _check(config, "We saw term9999x and term5x.", "house/") == [
        ("house/big", 1, 8, "Use 'good9999'"), ("house/big", 1, 22, "Use 'good5'")]


# -- .vale.ini: a newsroom's Vale set-up, read as data ------------------------------------------
DESK = {
    "Desk/Hedging.yml": "extends: existence\nmessage: \"Hedge: '%s'\"\nlevel: warning\ntokens: [arguably]\n",
    "Desk/Whom.yml": "extends: existence\nmessage: \"Avoid '%s'\"\nlevel: warning\ntokens: [whom]\n",
    "Desk/Plenty.yml": "extends: substitution\nmessage: \"Use '%s', not '%s'\"\nlevel: warning\n"
                       "swap: {abundance: plenty}\n",
    "Extra/Shout.yml": "extends: existence\nmessage: \"No '%s'\"\nlevel: error\ntokens: [ASAP]\n",
}
VALE_INI = """\
StylesPath = styles
MinAlertLevel = suggestion
Vocab = Newsroom

[*]
BasedOnStyles = Vale, Desk
Desk.Hedging = error
Desk.Whom = NO
Desk.Missing = YES

[*.{md,markdown}]
BasedOnStyles = Extra
Desk.Plenty = suggestion
TokenIgnores = (\\$.+?\\$)
"""
DESK_TEXT = "It is arguably late, whom it hurts. There is an abundance of time. Reply ASAP.\n"


def _vale_folder(root: Path, ini: str = VALE_INI, newslint_yaml: str = "vale-ini: .vale.ini\n") -> Path:
    for name, body in DESK.items():
        (root / "styles" / name).parent.mkdir(parents=True, exist_ok=True)
        (root / "styles" / name).write_text(body, encoding="utf-8")
    (root / ".vale.ini").write_text(ini, encoding="utf-8")
    (root / ".newslint.yaml").write_text(newslint_yaml, encoding="utf-8")
    for name in ("story.txt", "story.md"):
        (root / name).write_text(DESK_TEXT, encoding="utf-8")
    return root


def _vale_findings(root: Path) -> dict[str, list[tuple[str, str]]]:
    report = newslint.check_paths([root])
    assert report.errors == []
    found: dict[str, list[tuple[str, str]]] = {}
    for f in report.findings:
        if f.rule.startswith("vale/"):
            found.setdefault(Path(f.path).name, []).append((f.rule, f.severity))
    return found


def test_vale_ini_loads_the_based_on_styles_with_their_levels_per_section(tmp_path, capsys):
    found = _vale_findings(_vale_folder(tmp_path))
    # [*]: Desk for every file, Hedging raised to error, Whom off, Plenty at its own level.
    assert found["story.txt"] == [("vale/Desk.Hedging", "error"), ("vale/Desk.Plenty", "warning")]
    # [*.{md,markdown}]: also Extra, and Plenty lowered to a suggestion (info).
    assert found["story.md"] == [("vale/Desk.Hedging", "error"), ("vale/Desk.Plenty", "info"),
                                 ("vale/Extra.Shout", "error")]
    err = capsys.readouterr().err
    for unsupported in ("Vocab is not supported", "built-in style", "TokenIgnores is not supported",
                        "Desk.Missing: no such rule"):
        assert unsupported in err, err


def test_vale_ini_min_alert_level_and_newslint_rules_override(tmp_path):
    ini = VALE_INI.replace("MinAlertLevel = suggestion", "MinAlertLevel = warning")
    found = _vale_findings(_vale_folder(tmp_path, ini, "vale-ini: .vale.ini\nrules:\n  vale/Desk.Hedging: info\n"))
    assert found["story.txt"] == [("vale/Desk.Hedging", "info"), ("vale/Desk.Plenty", "warning")]
    assert ("vale/Desk.Plenty", "info") not in found["story.md"]  # a suggestion, below the minimum


@pytest.mark.parametrize(("ini", "where", "reason"), [
    (VALE_INI.replace("Desk.Whom = NO", "Desk.Whom = maybe"), ".vale.ini:8", "NO, YES"),
    (VALE_INI.replace("BasedOnStyles = Vale, Desk", "BasedOnStyles = Vale, Desk, Absent"), ".vale.ini:6",
     "no style folder 'Absent'"),
    (VALE_INI.replace("StylesPath = styles\n", ""), ".vale.ini:", "StylesPath is not set"),
    (VALE_INI.replace("[*]\n", "[*\n"), ".vale.ini", "not a valid .vale.ini"),
])
def test_vale_ini_mistakes_are_config_errors_naming_the_ini(tmp_path, ini, where, reason):
    root = _vale_folder(tmp_path, ini)
    with pytest.raises(ConfigError) as error:
        load_config(root / ".newslint.yaml")
    assert where in str(error.value) and reason in str(error.value)


def test_vale_ini_path_must_exist_and_is_not_read_unless_named(tmp_path):
    root = _vale_folder(tmp_path, newslint_yaml="vale-ini: nowhere/.vale.ini\n")
    with pytest.raises(ConfigError, match=r"\.newslint\.yaml:1: vale-ini: no \.vale\.ini"):
        load_config(root / ".newslint.yaml")
    (root / ".newslint.yaml").write_text("ignore: []\n", encoding="utf-8")
    assert not any(r.startswith("vale/") for r in load_config(root / ".newslint.yaml").custom_rules)
    # It concerns the whole run: a per-path section may not name one.
    (root / ".newslint.yaml").write_text("per-path:\n  '*.md':\n    vale-ini: .vale.ini\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="unknown setting"):
        load_config(root / ".newslint.yaml")


def test_message_templates_fill_each_placeholder_and_keep_percent_signs():
    assert declarative._format("Use '%s', not '%s'", "a", "b") == "Use 'a', not 'b'"
    assert declarative._format("Use '%s', not '%s'", "a") == "Use 'a', not ''"
    assert declarative._format("50%% of '%s'; the % sign", "x", "extra") == "50% of 'x'; the % sign"
    assert declarative._format("No placeholder, 100%%") == "No placeholder, 100%"


def test_readability_formulas_are_named_not_evaluated():
    scores = declarative.readability("The cat sat on the mat.", 1)
    assert 100 < scores["flesch-reading-ease"] < 120
    assert scores["flesch-kincaid"] < 0

"""``casebook check``, ``show`` and ``schema``: read the cases and say what casebook makes of them, writing nothing.

None of them loads a renderer: ``check`` asks :mod:`casebook.pipeline` for the warnings of every format.
"""

from __future__ import annotations

from pathlib import Path

import click

from casebook.cli.common import CASE_DIRS, TEMPLATES, THEME, case_folders, say, theme_of, user_errors
from casebook.errors import CaseError


@click.command()
@CASE_DIRS
@THEME
@user_errors
def check(case_dirs: tuple[Path, ...], theme_file: Path | None) -> None:
    """Validate the cases: print every warning and error, exit 1 on errors.

    Warnings include the characters the theme's fonts cannot draw.
    """
    from casebook.pipeline import FORMATS, load_case, warning_lines

    theme = theme_of(theme_file)
    problems = []
    for folder in case_folders(case_dirs):
        try:
            case = load_case(folder)
        except CaseError as exc:
            problems.extend(exc.problems)
            continue
        warnings = warning_lines(case, folder, FORMATS, theme)
        for line in warnings:
            click.echo(line)
        if case.conflicts:
            from casebook.wording import Wording

            wording = Wording(case)
            for conflict in case.conflicts:
                click.echo(wording.render("cli/conflict.j2", conflict=conflict, folder=folder, labels=wording.labels))
        click.echo(say("check", case=case, folder=folder, warnings=len(warnings)))
    if problems:
        raise CaseError(problems)


@click.command()
@CASE_DIRS
@click.option("--json", "as_json", is_flag=True, help="Print the whole case model as JSON.")
@TEMPLATES
@user_errors
def show(case_dirs: tuple[Path, ...], as_json: bool, template_dirs: tuple[Path, ...]) -> None:
    """Print the case model of each case: a summary, or all of it with --json."""
    from casebook.pipeline import load_case

    cases = [load_case(folder) for folder in case_folders(case_dirs)]
    if as_json:
        if len(cases) == 1:
            click.echo(cases[0].model_dump_json(indent=2))
        else:
            click.echo("[" + ",\n".join(c.model_dump_json(indent=2) for c in cases) + "]")
        return
    from casebook.wording import Wording

    for case in cases:
        click.echo(Wording(case, template_dirs).render("cli/show.j2"))


@click.command()
def schema() -> None:
    """Print the JSON Schema of the case model."""
    import json

    from casebook.model.case import Case

    click.echo(json.dumps(Case.model_json_schema(), indent=2))


COMMANDS: tuple[click.Command, ...] = (check, show, schema)

"""The ``casebook`` command: thin, it parses arguments, calls the pipeline and turns problems into exit codes.

Exit codes: 0 success, 1 bad input (a message naming the file and line), 2 bad usage.
Heavy libraries are imported only by the commands that need them.

The commands, by group: :mod:`~casebook.cli.build` (build), :mod:`~casebook.cli.inspect` (check, show, schema),
:mod:`~casebook.cli.mail` (pack, send), :mod:`~casebook.cli.watch` (watch); what they share is in
:mod:`~casebook.cli.common`. Every line they print comes from ``templates/cli/``. The commands reach the
renderers only through :mod:`casebook.pipeline` (an import-linter contract in pyproject.toml).
"""

from __future__ import annotations

import os
import signal
import sys
import threading
from typing import Any, NoReturn

import click

from casebook import __version__
from casebook.cli import build, inspect, mail, watch
from casebook.cli.common import say


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "-V", "--version", prog_name="casebook")
@click.option("--debug", is_flag=True, help="Show the full traceback of any error.")
@click.pass_context
def cli(ctx: click.Context, debug: bool) -> None:
    """Turn a folder of source documents into a business case study PDF and a class deck.

    With no CASE_DIR, every case folder under ./seeds is used.
    """
    ctx.obj = {"debug": debug}


class Terminated(KeyboardInterrupt):
    """SIGTERM: unwinds like Ctrl-C (no partial files), and the process ends with 143 (128 + 15), not 130."""


def _terminate(signum: int, frame: Any) -> None:
    raise Terminated


def main() -> None:
    """Run the command; an interrupt (Ctrl-C or SIGTERM) unwinds cleanly, leaving no partial files."""
    signal.signal(signal.SIGTERM, _terminate)
    try:
        code = _run()
    except SystemExit as exc:
        code = exc.code
    _exit(code)


def _run() -> Any:
    try:
        code = cli.main(prog_name="casebook", standalone_mode=False)
    except click.ClickException as exc:
        exc.show()
        return exc.exit_code
    except (click.exceptions.Abort, KeyboardInterrupt) as exc:
        click.echo(say("interrupted"), err=True)
        terminated = isinstance(exc, Terminated) or isinstance(exc.__cause__, Terminated)  # click wraps it in Abort
        return 128 + signal.SIGTERM if terminated else 128 + signal.SIGINT
    return code if isinstance(code, int) else 0


def _exit(code: Any) -> NoReturn:
    """End the process with ``code`` (an exit status, None for 0, or a message to print and exit 1).

    By now every output is written, closed and renamed into place and every worker has finished, so the
    interpreter's teardown (freeing each module and object, a tenth of a second after a build) is skipped:
    the streams are flushed and the process ends. A tracer, a profiler or coverage, or a thread still
    running, gets the usual exit instead.
    """
    if code is None:
        code = 0
    elif not isinstance(code, int):
        print(code, file=sys.stderr)
        code = 1
    busy = any(t is not threading.main_thread() and not t.daemon for t in threading.enumerate())
    if busy or sys.gettrace() is not None or sys.getprofile() is not None or "coverage" in sys.modules:
        sys.exit(code)
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):  # a closed pipe (casebook show | head): nothing more can be said
            pass
    os._exit(code)


# build; check, show and schema; pack and send (email packages of the outputs); watch
for _module in (build, inspect, mail, watch):
    for _command in _module.COMMANDS:
        cli.add_command(_command)


if __name__ == "__main__":  # pragma: no cover
    main()

"""The ``pacost`` command's entry point: ``pacost.cli.main``, with a Ctrl-C that comes while the command line is
still being loaded answered as a later one is — one line and exit code 130, not a traceback."""

import sys


def main() -> None:
    try:
        from pacost.cli import main as run
    except KeyboardInterrupt:
        sys.stderr.write("error: stopped.\n")
        sys.exit(130)
    run()

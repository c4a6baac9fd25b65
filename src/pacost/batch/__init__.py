"""Batch runs (``pacost batch``): many plans in, one row out per plan, in input order, none dropped.

- ``inputs``: the records of folders, JSON Lines files, CSV exports and standard input;
- ``council_csv``: a council's CSV export, one row per PA, mapped onto plans;
- ``run``: each record costed by the one engine into an output line, over worker processes, and the summary;
- ``rows``: the CSV and JSON Lines output rows.

Progress bars, signals and the exit code are the command's (``pacost.cli.batch_cmd``).
"""

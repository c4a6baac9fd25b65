"""``python -m pacost``: the same as the ``pacost`` command."""

from pacost.cli import main

if __name__ == "__main__":
    main()

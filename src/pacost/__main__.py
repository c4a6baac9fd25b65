"""``python -m pacost``: the same as the ``pacost`` command."""

from pacost.entry import main

if __name__ == "__main__":
    main()

"""`python -m presskg` is the `presskg` command."""

from presskg.cli import main

if __name__ == "__main__":
    main()

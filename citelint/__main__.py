from citelint.cli import main

main()

"""``python -m boardreport``."""

from boardreport.cli import main

raise SystemExit(main())

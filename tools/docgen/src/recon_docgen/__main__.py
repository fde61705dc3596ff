"""Entry point for `python -m recon_docgen`."""

from recon_docgen.cli import main

raise SystemExit(main())

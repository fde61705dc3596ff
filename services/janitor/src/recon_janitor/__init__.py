"""card-recon janitor service."""

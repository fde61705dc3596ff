"""card-recon extractor service."""

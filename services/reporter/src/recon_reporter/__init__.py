"""card-recon reporter service."""

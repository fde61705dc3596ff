"""card-recon matcher service."""

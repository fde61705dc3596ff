"""card-recon gateway service."""

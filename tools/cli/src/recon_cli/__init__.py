"""The `recon` command line: the services' pure cores run in-process."""

"""Document generator with known ground truth."""

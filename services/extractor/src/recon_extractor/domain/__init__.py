"""The extractor's pure core: statement, receipt and document-kind parsing over plain data and PDF bytes."""

"""Imported once by the forkserver that forks each file's reading child (see `isolated_read`): it loads and
validates what every child would otherwise load first (readers, the libraries they import lazily, layouts,
compiled patterns), so a child starts warm and a broken layout file shows at the first upload, not halfway
through a batch."""

import openpyxl  # noqa: F401  (expense tables)
import pdfminer.pdfdocument
import pdfminer.pdfpage
import pdfminer.pdfparser  # noqa: F401
import pypdfium2  # noqa: F401

from recon_extractor.expense_reports.layout import load_expense_layout
from recon_extractor.pdf import pdfium_words  # noqa: F401  (the page reader's own lazy import)
from recon_extractor.reading.read_document import read_document  # noqa: F401
from recon_extractor.statements.layout import builtin_layouts

builtin_layouts()
load_expense_layout()

"""spaCy-compatible tokens for the Prodigy export: see :func:`annotator.core.segmentation.tokenize`.

Kept so that older imports work; the tokens come from the one segmentation module.
"""

from annotator.core.segmentation import Tok, TokenIndex, token_span, tokenize  # noqa: F401

"""The engine's view of :mod:`annotator.core.segmentation` (kept so that older imports work).

There is one segmentation in annotator; this module only re-exports it.
"""

from annotator.core.segmentation import *  # noqa: F401,F403
from annotator.core.segmentation import (  # noqa: F401 - used by the engine and its tests
    _SEGMENTER, _Segmenter, _crfsuite_attributes, _make_ws_featurizer, underthesea_patterns, words,
)

_PATTERNS = underthesea_patterns()

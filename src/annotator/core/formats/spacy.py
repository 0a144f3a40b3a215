NAME = 'spacy'

# A small user lexicon for CLI tests (--lexicon, --explain).
Lavrov = [[l'avr@f]]          # overrides the built-in entry
Gdansk = guh-DANSK            # a respelling
US = [[j,u:'Es]] ; case       # "US" but not "us"

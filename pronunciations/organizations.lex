# Agencies, parties and news organizations.  narrate line format
# (pronunciations/README-lexicon.md); each entry cites its source.

Interfax = [['Int3faks]]                   # Interfax's own English name; /ˈɪntərfæks/ (Collins-style respelling "IN-ter-fax")

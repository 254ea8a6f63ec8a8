# A lexicon with a mistake on line 4, for CLI tests: narrate --lexicon must
# refuse it with "tests/lexicon/bad.lex:4: unknown espeak-ng phoneme at 'yf'".
Lavrov = [[l@vr'O:f]]
Patrushev = [[p@tr'u:Syf]]

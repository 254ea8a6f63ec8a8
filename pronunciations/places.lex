# Countries, regions, capitals and major cities.  narrate line format
# (pronunciations/README-lexicon.md); each entry cites its source.

Fujian = [[f,u:dZj'En]]                    # Wikipedia IPA (English): /ˌfuːdʒiˈɛn/; pinyin Fújiàn
Uzbekistan = [[Uzb,EkIst'A:n]]             # Wikipedia IPA (English): /ʊzˌbɛkɪˈstɑːn/
Beijing = [[b,eIdZ'IN]]                    # Wikipedia IPA (English): /ˌbeɪˈdʒɪŋ/

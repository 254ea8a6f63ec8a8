# People in the world news: heads of state and government, foreign ministers,
# officials.  narrate line format (pronunciations/README-lexicon.md).
# Every entry cites where its pronunciation comes from; phonemes are espeak-ng
# en-us mnemonics, checked by tests/unit/test_lexicon_espeak.c.

# --- China (pinyin names the rules would also read; listed for exact stress) ---
Xi = [[S'i:]]                              # Wikipedia IPA (English): /ʃiː/
Jinping = [[dZ,Inp'IN]]                    # Wikipedia IPA (English): /ˌʃiː dʒɪnˈpɪŋ/
Xi Jinping = [[S'i: dZ,Inp'IN]]            # Wikipedia IPA (English): /ˌʃiː dʒɪnˈpɪŋ/
Jiechi = [[dZj,EtS'i:]]                    # Wikipedia: pinyin Jiéchí; BBC-style guide "jyeh-CHEE"
Yang Jiechi = [[j'A:N dZj,EtS'i:]]         # Wikipedia: pinyin Yáng Jiéchí
Xiaohong = [[Sj,aUh'UN]]                   # Wikipedia: pinyin Xiǎohóng; guide "shyaow-HONG"
Wang Xiaohong = [[w'A:N Sj,aUh'UN]]        # Wikipedia: pinyin Wáng Xiǎohóng
# Names whose words are also English words: no rule may read them, a list must.
Yi Gang = [[j'i: g'A:N]]                   # Wikipedia: pinyin Yì Gāng
Dong Jun = [[d'UN dZ'u:n]]                 # Wikipedia: pinyin Dǒng Jūn
Fu Cong = [[f'u: ts'UN]]                   # Wikipedia: pinyin Fù Cōng
Lei Jun = [[l'eI dZ'u:n]]                  # Wikipedia: pinyin Léi Jūn
Lin Dan = [[l'In d'A:n]]                   # Wikipedia: pinyin Lín Dān
Gu Ailing = [[g'u: ,aIl'IN]]               # Wikipedia: pinyin Gǔ Àilíng
Tu Youyou = [[t'u: j,oUj'oU]]              # Wikipedia: pinyin Tú Yōuyōu

# --- Russia ---
Putin = [[p'u:tIn]]                        # Wikipedia IPA (English): /ˈpuːtɪn/
Vladimir = [[vl'adIm,i@3]]                 # Wikipedia IPA (English): /ˈvlædɪmɪər/
Patrushev = [[p@tr'u:SEf]]                 # Wikipedia IPA (Russian): [pətrʊˈʂɛf]
Nikolai = [[n,Ik@l'aI]]                    # Wikipedia IPA (Russian): [nʲɪkɐˈlaj]
Sergey = [[s3:g'eI]]                       # Wikipedia IPA (Russian): [sʲɪrˈɡʲej]
Sergei = [[s3:g'eI]]                       # Wikipedia IPA (Russian): [sʲɪrˈɡʲej]
Lavrov = [[l@vr'O:f]]                      # Wikipedia IPA (Russian): [lɐˈvrof]

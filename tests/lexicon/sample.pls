<?xml version="1.0" encoding="UTF-8"?>
<!-- A PLS 1.0 sample: IPA, espeak-ng phonemes and aliases (tests/unit/test_lexicon_pls.c). -->
<lexicon version="1.0"
      xmlns="http://www.w3.org/2005/01/pronunciation-lexicon"
      xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
      xsi:schemaLocation="http://www.w3.org/2005/01/pronunciation-lexicon
        http://www.w3.org/TR/2007/CR-pronunciation-lexicon-20071212/pls.xsd"
      alphabet="ipa" xml:lang="en-US">
  <lexeme>
    <grapheme>Zelenskyy</grapheme>
    <grapheme>Zelensky</grapheme>
    <phoneme>ˌzɛlənˈskiː</phoneme>
  </lexeme>
  <lexeme>
    <grapheme>Nguyen</grapheme>
    <phoneme>ˈwɪn</phoneme>
  </lexeme>
  <lexeme>
    <grapheme>W3C</grapheme>
    <alias>World Wide Web Consortium</alias>
  </lexeme>
  <lexeme>
    <grapheme>Kyiv</grapheme>
    <phoneme alphabet="x-espeak">k'i:v</phoneme>
  </lexeme>
  <lexeme>
    <grapheme>
      Merriam   Webster
    </grapheme>
    <phoneme>ˈmɛriəm ˈwɛbstɚ</phoneme>
  </lexeme>
  <lexeme>
    <grapheme>Zelensky</grapheme>
    <phoneme>zəˈlɛnski</phoneme>
  </lexeme>
</lexicon>

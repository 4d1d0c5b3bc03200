"""Text analysis, defined once: CJK bigrams for Chinese text, whitespace tokens for pinyin."""

from elasticsearch.dsl import analyzer, token_filter

# Index time also keeps single characters, so one-character queries (红, 局) still match;
# search time uses bigrams only, so a two-character query matches that word, not each character.
cjk_bigram_with_unigrams = token_filter(
    "cjk_bigram_with_unigrams", type="cjk_bigram", output_unigrams=True
)

cjk_bigram = analyzer(
    "cjk_bigram",
    tokenizer="standard",
    filter=["cjk_width", "lowercase", "cjk_bigram"],
)

cjk_bigram_index = analyzer(
    "cjk_bigram_index",
    tokenizer="standard",
    filter=["cjk_width", "lowercase", cjk_bigram_with_unigrams],
)

# Pinyin fields hold space-separated syllables or initials built by search/pinyin.py.
pinyin_tokens = analyzer("pinyin_tokens", tokenizer="whitespace", filter=["lowercase"])

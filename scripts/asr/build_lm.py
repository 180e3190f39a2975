"""Builds the movie-review language model from SST's training sentences (never dev or test).

Only n-grams seen at least twice are kept (single sentences are not spelled out in the model),
and only words the recogniser's dictionary can pronounce.
"""

import argparse
import os

from . import ngram, sst_text


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sst", default="/work/shared/datasets/sst5-movie-sentences", help="folder with sst_train.txt")
    parser.add_argument("--dict", default="/usr/share/pocketsphinx/model/en-us/cmudict-en-us.dict")
    parser.add_argument("--out", default="models/review-lm.arpa")
    parser.add_argument("--discount", type=float, default=0.7)
    parser.add_argument("--min-count", type=int, default=2)
    args = parser.parse_args()

    vocabulary = sst_text.dictionary_words(args.dict)
    sentences = [sst_text.spoken_words(s) for _, s in sst_text.read_sentences(os.path.join(args.sst, "sst_train.txt"))]
    counts = ngram.count(sentences, vocabulary)
    probs, bows = ngram.estimate(counts, discount=args.discount, min_count=args.min_count)
    ngram.write_arpa(args.out, probs, bows)
    sizes = ", ".join(f"{len(p)} {n + 1}-grams" for n, p in enumerate(probs))
    print(f"{args.out}: {len(sentences)} sentences, {sizes}, {os.path.getsize(args.out) / 1e6:.1f} MB")


if __name__ == "__main__":
    main()

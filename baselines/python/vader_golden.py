#!/usr/bin/env python3
"""Golden vectors for biomoe's Affect target, from the reference VADER package.

Runs `vaderSentiment` 3.3.2 (Hutto & Gilbert 2014; `pip install vaderSentiment==3.3.2`) with its
own bundled lexicons over

  * the hand-written sentences below (every rule of the package, Unicode edge cases), written
    with their text to Tests/AffectTests/Fixtures/vader_golden.tsv, and
  * the first --lines lines of each of the paper's four human-rated sets (fetched by
    scripts/fetch-vader.py), written as (set, id, scores) only — no third-party text — to
    Tests/AffectTests/Fixtures/vader_human_golden.tsv, together with Pearson's r between the
    package's compound score and the human mean rating over each whole set.

Each row holds the scores as the package returns them (neg, neu, pos rounded to 3 decimals,
compound to 4) and the same four numbers unrounded. The unrounded ones come from the package's
own code with `round` shadowed by the identity in its module, so nothing is re-implemented here.

Usage: vader_golden.py [--data /usr/share/datasets/vader] [--lines 200] [--out DIR]
"""
import argparse
import math
import os
import sys
from importlib.metadata import version as installed_version

import vaderSentiment.vaderSentiment as vs

FORMAT_VERSION = 1
SETS = ["tweets", "movieReviewSnippets", "amazonReviewSnippets", "nytEditorialSnippets"]

HAND_WRITTEN = [
    # the package's own demonstration sentences
    "VADER is smart, handsome, and funny.",
    "VADER is smart, handsome, and funny!",
    "VADER is very smart, handsome, and funny.",
    "VADER is VERY SMART, handsome, and FUNNY.",
    "VADER is VERY SMART, handsome, and FUNNY!!!",
    "VADER is VERY SMART, uber handsome, and FRIGGIN FUNNY!!!",
    "VADER is not smart, handsome, nor funny.",
    "The book was good.",
    "At least it isn't a horrible book.",
    "The book was only kind of good.",
    "The plot was good, but the characters are uncompelling and the dialog is not great.",
    "Today SUX!",
    "Today only kinda sux! But I'll get by, lol",
    "Make sure you :) or :D today!",
    "Catch utf-8 emoji such as 💘 and 💋 and 😁",
    "Not bad at all",
    "Sentiment analysis has never been good.",
    "Sentiment analysis has never been this good!",
    "Most automated sentiment analysis tools are shit.",
    "With VADER, sentiment analysis is the shit!",
    "Other sentiment analysis tools can be quite bad.",
    "On the other hand, VADER is quite bad ass",
    "VADER is such a badass!",
    "Without a doubt, excellent idea.",
    "Roger Dodger is one of the most compelling variations on this theme.",
    "Roger Dodger is at least compelling as a variation on the theme.",
    "Roger Dodger is one of the least compelling variations on this theme.",
    "Not such a badass after all.",
    "Without a doubt, an excellent idea.",
    # single words, empty and punctuation-only input
    "good", "bad", "GOOD", "Good", "", " ", "   \t  ", "!!!", "???", "?!", ".", "...", "!?!?!?",
    # negation: list words, n't, distance 1–3, stacked
    "not good", "isn't good", "isnt good", "don't like it", "never good", "not very good",
    "not a good movie", "not really a good movie", "it is not that the movie was good",
    "nothing good", "without love", "rarely happy", "seldom fun", "despite the love",
    "I can't stand it", "I cannot stand it", "uh-uh good", "aint bad", "not not good",
    "doesn't really hate it", "NOT good at all", "Isn'tgood", "won't be nice",
    # "no" as a negator and as a word of its own
    "no good", "no", "no no", "no way", "no problem", "no love or hate", "no love nor hate",
    "there is no good or bad here", "no, that is good", "NO good news",
    # boosters and dampeners, with distance scaling 1, 0.95, 0.9
    "very good", "very very good", "very the good", "very the a good", "extremely bad",
    "slightly good", "barely bad", "really really really good", "quite bad indeed",
    "sort of good", "sorta good", "the movie was sort of good", "just enough good",
    "the food was kind of bad", "kind of good", "kind of", "kind", "a kind man", "Kind Of nice",
    # ALL CAPS differential
    "GOOD movie", "this is GOOD", "BAD day today", "VERY good movie", "very GOOD movie",
    "VERY BAD", "ALL CAPS EVERYWHERE GOOD", "it is NOT good", "I LOVE it", "i HATE IT",
    "THE movie", "OK fine", "good :D", ":D good", "the D :D", "123 GOOD", "ⓐ GOOD", "É GOOD",
    # "never so", "never this", "without doubt", and the distance-3 so/this rule
    "never so good", "never this good", "never so very good", "it is so good",
    "a b this good", "a b so good", "without doubt good", "without any doubt good",
    # "least"
    "least good", "the least good", "at least good", "very least good", "the very least bad",
    "least", "at least", "LEAST good",
    # "but"
    "good but bad", "bad but good", "good but", "but good", "good, but bad", "good BUT bad",
    "good but bad but good", "good good but bad", "I love it but hate it", "gg but activeness",
    "great but great", "ok but ok ok",
    # special cases and idioms (the package scores only those containing lexicon words)
    "the shit", "this is the shit", "he is the bomb", "a total bad ass", "the bus stop",
    "yeah right", "oh yeah right", "the kiss of death", "food to die for", "my beating heart",
    "a b c the shit", "that man is the bomb dot com", "she is on the ball", "cut the mustard",
    "under the weather today", "in the red", "break a leg tonight", "kiss of death bad",
    # exclamation and question marks
    "good!", "good!!", "good!!!", "good!!!!", "good!!!!!!!!", "bad!!!", "good?", "good??",
    "good???", "good????", "good?????", "bad???", "good!?", "good !!! ??? !!!", "! good",
    "the movie!!!", "?? bad ??",
    # punctuation stripping: emoticons kept, short words kept with punctuation
    ":)", ":(", ":-)", ":/", "(good)", "'good'", "good...", "...good", "\"bad\"", "ok.",
    "ok!", "ok!!", "a:)", "nice;)", "lol!", "lol", "LOL", "LOL good", "<3", "</3", ":P",
    ":p", "x-d", "haha!!", "--bad--", "#love", "@hate", "good-looking", "well-being",
    # emoji: lexicon descriptions, adjacency, multi-code-point sequences, punctuation inside
    "😁", "💘💋", "good💘", "💘good", "I 💘 you", "☺️ ok", "☺ ok", "👍🏻 nice", "👍 nice",
    "🔛", "🆙 good", "😡😡😡", "🙂🙁", "love 😍!!", "😂 lol", "👶🏽", "🏴󠁧󠁢󠁥󠁮󠁧󠁿 England",
    # Unicode whitespace and case
    "good\u00a0movie", "bad\u2003day", "good\u200bmovie", "good\u3000bad", "\tgood\n",
    "café good", "ÉXCELLENT service", "the ǅ GOOD", "Straße is nice",
    # longer mixed sentences
    "It was one of the worst movies I've seen, despite good reviews.",
    "Unbelievably bad acting!!",
    "Poor direction.",
    "VERY poor production.",
    "The movie was bad.",
    "Very bad movie.",
    "VERY BAD movie!",
    "I'm surprised to see just how amazingly helpful VADER is!",
    "I would not say that the service was excellent, but the food was kind of great.",
    "Honestly, it's not the worst, but it's hardly the best either??",
    "WOW!!! This is absolutely AMAZING, I can't believe how good it is :)",
    "meh. it was ok i guess, nothing special, no complaints",
    "Worst. Day. Ever. 😡",
    "I don't hate it, I don't love it.",
    "Never been so happy in my life!",
    "The service was totally awful but the dessert was to die for.",
    "You are the best, no doubt about it",
    "He isn't the least bit funny.",
    "This phone is the bomb!!! but battery life sucks??",
]


def escape(text):
    return text.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")


def scores(analyzer, text):
    """(rounded as the package returns them, unrounded) for neg, neu, pos, compound."""
    vs.round = lambda value, digits=None: value  # module global shadows the builtin
    raw = analyzer.polarity_scores(text)
    del vs.round
    rounded = analyzer.polarity_scores(text)
    keys = ("neg", "neu", "pos", "compound")
    return [rounded[k] for k in keys], [raw[k] for k in keys]


def read_rated(path):
    """(id, mean rating, text) per line: UTF-8, lines ending in LF or CRLF, three tab-separated fields."""
    with open(path, "rb") as f:
        lines = f.read().decode("utf-8").split("\n")
    rows = []
    for line in lines:
        line = line[:-1] if line.endswith("\r") else line
        if line:
            ident, rating, text = line.split("\t", 2)
            rows.append((ident, float(rating), text))
    return rows


def pearson(x, y):
    mx, my = sum(x) / len(x), sum(y) / len(y)
    sxy = sum((a - mx) * (b - my) for a, b in zip(x, y))
    sxx = sum((a - mx) ** 2 for a in x)
    syy = sum((b - my) ** 2 for b in y)
    return sxy / math.sqrt(sxx * syy)


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    default_out = os.path.join(here, "..", "..", "Tests", "AffectTests", "Fixtures")
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", default="/usr/share/datasets/vader", help="directory written by scripts/fetch-vader.py")
    parser.add_argument("--lines", type=int, default=200, help="lines per human-rated set (0: all)")
    parser.add_argument("--out", default=default_out, help="directory for the two .tsv files")
    args = parser.parse_args()
    version = installed_version("vaderSentiment")
    if version != "3.3.2":
        print(f"vader_golden: vaderSentiment {version} is installed; the fixtures are for 3.3.2 "
              f"(pip install vaderSentiment==3.3.2)", file=sys.stderr)
        return 1
    analyzer = vs.SentimentIntensityAnalyzer()
    header = f"# format {FORMAT_VERSION}; vaderSentiment {version}; written by baselines/python/vader_golden.py\n"

    with open(os.path.join(args.out, "vader_golden.tsv"), "w", encoding="utf-8", newline="\n") as out:
        out.write(header)
        out.write("text\tneg\tneu\tpos\tcompound\traw_neg\traw_neu\traw_pos\traw_compound\n")
        for text in HAND_WRITTEN:
            rounded, raw = scores(analyzer, text)
            out.write("\t".join([escape(text)] + [repr(float(v)) for v in rounded + raw]) + "\n")

    with open(os.path.join(args.out, "vader_human_golden.tsv"), "w", encoding="utf-8", newline="\n") as out:
        out.write(header)
        for name in SETS:
            rows = read_rated(os.path.join(args.data, f"{name}_GroundTruth.txt"))
            compounds = [scores(analyzer, text)[1][3] for _, _, text in rows]
            r = pearson(compounds, [rating for _, rating, _ in rows])
            out.write(f"# pearson {name} {len(rows)} {r!r}\n")
            print(f"{name}: {len(rows)} snippets, Pearson r (unrounded compound vs mean rating) = {r:.4f}", file=sys.stderr)
        out.write("set\tid\tneg\tneu\tpos\tcompound\traw_neg\traw_neu\traw_pos\traw_compound\n")
        for name in SETS:
            rows = read_rated(os.path.join(args.data, f"{name}_GroundTruth.txt"))
            for ident, _, text in rows[: args.lines] if args.lines > 0 else rows:
                rounded, raw = scores(analyzer, text)
                out.write("\t".join([name, ident] + [repr(float(v)) for v in rounded + raw]) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())

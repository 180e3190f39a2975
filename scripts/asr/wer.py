"""Word error rate of the recogniser under each language-model setting, on two sets of speech:
espeak-ng reading SST dev sentences (synthetic: for comparing settings, not a headline) and
RAVDESS validation actors' clips (19-20; their two sentences are known). Prints one line per
setting with the WER on each set, the real-time factor (CPU seconds per audio second, one core)
and the peak resident memory the `transcribe` command reported.
"""

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile

from . import sst_text

RAVDESS_SENTENCES = {"01": "kids are talking by the door", "02": "dogs are sitting by the door"}
RAVDESS_NAME = re.compile(r"^03-01-\d\d-\d\d-(\d\d)-\d\d-(\d\d)\.wav$")


def edit_distance(reference, hypothesis):
    """Word-level Levenshtein distance."""
    previous = list(range(len(hypothesis) + 1))
    for i, r in enumerate(reference, 1):
        current = [i]
        for j, h in enumerate(hypothesis, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (r != h)))
        previous = current
    return previous[-1]


def wer(pairs):
    errors = sum(edit_distance(ref.split(), hyp.split()) for ref, hyp in pairs)
    words = sum(len(ref.split()) for ref, _ in pairs)
    return errors / max(1, words)


def speak_sst(sst_dir, count, out_dir):
    """Every k-th dev sentence read by espeak-ng; {wav: reference}."""
    sentences = [s for _, s in sst_text.read_sentences(os.path.join(sst_dir, "sst_dev.txt"))]
    step = max(1, len(sentences) // count)
    references = {}
    for i, sentence in enumerate(sentences[::step][:count]):
        words = " ".join(sst_text.spoken_words(sentence))
        wav = os.path.join(out_dir, f"sst-dev-{i:04d}.wav")
        subprocess.run(["espeak-ng", "-v", "en-us", "-s", "150", "-w", wav, words], check=True)
        references[wav] = words
    return references


def ravdess_clips(ravdess_dir, actors, every):
    references = {}
    for actor in actors:
        folder = os.path.join(ravdess_dir, f"Actor_{actor:02d}")
        for name in sorted(os.listdir(folder))[::every]:
            match = RAVDESS_NAME.match(name)
            if match:
                references[os.path.join(folder, name)] = RAVDESS_SENTENCES[match.group(1)]
    return references


def transcribe(cli, files, extra):
    out = subprocess.run([cli, "transcribe", *files, "--json", *extra], check=True, capture_output=True, text=True).stdout
    return json.loads(out)


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--cli", required=True, help="the edgesentiment executable")
    parser.add_argument("--sst", default="/work/shared/datasets/sst5-movie-sentences")
    parser.add_argument("--ravdess", default="/work/shared/datasets/ravdess-speech-16k")
    parser.add_argument("--review-lm", default="models/review-lm.arpa")
    parser.add_argument("--sentences", type=int, default=60)
    parser.add_argument("--ravdess-every", type=int, default=3, help="take every n-th clip of actors 19-20")
    parser.add_argument("--weights", default="0,0.5,1", help="review LM weights to try; 0 is the general LM alone")
    parser.add_argument("--search", default="", help="search settings for every weight, as transcribe takes them, "
                        "e.g. \"--beam 1e-40 --wbeam 1e-24 --pbeam 1e-40 --maxhmmpf 3000\"; the engine's defaults when empty")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        sets = {
            "sst-dev-espeak": speak_sst(args.sst, args.sentences, tmp),
            "ravdess-19-20": ravdess_clips(args.ravdess, (19, 20), args.ravdess_every),
        }
        print("setting                 " + "  ".join(f"{name} WER (n)" for name in sets) + "  RTF    peak RSS", flush=True)
        results = []
        for weight in (float(w) for w in args.weights.split(",")):
            extra = ["--review-weight", "0"] if weight == 0 else ["--review-lm", args.review_lm, "--review-weight", str(weight)]
            extra += args.search.split()
            row = {"reviewWeight": weight, "search": args.search or "defaults"}
            cpu = audio = 0.0
            peak = 0.0
            for name, references in sets.items():
                doc = transcribe(args.cli, list(references), extra)
                pairs = [(references[f["file"]], f["transcript"]) for f in doc["files"]]
                row[name] = {"wer": round(wer(pairs), 4), "n": len(pairs), "words": sum(len(r.split()) for r, _ in pairs)}
                cpu += sum(f["cpuSeconds"] for f in doc["files"])
                audio += sum(f["durationSeconds"] for f in doc["files"])
                peak = max(peak, doc["peakRssMiB"])
                row["engine"] = doc["engine"]
            row["realTimeFactor"] = round(cpu / audio, 4)
            row["peakRssMiB"] = peak
            results.append(row)
            cells = "  ".join(f"{row[n]['wer']:.3f} ({row[n]['n']})".ljust(len(n) + 10) for n in sets)
            print(f"review weight {weight:<9} {cells}  {row['realTimeFactor']:.3f}  {peak:.0f} MiB  search: {row['search']}", flush=True)
        json.dump(results, sys.stdout, indent=1)
        print()


if __name__ == "__main__":
    main()

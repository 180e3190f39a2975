"""Log-mel features, only ever from the product's own extractor (`edgesentiment features export`)."""

import csv
import json
import os
import subprocess
import sys

import numpy as np

CLI_PROJECT = os.path.join("src", "EdgeSentiment.Cli")
CLI_BINARY = os.path.join(CLI_PROJECT, "bin", "Release", "net10.0", "edgesentiment")

# Extra `features export` options for every export of this run (frame length, FFT size); empty
# for the extractor's defaults, the only settings the device loads models for.
_EXPORT_OPTIONS = []


def use_extractor(frame_length=0, fft_size=0):
    """Makes every later export use these extractor settings (0: the extractor's default)."""
    _EXPORT_OPTIONS.clear()
    if frame_length:
        _EXPORT_OPTIONS.extend(["--frame-length", str(frame_length)])
    if fft_size:
        _EXPORT_OPTIONS.extend(["--fft-size", str(fft_size)])


def build_cli(root):
    """Builds the command-line tool once (Release) and returns the command that runs it."""
    print("==> Building the feature extractor (dotnet build src/EdgeSentiment.Cli -c Release)", file=sys.stderr)
    result = subprocess.run(
        ["dotnet", "build", os.path.join(root, CLI_PROJECT), "-c", "Release", "-v", "quiet", "-nologo"],
        cwd=root, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    if result.returncode != 0:
        sys.stderr.write(result.stdout[-4000:])
        raise SystemExit("error: building src/EdgeSentiment.Cli failed (see above); fix the build and run again")
    return [os.path.join(root, CLI_BINARY)]


def cli_command(path):
    """The command for an edgesentiment executable or .dll given on the command line."""
    if not os.path.exists(path):
        raise SystemExit(f"error: --cli {path} does not exist; give the edgesentiment executable or its .dll")
    return ["dotnet", path] if path.endswith(".dll") else [path]


def export(cli, items, prefix):
    """Runs `features export` over items [(wav path, label)]; returns the parsed prefix."""
    manifest = prefix + ".csv"
    with open(manifest, "w", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["path", "label"])
        for path, label in items:
            writer.writerow([os.path.abspath(path), label])
    command = cli + ["features", "export", "--manifest", manifest, "--out", prefix] + _EXPORT_OPTIONS
    result = subprocess.run(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    # Exit code 1 means some clips could not be read; they are listed in the JSON and reported.
    if result.returncode not in (0, 1) or not os.path.exists(prefix + ".json"):
        sys.stderr.write(result.stderr[-4000:])
        raise SystemExit(f"error: '{' '.join(command)}' failed with exit code {result.returncode} (see above)")
    feats = load(prefix)
    if items and not feats.items:
        raise SystemExit(f"error: the extractor read none of the {len(items)} files of {manifest} (see the warnings above)")
    return feats


class FeatureSet:
    """The clips of one export: their frames, labels and the extractor settings."""

    def __init__(self, settings, items, frames, failed):
        self.settings = settings
        self.items = items
        self.frames = frames
        self.failed = failed

    def clip(self, index):
        item = self.items[index]
        return self.frames[item["offset"]:item["offset"] + item["frames"]]

    def by_path(self):
        return {os.path.abspath(item["path"]): i for i, item in enumerate(self.items)}


def load(prefix):
    with open(prefix + ".json") as handle:
        meta = json.load(handle)
    settings = meta["settings"]
    bands = int(settings["mel_bands"])
    frames = np.fromfile(prefix + ".f32", dtype="<f4").reshape(-1, bands)
    failed = meta.get("failed", [])
    for entry in failed[:10]:
        print(f"warning: the extractor could not read {entry['path']}: {entry['error']}", file=sys.stderr)
    if len(failed) > 10:
        print(f"warning: ... and {len(failed) - 10} more files could not be read", file=sys.stderr)
    return FeatureSet(settings, meta["items"], frames, failed)

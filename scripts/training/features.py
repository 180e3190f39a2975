"""Log-mel features, only ever from the product's own extractor (`edgesentiment features export`)."""

import csv
import json
import os
import subprocess
import sys

import numpy as np

CLI_PROJECT = os.path.join("src", "EdgeSentiment.Cli")
CLI_BINARY = os.path.join(CLI_PROJECT, "bin", "Release", "net10.0", "edgesentiment")


class Extractor:
    """The command that runs `edgesentiment features export`, with the extractor settings of this
    run (frame length, FFT size; none for the device's, the only ones it loads models for)."""

    def __init__(self, command, frame_length=0, fft_size=0):
        self.command = list(command)
        self.options = []
        if frame_length:
            self.options += ["--frame-length", str(frame_length)]
        if fft_size:
            self.options += ["--fft-size", str(fft_size)]

    def identity(self):
        """What a cached export depends on: the tool's path and build time."""
        target = self.command[-1]
        return {"cli": os.path.abspath(target), "mtime": os.path.getmtime(target) if os.path.exists(target) else 0}

    def export(self, items, prefix):
        """Runs `features export` over items [(wav path, label)]; returns the parsed prefix."""
        return export(self.command, items, prefix, self.options)


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


# Files per `features export` call: the tool prints nothing until it is done, so a long list is
# exported in parts and the progress shown between them.
CHUNK = 2000


def export(cli, items, prefix, options=()):
    """Runs `features export` over items [(wav path, label)] with extractor options; returns the
    parsed prefix. Lists longer than CHUNK are exported in parts, then joined into prefix."""
    if len(items) <= CHUNK:
        return _export_once(cli, items, prefix, options)
    parts = []
    for start in range(0, len(items), CHUNK):
        parts.append(_export_once(cli, items[start:start + CHUNK], f"{prefix}.part{start // CHUNK}", options))
        print(f"    features of {min(start + CHUNK, len(items))}/{len(items)} files", file=sys.stderr, flush=True)
    return _join(parts, prefix, len(items))


def _join(parts, prefix, count):
    items, failed, offset = [], [], 0
    with open(prefix + ".f32.partial", "wb") as data:
        for part in parts:
            for item in part.items:
                items.append({**item, "offset": item["offset"] + offset})
            offset += len(part.frames)
            failed += part.failed
            data.write(np.ascontiguousarray(part.frames, dtype="<f4").tobytes())
    with open(prefix + ".json.partial", "w") as handle:
        json.dump({"settings": parts[0].settings, "items": items, "failed": failed}, handle)
    os.replace(prefix + ".f32.partial", prefix + ".f32")
    os.replace(prefix + ".json.partial", prefix + ".json")
    for i in range(len(parts)):
        for suffix in (".f32", ".json", ".csv"):
            path = f"{prefix}.part{i}{suffix}"
            if os.path.exists(path):
                os.remove(path)
    if count and not items:
        raise SystemExit(f"error: the extractor read none of the {count} files for {prefix} (see the warnings above)")
    return load(prefix)


def _export_once(cli, items, prefix, options):
    manifest = prefix + ".csv"
    with open(manifest, "w", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["path", "label"])
        for path, label in items:
            writer.writerow([os.path.abspath(path), label])
    command = cli + ["features", "export", "--manifest", manifest, "--out", prefix] + list(options)
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

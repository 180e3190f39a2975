# Shared set-up steps for the scripts in this folder: each installs only what is missing, so
# running a script twice does nothing the second time. Sourced, not run.

say() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

# The repository root, whatever folder the script was started from.
repo_root() { cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd; }

# Runs a command as root: directly when we are root, through sudo otherwise (never prompts
# when there is no terminal, so CI fails fast instead of hanging).
as_root() {
    if [ "$(id -u)" -eq 0 ]; then
        "$@"
    elif [ -t 0 ]; then
        sudo "$@"
    else
        sudo -n "$@"
    fi
}

# ensure_apt PACKAGE...: installs the Debian packages that are not installed yet.
ensure_apt() {
    local missing=()
    local pkg
    for pkg in "$@"; do
        if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed'; then
            missing+=("$pkg")
        fi
    done
    if [ "${#missing[@]}" -eq 0 ]; then
        say "Debian packages present: $*"
        return 0
    fi
    say "Installing Debian packages: ${missing[*]}"
    as_root env DEBIAN_FRONTEND=noninteractive apt-get update -q
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
}

# ensure_dotnet: the .NET 10 SDK must be on PATH; it is not in Debian's archive, so say how to get it.
ensure_dotnet() {
    if command -v dotnet >/dev/null 2>&1 && dotnet --list-sdks 2>/dev/null | grep -q '^10\.'; then
        say "Using .NET SDK $(dotnet --version)"
        return 0
    fi
    echo "error: the .NET 10 SDK is needed and was not found on PATH." >&2
    echo "       Install it (https://learn.microsoft.com/dotnet/core/install/linux-debian, or the" >&2
    echo "       dotnet-install script with --channel 10.0), then run this script again." >&2
    exit 3
}

# Keep the first run quiet and repeatable: no telemetry, no welcome banner.
export DOTNET_CLI_TELEMETRY_OPTOUT=1
export DOTNET_NOLOGO=1
export DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
# The product turns ONNX Runtime telemetry off in code; this covers the scripts' own tools too.
export ORT_DISABLE_TELEMETRY=1

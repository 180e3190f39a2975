#!/usr/bin/python3
"""Draws docs/wiring.png: the three-LED and the RGB-LED wirings of docs/wiring.md.

The pins, resistor values and settings drawn here are the defaults of
src/EdgeSentiment.Device/Indicators/IndicatorOptions.cs and the values docs/wiring.md derives;
change them in both places together.

    scripts/docs/draw-wiring.py [--out docs/wiring.png]

Needs Debian's python3-matplotlib.
"""
import argparse
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
from matplotlib.lines import Line2D  # noqa: E402
from matplotlib.patches import Circle, FancyBboxPatch, Polygon, Rectangle  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]

RED = "#d62728"
AMBER = "#f0a000"
GREEN = "#2ca02c"
BLUE = "#1f5fd6"
WIRE = "#222222"
GND_COLOUR = "#000000"
V33_COLOUR = "#e07000"
V5_COLOUR = "#b00000"

# Pins of the header map that the wiring does not use.
UNUSED = {"GND": "#4a4a4a", "3V3": "#a07a40", "5V": "#a04848", "GPIO": "#a8a8a8"}

# The 40-pin header of a Raspberry Pi 4 and 5: physical pin -> name.
HEADER = {
    1: "3V3", 2: "5V", 3: "GPIO2", 4: "5V", 5: "GPIO3", 6: "GND", 7: "GPIO4", 8: "GPIO14",
    9: "GND", 10: "GPIO15", 11: "GPIO17", 12: "GPIO18", 13: "GPIO27", 14: "GND", 15: "GPIO22",
    16: "GPIO23", 17: "3V3", 18: "GPIO24", 19: "GPIO10", 20: "GND", 21: "GPIO9", 22: "GPIO25",
    23: "GPIO11", 24: "GPIO8", 25: "GND", 26: "GPIO7", 27: "GPIO0", 28: "GPIO1", 29: "GPIO5",
    30: "GND", 31: "GPIO6", 32: "GPIO12", 33: "GPIO13", 34: "GND", 35: "GPIO19", 36: "GPIO16",
    37: "GPIO26", 38: "GPIO20", 39: "GND", 40: "GPIO21",
}


def header_map(ax, x0, y_top, used):
    """The whole header, pin 1 at the top left, with the pins this wiring uses coloured and numbered."""
    step = 0.33
    ax.add_patch(FancyBboxPatch((x0 - 0.28, y_top - 19 * step - 0.28), 0.56 + 0.5, 19 * step + 0.56,
                                boxstyle="round,pad=0.02", fc="#2b3a2b", ec="none"))
    for pin, name in HEADER.items():
        row = (pin - 1) // 2
        col = (pin - 1) % 2
        x = x0 + col * 0.5
        y = y_top - row * step
        if pin in used:
            colour = used[pin]
        else:
            colour = UNUSED[name if name in UNUSED else "GPIO"]
        ax.add_patch(Circle((x, y), 0.11, fc=colour, ec="white" if pin in used else "none", lw=1.2, zorder=3))
        if pin in used:
            if col == 0:
                ax.text(x - 0.38, y, str(pin), ha="right", va="center", fontsize=10, fontweight="bold")
            else:
                ax.text(x + 0.38, y, str(pin), ha="left", va="center", fontsize=10, fontweight="bold")
    ax.text(x0 - 0.38, y_top + 0.42, "pin 1", ha="left", va="bottom", fontsize=9, color="#444444")
    ax.text(x0 + 0.25, y_top - 19 * step - 0.55, "40-pin header", ha="center", va="top", fontsize=9,
            color="#444444")


def terminal_box(ax, x0, x1, rows):
    """The header pins used, one row each: (y, pin, name, colour, note)."""
    ys = [r[0] for r in rows]
    ax.add_patch(FancyBboxPatch((x0, min(ys) - 0.45), x1 - x0, max(ys) - min(ys) + 0.9,
                                boxstyle="round,pad=0.05", fc="#f4f4f4", ec="#888888", lw=1))
    for y, pin, name, colour, note in rows:
        ax.text(x0 + 0.15, y, f"pin {pin}", ha="left", va="center", fontsize=11, fontweight="bold")
        ax.text(x0 + 1.15, y, name, ha="left", va="center", fontsize=11, color=colour, fontweight="bold")
        if note:
            ax.text(x0 + 2.35, y, note, ha="left", va="center", fontsize=9, color="#555555")
        ax.add_patch(Circle((x1, y), 0.09, fc=WIRE, ec=WIRE, zorder=4))


def wire(ax, points, colour=WIRE):
    xs, ys = zip(*points)
    ax.plot(xs, ys, color=colour, lw=1.8, solid_capstyle="round", zorder=2)


def dot(ax, x, y):
    ax.add_patch(Circle((x, y), 0.07, fc=WIRE, ec=WIRE, zorder=4))


def resistor(ax, x, y, label, length=1.3):
    """A resistor from x to x + length on the line y, with its value above it."""
    body = 0.8
    start = x + (length - body) / 2
    wire(ax, [(x, y), (start, y)])
    wire(ax, [(start + body, y), (x + length, y)])
    ax.add_patch(Rectangle((start, y - 0.17), body, 0.34, fc="white", ec=WIRE, lw=1.6, zorder=3))
    ax.text(start + body / 2, y + 0.3, label, ha="center", va="bottom", fontsize=11)


def led(ax, x, y, colour, label, pointing="right", length=1.3):
    """An LED from x to x + length on the line y; current flows the way the triangle points."""
    size = 0.32
    mid = x + length / 2
    if pointing == "right":
        tri = [(mid - size, y + size), (mid - size, y - size), (mid + size, y)]
        bar_x = mid + size
    else:
        tri = [(mid + size, y + size), (mid + size, y - size), (mid - size, y)]
        bar_x = mid - size
    wire(ax, [(x, y), (x + length, y)])
    ax.add_patch(Polygon(tri, closed=True, fc=colour, ec=WIRE, lw=1.4, zorder=3))
    ax.plot([bar_x, bar_x], [y - size, y + size], color=WIRE, lw=2.2, zorder=3)
    for dx in (-0.12, 0.14):
        ax.annotate("", xy=(mid + dx + 0.28, y + size + 0.38), xytext=(mid + dx, y + size + 0.08),
                    arrowprops=dict(arrowstyle="->", color=colour, lw=1.3))
    ax.text(mid, y - size - 0.12, label, ha="center", va="top", fontsize=10, color="#333333")


def new_axes(fig, rect, title, settings):
    ax = fig.add_axes(rect)
    ax.set_xlim(0, 16)
    ax.set_ylim(0, 8)
    ax.set_aspect("equal")
    ax.axis("off")
    ax.text(0.1, 7.85, title, ha="left", va="top", fontsize=14, fontweight="bold")
    ax.text(3.2, 0.15, settings, ha="left", va="bottom", fontsize=10, family="monospace",
            color="#1a3d7a")
    return ax


def three_leds(fig, rect):
    ax = new_axes(fig, rect, "Three LEDs, active high  (Indicator:Kind GpioLeds)",
                  '"Indicator": { "Kind": "GpioLeds", "RedPin": 17, "AmberPin": 27,\n'
                  '               "GreenPin": 22, "ActiveLow": false }')
    header_map(ax, 0.75, 6.9, {11: RED, 13: AMBER, 15: GREEN, 14: GND_COLOUR})
    rows = [(6.3, 11, "GPIO17", RED, "RedPin"), (4.9, 13, "GPIO27", AMBER, "AmberPin"),
            (3.5, 15, "GPIO22", GREEN, "GreenPin"), (2.1, 14, "GND", GND_COLOUR, "")]
    terminal_box(ax, 3.2, 7.1, rows)
    rail = 14.6
    for (y, _, _, colour, _), name in zip(rows[:3], ("red", "amber", "green")):
        wire(ax, [(7.1, y), (7.4, y)])
        resistor(ax, 7.4, y, "220 Ω")
        wire(ax, [(8.7, y), (9.9, y)])
        led(ax, 9.9, y, colour, f"{name} LED", pointing="right")
        wire(ax, [(11.2, y), (rail, y)])
        dot(ax, rail, y)
    wire(ax, [(rail, rows[0][0]), (rail, rows[3][0]), (7.1, rows[3][0])])
    ax.text(rail + 0.15, 4.2, "cathodes\n(short leg)\nto GND", ha="left", va="center", fontsize=9,
            color="#333333")
    ax.text(9.25, 6.95, "anode (long leg) on the resistor side", ha="left", va="bottom", fontsize=9,
            color="#333333")


def rgb_common_cathode(fig, rect):
    ax = new_axes(fig, rect, "RGB LED, common cathode  (Indicator:Kind RgbPwm, SoftwarePwm true)",
                  '"Indicator": { "Kind": "RgbPwm", "SoftwarePwm": true, "RgbRedPin": 12,\n'
                  '               "RgbGreenPin": 13, "RgbBluePin": 19, "CommonAnode": false }')
    header_map(ax, 0.75, 6.9, {32: RED, 33: GREEN, 35: BLUE, 34: GND_COLOUR})
    rows = [(6.3, 32, "GPIO12", RED, "RgbRedPin"), (4.9, 33, "GPIO13", GREEN, "RgbGreenPin"),
            (3.5, 35, "GPIO19", BLUE, "RgbBluePin"), (2.1, 34, "GND", GND_COLOUR, "")]
    terminal_box(ax, 3.2, 7.1, rows)
    bus = 12.2
    values = ("220 Ω", "82 Ω", "82 Ω")
    for (y, _, _, colour, _), name, value in zip(rows[:3], ("red", "green", "blue"), values):
        wire(ax, [(7.1, y), (7.4, y)])
        resistor(ax, 7.4, y, value)
        wire(ax, [(8.7, y), (9.9, y)])
        led(ax, 9.9, y, colour, name, pointing="right")
        wire(ax, [(11.2, y), (bus, y)])
        dot(ax, bus, y)
    ax.add_patch(FancyBboxPatch((9.6, 2.85), 3.0, 4.25, boxstyle="round,pad=0.05", fc="none",
                                ec="#777777", lw=1.2, ls="--"))
    ax.text(11.1, 7.2, "one RGB LED", ha="center", va="bottom", fontsize=9, color="#555555")
    wire(ax, [(bus, rows[0][0]), (bus, rows[3][0]), (7.1, rows[3][0])])
    ax.text(bus + 0.55, 4.2, "common cathode\n(longest leg)\nto GND, pin 34", ha="left", va="center",
            fontsize=10, color="#333333")


def rgb_common_anode(fig, rect):
    ax = new_axes(fig, rect, "RGB LED, common anode  (Indicator:Kind RgbPwm, SoftwarePwm true)",
                  '"Indicator": { "Kind": "RgbPwm", "SoftwarePwm": true, "RgbRedPin": 12,\n'
                  '               "RgbGreenPin": 13, "RgbBluePin": 19, "CommonAnode": true }')
    header_map(ax, 0.75, 6.9, {32: RED, 33: GREEN, 35: BLUE, 17: V33_COLOUR})
    rows = [(6.3, 17, "3V3", V33_COLOUR, "never 5 V"), (4.9, 32, "GPIO12", RED, "RgbRedPin"),
            (3.5, 33, "GPIO13", GREEN, "RgbGreenPin"), (2.1, 35, "GPIO19", BLUE, "RgbBluePin")]
    terminal_box(ax, 3.2, 7.1, rows)
    bus = 12.2
    values = ("220 Ω", "82 Ω", "82 Ω")
    for (y, _, _, colour, _), name, value in zip(rows[1:], ("red", "green", "blue"), values):
        wire(ax, [(7.1, y), (7.4, y)])
        resistor(ax, 7.4, y, value)
        wire(ax, [(8.7, y), (9.9, y)])
        led(ax, 9.9, y, colour, name, pointing="left")
        wire(ax, [(11.2, y), (bus, y)])
        dot(ax, bus, y)
    ax.add_patch(FancyBboxPatch((9.6, 1.45), 3.0, 4.25, boxstyle="round,pad=0.05", fc="none",
                                ec="#777777", lw=1.2, ls="--"))
    ax.text(11.1, 5.8, "one RGB LED", ha="center", va="bottom", fontsize=9, color="#555555")
    wire(ax, [(7.1, rows[0][0]), (bus, rows[0][0]), (bus, rows[3][0])])
    ax.text(bus + 0.55, 3.5, "common anode\n(longest leg)\nto 3.3 V, pin 17;\na colour lights\nwhile its line is low",
            ha="left", va="center", fontsize=10, color="#333333")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default=str(ROOT / "docs" / "wiring.png"), help="PNG to write")
    args = parser.parse_args()

    fig = plt.figure(figsize=(12, 18.4))
    three_leds(fig, [0.02, 0.652, 0.96, 0.31])
    rgb_common_cathode(fig, [0.02, 0.333, 0.96, 0.31])
    rgb_common_anode(fig, [0.02, 0.014, 0.96, 0.31])
    legend = [Line2D([], [], marker="o", ls="", ms=9, color=UNUSED[name], label=f"{name} (not used here)")
              for name in ("GND", "3V3", "5V")]
    legend.append(Line2D([], [], marker="o", ls="", ms=9, color=UNUSED["GPIO"], label="other GPIO"))
    fig.legend(handles=legend, loc="upper center", ncol=4, bbox_to_anchor=(0.5, 0.985), frameon=False,
               fontsize=10)
    fig.text(0.5, 0.997, "Header pins are physical numbers (pin 1 top left); the settings take BCM (GPIO) "
             "numbers. Resistors for about 5 mA at 3.3 V: docs/wiring.md.",
             ha="center", va="top", fontsize=10, color="#333333")
    fig.savefig(args.out, dpi=110, facecolor="white")
    print(args.out)


if __name__ == "__main__":
    main()

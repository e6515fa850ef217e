#!/usr/bin/env python3
"""Draws the rewrite-cost chart (SVG) from a JMH JSON file that holds RewriteCostBenchmark results.

Usage: python3 benchmarks/chart.py results.json > benchmarks/results/rewrite-cost.svg

Each point is the least CPU time per page of one iteration (the secondary result cpuNanos divided by the
iteration's pages per second), or without it the best iteration's wall-clock time per page.
Left: microseconds per page against the page size (log-log), without links and with one link per 2 KB, next
to sending the already signed page. Right: microseconds per 100 KB page against its number of links.
"""
import json
import math
import sys

W, H = 900, 380
PANEL_W, PANEL_H = 360, 260
LEFT = (70, 40)
RIGHT = (520, 40)
COLORS = {"rewrite": "#1f77b4", "rewrite0": "#2ca02c", "sendSigned": "#d62728"}


def load(path):
    cost = {}
    for r in json.load(open(path)):
        name = r["benchmark"].rsplit(".", 1)[1]
        if "RewriteCostBenchmark" not in r["benchmark"]:
            continue
        size, links = (int(x) for x in r["params"]["shape"].split(":"))
        ops = [x for fork in r["primaryMetric"]["rawData"] for x in fork]
        cpu = r.get("secondaryMetrics", {}).get("cpuNanos")
        if cpu:
            # CPU time per page in each iteration (CPU ns per second / pages per second), the least of them
            nanos = [x for fork in cpu["rawData"] for x in fork]
            cost[(name, size, links)] = min(c / o for c, o in zip(nanos, ops)) / 1000
        else:
            # the best iteration: on a shared machine, the one least disturbed by other work
            cost[(name, size, links)] = 1e6 / max(ops)
    return cost


def axis_ticks(lo, hi, log):
    if log:
        return [10 ** e for e in range(int(math.floor(math.log10(lo))), int(math.ceil(math.log10(hi))) + 1)]
    step = 10 ** math.floor(math.log10(max(hi - lo, 1e-9)))
    while (hi - lo) / step > 6:
        step *= 2
    t, ticks = 0.0, []
    while t <= hi * 1.0001:
        if t >= lo:
            ticks.append(t)
        t += step
    return ticks


def panel(out, origin, title, xlabel, ylabel, series, xlog, ylog):
    x0, y0 = origin
    xs = [x for _, pts in series for x, _ in pts]
    ys = [y for _, pts in series for _, y in pts]
    if not xs:
        return
    xlo, xhi = (min(xs), max(xs)) if xlog else (0, max(xs))
    ylo, yhi = (min(ys) / 1.5, max(ys) * 1.5) if ylog else (0, max(ys) * 1.1)

    def fx(x):
        f = (math.log10(x) - math.log10(xlo)) / (math.log10(xhi) - math.log10(xlo)) if xlog else (x - xlo) / (xhi - xlo)
        return x0 + f * PANEL_W

    def fy(y):
        f = (math.log10(y) - math.log10(ylo)) / (math.log10(yhi) - math.log10(ylo)) if ylog else (y - ylo) / (yhi - ylo)
        return y0 + PANEL_H - f * PANEL_H

    out.append(f'<text x="{x0 + PANEL_W / 2}" y="{y0 - 14}" text-anchor="middle" font-weight="bold">{title}</text>')
    out.append(f'<rect x="{x0}" y="{y0}" width="{PANEL_W}" height="{PANEL_H}" fill="none" stroke="#999"/>')
    for t in axis_ticks(xlo, xhi, xlog):
        if xlo <= t <= xhi:
            label = f"{t / 1000:g} KB" if xlog else f"{t:g}"
            out.append(f'<line x1="{fx(t):.1f}" y1="{y0 + PANEL_H}" x2="{fx(t):.1f}" y2="{y0 + PANEL_H + 4}" stroke="#999"/>')
            out.append(f'<text x="{fx(t):.1f}" y="{y0 + PANEL_H + 16}" text-anchor="middle">{label}</text>')
    for t in axis_ticks(ylo, yhi, ylog):
        if ylo <= t <= yhi:
            out.append(f'<line x1="{x0}" y1="{fy(t):.1f}" x2="{x0 + PANEL_W}" y2="{fy(t):.1f}" stroke="#eee"/>')
            out.append(f'<text x="{x0 - 6}" y="{fy(t) + 4:.1f}" text-anchor="end">{t:g}</text>')
    out.append(f'<text x="{x0 + PANEL_W / 2}" y="{y0 + PANEL_H + 34}" text-anchor="middle">{xlabel}</text>')
    out.append(f'<text x="{x0 - 50}" y="{y0 + PANEL_H / 2}" text-anchor="middle" '
               f'transform="rotate(-90 {x0 - 50} {y0 + PANEL_H / 2})">{ylabel}</text>')
    for i, (label, pts) in enumerate(series):
        color = COLORS[label.split(" ")[0]]
        pts = sorted(pts)
        path = " ".join(f"{fx(x):.1f},{fy(y):.1f}" for x, y in pts)
        out.append(f'<polyline points="{path}" fill="none" stroke="{color}" stroke-width="2"/>')
        for x, y in pts:
            out.append(f'<circle cx="{fx(x):.1f}" cy="{fy(y):.1f}" r="3" fill="{color}"><title>{label}: {y:.1f} µs</title></circle>')
        out.append(f'<text x="{x0 + 8}" y="{y0 + 16 + 14 * i}" fill="{color}">{label}</text>')


def main():
    cost = load(sys.argv[1])
    by_size = lambda name, density: [(s, c) for (n, s, l), c in cost.items() if n == name and l * 2000 == s * density]
    left = [("rewrite0 (no link)", [(s, c) for (n, s, l), c in cost.items() if n == "rewrite" and l == 0]),
            ("rewrite (1 link / 2 KB)", by_size("rewrite", 1)),
            ("sendSigned (limit, 1 link / 2 KB)", by_size("sendSigned", 1))]
    right = [("rewrite", [(l, c) for (n, s, l), c in cost.items() if n == "rewrite" and s == 100000]),
             ("sendSigned (limit)", [(l, c) for (n, s, l), c in cost.items() if n == "sendSigned" and s == 100000])]
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{W}" height="{H}" font-family="sans-serif" font-size="11">',
           f'<rect width="{W}" height="{H}" fill="white"/>']
    panel(out, LEFT, "Rewrite cost against page size", "unsigned page size", "µs of CPU per page (log)", left, True, True)
    panel(out, RIGHT, "100 KB page: cost against links", "protected links on the page", "µs of CPU per page", right,
          False, False)
    out.append("</svg>")
    print("\n".join(out))


if __name__ == "__main__":
    main()

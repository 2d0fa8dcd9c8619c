"""`workshop list` over a sessions folder of many small workshops and one big one.

Floor: a Python process that reads each workshop.toml with tomllib and takes its title.
Measured: `workshop list` with the summaries kept beside the files (warm), and with every
summary removed first (cold: each workshop is read once, the big one note by note).
Target (issue 15): warm within 3x the floor on 300 workshops + one of 50,000 observations.

    python3 benchmarks/listing_bench.py [--small 300] [--big 50000] [--runs 7] [--quick]
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

from _measure import interleaved, python, run_seconds, sessions_folder, verdict, workshop

FLOOR = (
    "import sys, tomllib\nfrom pathlib import Path\n"
    "titles = [tomllib.loads(p.read_text('utf-8'))['title']"
    " for p in sorted(Path(sys.argv[1]).glob('*/workshop.toml'))]\n"
    "print(len(titles))\n"
)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--small", type=int, default=300)
    parser.add_argument("--big", type=int, default=50_000)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--cold-runs", type=int, default=3)
    parser.add_argument("--quick", action="store_true", help="30 workshops + one of 5,000; 3 runs, 1 cold")
    args = parser.parse_args()
    if args.quick:
        args.small, args.big, args.runs, args.cold_runs = 30, 5_000, 3, 1
    with tempfile.TemporaryDirectory() as folder:
        root = sessions_folder(Path(folder) / "sessions", args.small, args.big)
        floor_command = [python(), "-c", FLOOR, str(root)]
        listing = [*workshop(), "--sessions", str(root), "list"]

        def cold() -> float:
            for summary in root.glob("*/.summary.toml"):
                summary.unlink()
            return run_seconds(listing)

        what = f"{args.small} workshops + one of {args.big:,} observations"
        warm = interleaved(
            args.runs, floor=lambda: run_seconds(floor_command), warm=lambda: run_seconds(listing)
        )
        print(
            verdict(
                f"workshop list, warm, {what}", warm["warm"], warm["floor"], 3, args.runs, "tomllib titles"
            )
        )
        cold_times = interleaved(args.cold_runs, floor=lambda: run_seconds(floor_command), cold=cold)
        ratio = cold_times["cold"] / cold_times["floor"]
        print(
            f"workshop list, cold (no summaries: every file read once), {what}: "
            f"{cold_times['cold'] * 1000:.0f} ms vs {cold_times['floor'] * 1000:.0f} ms: ratio {ratio:.1f}x "
            f"(no target; medians of {args.cold_runs})"
        )


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Times commands interleaved — A, B, A, B… (the order flips every round) — and prints each one's median,
quartiles and minimum. Used for A/B comparisons of two builds, and by audit.sh against the Python baseline.
On this machine another tenant sometimes slows the second core for a minute; hyperfine, which runs one
command's runs in a block, lets such a minute fall on one side only, interleaving spreads it over both.
Output goes to /dev/null. Usage: ab.py ROUNDS 'COMMAND A' 'COMMAND B' […]; AB_WARMUP=N sets the warm-up
rounds (default 3), for commands that take most of a minute."""
import os, shlex, statistics, subprocess, sys, time

rounds = int(sys.argv[1])
commands = [shlex.split(c) for c in sys.argv[2:]]
times = [[] for _ in commands]
warmup = int(os.environ.get("AB_WARMUP", "3"))
for round in range(rounds + warmup):  # warm-up rounds, not counted
    order = list(range(len(commands)))
    if round % 2:
        order.reverse()
    for i in order:
        start = time.perf_counter()
        subprocess.run(commands[i], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        if round >= warmup:
            times[i].append(time.perf_counter() - start)
for command, values in zip(sys.argv[2:], times):
    v = sorted(values)
    print(f"median {statistics.median(v) * 1e3:.1f} ms (p25 {v[len(v) // 4] * 1e3:.1f}, p75 {v[3 * len(v) // 4] * 1e3:.1f}, "
          f"min {v[0] * 1e3:.1f}) over {len(v)} interleaved runs: {command if len(command) <= 160 else command[:100] + ' … ' + command[-50:]}")
if len(times) == 2:
    print(f"ratio of medians, second / first: {statistics.median(times[1]) / statistics.median(times[0]):.2f}")
else:
    for i in range(1, len(times)):
        print(f"ratio of medians, command {i + 1} / command 1: {statistics.median(times[i]) / statistics.median(times[0]):.2f}")

"""The benchmarks' shared parts: servers (start, stop, memory), the browser-protocol client,
measurements (warm runs, bursts, quantiles), reporting, and one module per bench/run.py command.

Imported as `bench.lib` with the repository root on sys.path (bench/run.py and the other scripts
put it there)."""

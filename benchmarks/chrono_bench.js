// Time chrono-node's parser over the texts benchmarks/speed.py writes to a JSON file.
//
//   node benchmarks/chrono_bench.js CORPUS_JSON
//
// CORPUS_JSON holds {"repeats": R, "docs": [{"text": "...", "ref": "YYYY-MM-DD"}, ...]}.
// chrono-node is looked up in $CHRONO_DIR/node_modules (speed.py installs it into the
// git-ignored benchmarks/_out), falling back to the usual Node resolution.
//
// Only the parse loop is timed: Node start-up, require() and JSON reading are not.
// The first pass is timed on its own (cold JIT, texts never seen: what one run of a
// tool costs), then the best of R further passes (warm), the two figures speed.py
// reports for timeline too. Prints one JSON object on stdout.

"use strict";

const fs = require("fs");
const path = require("path");

function loadChrono() {
  const dirs = [process.env.CHRONO_DIR, path.join(__dirname, "_out")].filter(Boolean);
  const resolved = require.resolve("chrono-node", { paths: dirs });
  const pkg = JSON.parse(
    fs.readFileSync(path.join(path.dirname(resolved), "..", "..", "package.json"), "utf8")
  );
  return { chrono: require(resolved), version: pkg.version };
}

// One pass over every document; returns the number of results found.
function pass(chrono, docs) {
  let found = 0;
  for (const doc of docs) {
    found += chrono.parse(doc.text, doc.refDate).length;
  }
  return found;
}

function main() {
  const corpusPath = process.argv[2];
  if (!corpusPath) {
    console.error("usage: node chrono_bench.js CORPUS_JSON");
    process.exit(2);
  }

  const t0 = process.hrtime.bigint();
  const { chrono, version } = loadChrono();
  const loadSeconds = Number(process.hrtime.bigint() - t0) / 1e9;

  const corpus = JSON.parse(fs.readFileSync(corpusPath, "utf8"));
  // Reference dates at local midnight of the publication day (speed.py sets TZ=UTC).
  const docs = corpus.docs.map((d) => {
    const [y, m, day] = d.ref.split("-").map(Number);
    return { text: d.text, refDate: new Date(y, m - 1, day) };
  });
  const repeats = Math.max(1, corpus.repeats || 1);
  const chars = docs.reduce((n, d) => n + d.text.length, 0);

  const first = process.hrtime.bigint();
  pass(chrono, docs);
  const firstSeconds = Number(process.hrtime.bigint() - first) / 1e9;

  let best = Infinity;
  let expressions = 0;
  for (let i = 0; i < repeats; i++) {
    const start = process.hrtime.bigint();
    expressions = pass(chrono, docs);
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    best = Math.min(best, seconds);
  }

  process.stdout.write(
    JSON.stringify({
      version,
      node: process.version,
      docs: docs.length,
      chars,
      expressions,
      seconds: best,
      first_seconds: firstSeconds,
      load_seconds: loadSeconds,
    }) + "\n"
  );
}

main();

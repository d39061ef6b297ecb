// Why the lab and Node can give different numbers for the same config, measured: docs/LAB-VS-NODE.md.
// Part 1 evaluates the Math functions the library calls (and **) on the same float64 inputs in this Node
// and in Debian's Chromium (playwright-core) and counts results that differ, in bits and in ulps.
// Part 2 trains configs that start from identical points and weights (inline data and explicit init made
// here, so no RNG is involved) in the lab page and with runTraining in Node, and compares every record's loss.
// Usage: npm run build && node scripts/lab-vs-node.mjs [--n 200000]   (prints markdown tables; not a test)
import { chromium } from "playwright-core";
import { CHROMIUM_ARGS } from "../bench/lab-browser.mjs";
import { startLabServer } from "../dist/cli/lab-server.js";
import { parseRunConfig, runTraining } from "../dist/index.js";

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const N = arg("n", 200_000);

/** splitmix64-style uniform in [0, 1), seeded: the same inputs every run, made here only. */
function uniforms(seed, n) {
  let s = BigInt(seed);
  const out = new Float64Array(n);
  const M = (1n << 64n) - 1n;
  for (let i = 0; i < n; i++) {
    s = (s + 0x9e3779b97f4a7c15n) & M;
    let z = s;
    z = ((z ^ (z >> 30n)) * 0xbf58476d1ce4e5b9n) & M;
    z = ((z ^ (z >> 27n)) * 0x94d049bb133111ebn) & M;
    z ^= z >> 31n;
    out[i] = Number(z >> 11n) / 2 ** 53;
  }
  return out;
}
const map = (u, f) => Float64Array.from(u, f);

/**
 * The cases: a name, where the library calls it, the inputs (one or two arrays) and the expression as
 * source text (evaluated by the same code in Node and in the page).
 */
function cases() {
  const u = (k) => uniforms(k, N);
  const steps = map(u(9), (_, i) => (i % 20000) + 1);
  return [
    [
      "Math.exp(x), x ∈ [−40, 40]",
      "cross-entropy's e^{−m}, sigmoid",
      [map(u(1), (v) => 80 * v - 40)],
      "Math.exp(a)",
    ],
    [
      "Math.log(x), x = e^U, U ∈ [−40, 40]",
      "Box–Muller's √(−2 ln u)",
      [map(u(2), (v) => Math.exp(80 * v - 40))],
      "Math.log(a)",
    ],
    [
      "Math.log1p(x), x = e^U, U ∈ [−40, 10]",
      "cross-entropy ln(1 + e^{−m})",
      [map(u(3), (v) => Math.exp(50 * v - 40))],
      "Math.log1p(a)",
    ],
    [
      "Math.sin(x), x ∈ [−10, 10]",
      "data generators, Box–Muller",
      [map(u(4), (v) => 20 * v - 10)],
      "Math.sin(a)",
    ],
    ["Math.cos(x), x ∈ [−10, 10]", "Box–Muller's cos 2πu", [map(u(5), (v) => 20 * v - 10)], "Math.cos(a)"],
    ["Math.tanh(x), x ∈ [−20, 20]", "the tanh activation", [map(u(6), (v) => 40 * v - 20)], "Math.tanh(a)"],
    [
      "Math.sqrt(x), x = e^U, U ∈ [−40, 40]",
      "Adam's √v̂, norms",
      [map(u(7), (v) => Math.exp(80 * v - 40))],
      "Math.sqrt(a)",
    ],
    ["0.999 ** t, t = 1 … 20000", "Adam's bias correction β₂^t", [steps], "0.999 ** a"],
    ["0.9 ** t, t = 1 … 20000", "Adam's bias correction β₁^t", [steps], "0.9 ** a"],
    ["x ** 2, x ∈ [−10, 10]", "squared norms in init", [map(u(8), (v) => 20 * v - 10)], "a ** 2"],
  ];
}

/** Evaluates `expr` over the inputs (a in the first array, b in the second) and returns the results. */
function evaluate(expr, inputs) {
  // The expression is a constant of this script, compiled the same way in Node and in the page.
  const f = new Function("a", "b", `return ${expr};`);
  const [A, B] = inputs;
  const out = new Float64Array(A.length);
  for (let i = 0; i < A.length; i++) out[i] = f(A[i], B?.[i]);
  return out;
}

const b64 = (arr) => Buffer.from(arr.buffer, arr.byteOffset, arr.byteLength).toString("base64");
const unb64 = (s) => {
  const buf = Buffer.from(s, "base64");
  return new Float64Array(buf.buffer, buf.byteOffset, buf.byteLength / 8);
};

/** Units in the last place between two doubles of one sign (via their bit patterns). */
function ulps(x, y) {
  if (Object.is(x, y)) return 0;
  const bits = new BigInt64Array(new Float64Array([x, y]).buffer);
  const d = bits[0] - bits[1];
  return Number(d < 0n ? -d : d);
}

async function mathTable(page) {
  const rows = [];
  for (const [name, where, inputs, expr] of cases()) {
    const node = evaluate(expr, inputs);
    const web = unb64(
      await page.evaluate(
        ([e, ins]) => {
          const dec = (s) => {
            const bin = atob(s);
            const bytes = Uint8Array.from(bin, (c) => c.charCodeAt(0));
            return new Float64Array(bytes.buffer);
          };
          const [A, B] = ins.map(dec);
          const f = new Function("a", "b", `return ${e};`);
          const out = new Float64Array(A.length);
          for (let i = 0; i < A.length; i++) out[i] = f(A[i], B?.[i]);
          const bytes = new Uint8Array(out.buffer);
          let bin = "";
          for (let i = 0; i < bytes.length; i += 0x8000)
            bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
          return btoa(bin);
        },
        [expr, inputs.map(b64)],
      ),
    );
    let differ = 0;
    let maxUlp = 0;
    for (let i = 0; i < node.length; i++) {
      const d = ulps(node[i], web[i]);
      if (d > 0) differ++;
      maxUlp = Math.max(maxUlp, d);
    }
    rows.push({ name, where, n: node.length, differ, share: differ / node.length, maxUlp });
  }
  return rows;
}

/** 40 points in the plane, two interleaved arcs, labels ±1 (no RNG). */
function points() {
  const x = [];
  const y = [];
  for (let i = 0; i < 40; i++) {
    const a = Math.PI * ((i * 0.618) % 1);
    const up = i % 2 === 0;
    x.push([up ? Math.cos(a) : 1 - Math.cos(a), up ? Math.sin(a) : 0.5 - Math.sin(a)]);
    y.push(up ? 1 : -1);
  }
  return { kind: "inline", name: "arcs (n 40)", x, y };
}

/** Explicit weights of a 2-8-1 net with biases, from a fixed table of values (no RNG). */
function weights() {
  const u = uniforms(11, 8 * 2 + 8 + 8 + 1);
  let k = 0;
  const next = () => 0.8 * (u[k++] - 0.5);
  const W1 = Array.from({ length: 8 }, () => [next(), next()]);
  const b1 = Array.from({ length: 8 }, next);
  const W2 = [Array.from({ length: 8 }, next)];
  return [
    { W: W1, b: b1 },
    { W: W2, b: [next()] },
  ];
}

/** The runs of part 2: one change at a time from ReLU + GD + squared loss. */
function runs() {
  const base = (name, loss, optimizer, activation = "relu") => ({
    name,
    seed: 1,
    data: points(),
    model: { hidden: [8], activation, bias: true },
    init: { scheme: "explicit", weights: weights() },
    loss: { kind: loss, reduction: "mean" },
    optimizer,
    train: { steps: 2000 },
    probes: { schedule: { kind: "every", every: 10 }, include: [] },
  });
  return [
    base("ReLU, GD, squared loss (identical start)", "squared", { kind: "gd", lr: 0.05 }),
    base("ReLU, GD, cross-entropy (identical start)", "ce", { kind: "gd", lr: 0.05 }),
    base("tanh, GD, squared loss (identical start)", "squared", { kind: "gd", lr: 0.05 }, "tanh"),
    base("ReLU, Adam, squared loss (identical start)", "squared", { kind: "adam", lr: 0.01 }),
    base("ReLU, Adam, cross-entropy (identical start)", "ce", { kind: "adam", lr: 0.01 }),
  ];
}

/** Runs whose start the RNG draws (Box–Muller: log, cos), as the lab's tests and presets do. */
function drawnRuns() {
  const every = { schedule: { kind: "every", every: 10 }, include: [] };
  const norms = [0.5, 0.5, 0.5, 0.5, 1, 1, 1, 1, 2, 2, 2, 2, 4, 4, 4, 4];
  return [
    {
      // Preset C4 at 700 steps (test/web/lab.browser.test.ts compares its final loss to the last bit).
      name: "preset C4 at 700 steps (diagonal init drawn, GD, CE)",
      seed: 4,
      data: { kind: "orthogonal", norms, labels: "alternating" },
      model: { hidden: [16], activation: "relu", bias: false },
      init: {
        scheme: "gaussian",
        scale: 0.01,
        layers: [
          { scheme: "diagonal", scale: 0.01, diagonal: "half-normal" },
          { scheme: "gaussian", scale: 0.01 },
        ],
      },
      loss: { kind: "ce", reduction: "sum" },
      optimizer: { kind: "gd", lr: 0.01 },
      train: { steps: 700 },
      probes: every,
    },
    {
      // An upload's neutral config (web/src/state/csv-upload.ts) on the same 40 points.
      name: "an upload's neutral config (He init drawn, Adam, CE)",
      seed: 0,
      data: points(),
      model: { hidden: [16], activation: "relu", bias: true },
      init: { scheme: "he-normal" },
      loss: { kind: "ce", reduction: "mean" },
      optimizer: { kind: "adam", lr: 0.01 },
      train: { steps: 1000 },
      probes: every,
    },
    {
      // Preset "spiral": the data (sin, cos) and the init drawn, tanh, Adam, 3000 steps.
      name: "preset spiral (data and init drawn, tanh, Adam, 3000 steps)",
      seed: 9,
      data: { kind: "playground", set: "spiral", n: 300, noise: 0 },
      model: { hidden: [32, 32], activation: "tanh", bias: true },
      init: { scheme: "xavier-normal", scale: 0.1 },
      loss: { kind: "ce", reduction: "mean" },
      optimizer: { kind: "adam", lr: 0.01 },
      train: { steps: 3000 },
      probes: every,
    },
  ];
}

/** Trains `config` in the lab page to its end and returns its history (the page's "History JSON"). */
async function labHistory(page, url, config) {
  const hash = `v=1&config=${Buffer.from(JSON.stringify(config)).toString("base64url")}`;
  await page.goto("about:blank");
  await page.goto(`${url}#${hash}`);

  await page.waitForFunction((n) => {
    const el = document.querySelector("#run-state");
    return el?.getAttribute("data-loaded") === "1" && el.getAttribute("data-name") === n;
  }, config.name);
  await page.selectOption("[aria-label=speed]", "Infinity");
  await page.click("[data-testid=play]");
  await page.waitForFunction(
    () => document.querySelector("#run-state")?.getAttribute("data-status") === "done",
    null,
    {
      timeout: 120_000,
    },
  );
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "History JSON" }).click(),
  ]);
  const chunks = [];
  for await (const c of await download.createReadStream()) chunks.push(c);
  return JSON.parse(Buffer.concat(chunks).toString("utf8"));
}

async function runTable(page, url, configs) {
  const rows = [];
  for (const raw of configs) {
    const web = await labHistory(page, url, raw);
    const node = runTraining(parseRunConfig(raw)).history;
    if (web.length !== node.length)
      throw new Error(`${raw.name}: ${web.length} records in the lab, ${node.length} in Node`);
    let first = -1;
    let maxRel = 0;
    for (let i = 0; i < node.length; i++) {
      if (first < 0 && !Object.is(web[i].loss, node[i].loss)) first = node[i].step;
      maxRel = Math.max(maxRel, Math.abs(web[i].loss - node[i].loss) / Math.abs(node[i].loss));
    }
    const last = node.length - 1;
    rows.push({
      name: raw.name,
      records: node.length,
      identical: first < 0,
      firstDifferentStep: first,
      maxRel,
      finalRel: Math.abs(web[last].loss - node[last].loss) / Math.abs(node[last].loss),
    });
  }
  return rows;
}

const fmt = (x) => (x === 0 ? "0" : x.toExponential(1));

const server = await startLabServer({ port: 0, host: "127.0.0.1" });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
  args: CHROMIUM_ARGS,
});
try {
  // Part 1 on a blank page (the lab's Content-Security-Policy forbids eval), part 2 on the lab.
  const blank = await browser.newPage();
  const page = await browser.newPage({ acceptDownloads: true });
  console.log(
    `Node ${process.version} (V8 ${process.versions.v8}) against ${browser.version()}, ${N} inputs per function\n`,
  );
  console.log(
    "| function, inputs | used by | results that differ | share | max ulps |\n|---|---|---|---|---|",
  );
  for (const r of await mathTable(blank))
    console.log(
      `| ${r.name} | ${r.where} | ${r.differ} of ${r.n} | ${(100 * r.share).toFixed(2)} % | ${r.maxUlp} |`,
    );
  console.log(
    "\n| run (identical start) | records | bit-identical | first different record (step) | max rel. loss gap | final rel. gap |",
  );
  console.log("|---|---|---|---|---|---|");
  for (const r of await runTable(page, server.url, [...runs(), ...drawnRuns()]))
    console.log(
      `| ${r.name} | ${r.records} | ${r.identical ? "yes" : "no"} | ${r.identical ? "—" : r.firstDifferentStep} | ${fmt(r.maxRel)} | ${fmt(r.finalRel)} |`,
    );
} finally {
  await browser.close();
  await server.close();
}

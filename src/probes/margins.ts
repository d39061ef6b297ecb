import type { Probe } from "./probe.js";

/** Margins m_i = y_i f(x_i): the minimum, the mean, and every point's (theory plots them per point). */
export const marginsProbe: Probe = {
  name: "margins",
  description: "margins y·f(x): marginMin, marginMean and per-point margin[i]",
  fields: ["marginMin", "marginMean", "margin"],
  measure({ logits, data }) {
    const margin: number[] = new Array(data.n);
    let min = Number.POSITIVE_INFINITY;
    let sum = 0;
    for (let i = 0; i < data.n; i++) {
      const m = data.y[i] * logits[i];
      margin[i] = m;
      if (m < min) min = m;
      sum += m;
    }
    return { marginMin: min, marginMean: sum / data.n, margin };
  },
};

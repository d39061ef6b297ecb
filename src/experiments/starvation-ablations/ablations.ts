/**
 * The two-moons ablations of Pezeshki et al. (NeurIPS 2021, Fig. 3; their `Figure_3/moon_fig_3.py`): one
 * change at a time to the Fig. 1 setting (2-layer ReLU net, 500 units, mean logistic loss, full-batch SGD
 * lr 0.01 with momentum 0.9, margin Δ = 0.1). Their script also has dropout 0.7 and BatchNorm; the engine
 * has neither, so those two panels are not run.
 */

/** The optimizer of an ablation (torch's SGD: coupled weight decay before momentum; torch's Adam). */
export type AblationOptimizer =
  | { kind: "sgd"; lr: number; momentum: number; weightDecay: number }
  | { kind: "adam"; lr: number };

/** One panel of the ablation figure. */
export interface Ablation {
  /** File-safe id, e.g. "weight-decay". */
  id: string;
  /** Panel title, e.g. "weight decay 0.01". */
  label: string;
  optimizer: AblationOptimizer;
  /** Epochs as a multiple of the setting's epochs (10 for "10× longer"). */
  epochFactor: number;
  /** Rotation of the data set in degrees (the moons generator's `rotation`, as in their `X @ R`). */
  rotation: number;
  /** Hidden layers of the setting's width (1; 4 for their "deeper network (5 layers)"). */
  hiddenLayers: number;
  /** Their sd_coef: the penalty sd_coef·mean(f²) (0 = none). */
  sdCoef: number;
}

/** The Fig. 1 optimizer: full-batch SGD lr 0.01, momentum 0.9, no weight decay. */
const SGD = { kind: "sgd", lr: 0.01, momentum: 0.9, weightDecay: 0 } as const;

/** The plain setting every ablation changes one thing of. */
const PLAIN: Omit<Ablation, "id" | "label"> = {
  optimizer: SGD,
  epochFactor: 1,
  rotation: 0,
  hiddenLayers: 1,
  sdCoef: 0,
};

/** Their spectral-decoupling coefficient (sd_coef = 0.003). */
export const SD_COEF = 0.003;

/** Their weight decay in Fig. 3 (SGD's weight_decay = 0.01; Fig. 2 uses 2e-4). */
export const FIG3_WEIGHT_DECAY = 0.01;

/** The ablations in their script's order (dropout and BatchNorm left out: the engine has neither). */
export const ABLATIONS: readonly Ablation[] = [
  { ...PLAIN, id: "none", label: "no regularization" },
  {
    ...PLAIN,
    id: "weight-decay",
    label: `weight decay ${FIG3_WEIGHT_DECAY}`,
    optimizer: { ...SGD, weightDecay: FIG3_WEIGHT_DECAY },
  },
  { ...PLAIN, id: "longer", label: "10× longer", epochFactor: 10 },
  { ...PLAIN, id: "adam-small-lr", label: "Adam lr 1e-4", optimizer: { kind: "adam", lr: 1e-4 } },
  { ...PLAIN, id: "adam-large-lr", label: "Adam lr 3e-3", optimizer: { kind: "adam", lr: 3e-3 } },
  { ...PLAIN, id: "rotation", label: "45° rotation", rotation: 45 },
  { ...PLAIN, id: "deeper", label: "5 layers", hiddenLayers: 4 },
  { ...PLAIN, id: "sd", label: `spectral decoupling ${SD_COEF}`, sdCoef: SD_COEF },
];

/** The SD arm and the others (the prediction compares SD with each of them). */
export function splitSd(list: readonly Ablation[] = ABLATIONS): { sd: Ablation; others: Ablation[] } {
  const sd = list.find((a) => a.sdCoef > 0);
  if (!sd) throw new Error("starvation-ablations: the list has no spectral-decoupling arm (sdCoef > 0)");
  return { sd, others: list.filter((a) => a.sdCoef === 0) };
}

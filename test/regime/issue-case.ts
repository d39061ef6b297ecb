/**
 * The regime meter's reference case (the issue's η·‖x‖ = 6 example at lr 6), shared by the meter's tests
 * and the CLI's: two orthogonal points, one unit each, wrong-sign start a = 0.1, y·b = −0.05, which
 * gradient flow recovers. The raw config input (the CLI test writes it to a file as it is).
 */
export function issueCaseInput(lr: number, steps: number) {
  return {
    data: { kind: "orthogonal", norms: [1, 1], labels: "positive" },
    model: { hidden: [2] },
    init: {
      scheme: "explicit",
      weights: [
        {
          W: [
            [0.1, 0],
            [0, 0.1],
          ],
        },
        { W: [[-0.05, 0.05]] },
      ],
    },
    optimizer: { lr },
    train: { steps },
  };
}

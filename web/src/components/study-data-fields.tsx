/** The Data group's fields of the two study generators: Shah et al.'s LMS data and the two-point toy. */
import { getAt } from "../state/config-edit.js";
import { type Bound, CheckField, NumberField, SelectField } from "./fields.js";

/** LMS: sizes, slab count and kind, margins, noise, and the randomised test copies. */
export function LmsFields(p: { b: Bound }) {
  const b = p.b;
  return (
    <>
      <NumberField b={b} path={["data", "n"]} label="points n" />
      <NumberField b={b} path={["data", "nTest"]} label="test points" />
      <NumberField
        b={b}
        path={["data", "slabs"]}
        label="slab coordinates"
        hint="k-slab columns after the linear column 0"
      />
      <SelectField
        b={b}
        path={["data", "k"]}
        label="slabs per coordinate k"
        options={["3", "5"]}
        onChange={(v) => b.set(["data", "k"], Number(v))}
      />
      <NumberField
        b={b}
        path={["data", "linearMargin"]}
        label="linear margin"
        hint="fraction of the width, in (0, 1)"
      />
      <NumberField
        b={b}
        path={["data", "slabMargin"]}
        label="slab margin"
        hint={`below ${getAt(b.raw, ["data", "k"]) === 3 ? "0.5" : "0.25"} for this k`}
      />
      <NumberField b={b} path={["data", "noise"]} label="noise coordinates" />
      <CheckField
        b={b}
        path={["data", "randomizedTests"]}
        label="S- and Sᶜ-randomised test sets"
        hint="the test set with the linear column shuffled (S) or the slab columns shuffled (Sᶜ); their errors show with the test-accuracy probe"
      />
    </>
  );
}

/** Two-point toy: the two feature strengths, the coupling s and V's angle. */
export function ToyFields(p: { b: Bound }) {
  const b = p.b;
  return (
    <>
      <NumberField b={b} path={["data", "strength1"]} label="strength Λ₁" hint="feature 1 (the paper: 2…6)" />
      <NumberField b={b} path={["data", "strength2"]} label="strength Λ₂" hint="feature 2 (the paper: 2)" />
      <NumberField
        b={b}
        path={["data", "coupling"]}
        label="coupling s"
        hint="sine of U's rotation, in (−1, 1): 0 decouples the features"
      />
      <NumberField b={b} path={["data", "vAngle"]} label="V angle (rad)" hint="moves θ, not z" />
    </>
  );
}

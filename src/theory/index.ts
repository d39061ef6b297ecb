/**
 * learndyn theory: every closed form and ODE of THEORY.md §2–7, as plain functions (no engine imports).
 *
 * @module
 */
export * from "./balanced-ei.js";
export * from "./error-curve.js";
export * from "./failure-regions.js";
export * from "./feature-learning-time.js";
export * from "./flip-time.js";
export * from "./mode-dynamics.js";
export * from "./ode.js";
export * from "./quadrature.js";
export * from "./saxe.js";
export * from "./special.js";
export * from "./spectral-decoupling.js";
export * from "./starvation.js";
export * from "./starvation-toy.js";

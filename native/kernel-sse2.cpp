// Baseline x86-64 (SSE2, no FMA): 2 doubles per vector, 4 × 4 tile. Runs on every x86-64 CPU, and is the
// only kernel on other architectures (GCC's generic vectors lower to whatever the target has).
#define KERNEL_NAME kernel_sse2
#define KERNEL_ISA "sse2"
#define VW 2
#define MR 4
#define NR 4
#include "kernel.inc"

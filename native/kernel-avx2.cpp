// AVX2 + FMA: 4 doubles per vector, 6 × 8 tile (12 ymm accumulators).
// Built with -mavx2 -mfma; called only when the CPU reports avx2 and fma.
#define KERNEL_NAME kernel_avx2
#define KERNEL_ISA "avx2"
#define VW 4
#define MR 6
#define NR 8
#include "kernel.inc"

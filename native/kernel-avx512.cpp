// AVX-512F (+DQ, FMA): 8 doubles per vector, 12 × 16 tile (24 zmm accumulators).
// Built with -mavx512f -mavx512dq -mfma; called only when the CPU reports avx512f.
#define KERNEL_NAME kernel_avx512
#define KERNEL_ISA "avx512"
#define VW 8
#define MR 12
#define NR 16
#include "kernel.inc"

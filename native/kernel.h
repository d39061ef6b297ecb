// The interface between the addon (addon.cpp) and the per-ISA kernels (kernel.inc).
#pragma once

// k-block: rows of B packed at a time (KC × NR doubles per panel stay in L1/L2).
#define KC 256

struct GemmTask {
  bool transA;  // false: C = A·Bᵀ (A m × k, B n × k); true: C = Aᵀ·B (A k × m, B k × n)
  const double* A;
  const double* B;
  double* C;
  int m, n, k;
  bool accumulate;  // C += product
};

struct Kernel {
  const char* isa;
  int mr, nr;
  // Rows row0..row1 of C. pack: KC × ceil(n/NR)·NR doubles, 64-byte aligned; temp: (row1-row0) × n
  // doubles, used only with accumulate when k > KC.
  void (*run)(const GemmTask* t, int row0, int row1, double* pack, double* temp);
};

extern const Kernel kernel_avx512;
extern const Kernel kernel_avx2;
extern const Kernel kernel_sse2;

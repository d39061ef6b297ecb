// learndyn native backend: the two matrix products of the engine's Backend interface (gemmABt, gemmAtB)
// as a Node-API addon, with AVX-512, AVX2+FMA and SSE2 kernels chosen at run time by CPU features and a
// small persistent thread pool. Only Node's own C API (node_api.h), no node-addon-api.
//
// Exports: gemmABt(A, B, C, m, n, k, accumulate), gemmAtB(A, B, C, m, n, k, accumulate), isa(),
// isas() (kernels this CPU runs, best first), setIsa(name), setThreads(n), threads().
// State (kernel, pool) is per Node environment (main thread, each worker_thread), so workers never share
// a pool; the pool is shut down by an environment cleanup hook.

#include <node_api.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "kernel.h"

namespace {

#if defined(__x86_64__) || defined(__i386__)
#define LD_X86 1
#endif

// Products below this many flops (2·m·n·k) run on the calling thread alone: waking a helper costs about
// a microsecond when it spins, tens of microseconds when it sleeps (bench/gemm.mjs).
#ifndef LD_SPLIT_FLOPS
#define LD_SPLIT_FLOPS 4e6
#endif
constexpr double SPLIT_FLOPS = LD_SPLIT_FLOPS;
// How long a waiting thread spins before it sleeps on a condition variable. Waking a sleeping thread
// takes 50-150 µs on a VM; with shorter spins (50 µs were tried) both threads can fall into a cycle where
// each one sleeps before the other wakes, and every product then pays two wake-ups (measured: 2.5 µs
// products took 70-150 µs). The caller spins up to 1 ms for the helpers to finish; an idle helper spins
// 300 µs for the next product (training calls products back to back) before it sleeps.
constexpr auto SPIN_CALLER = std::chrono::microseconds(1000);
constexpr auto SPIN_HELPER = std::chrono::microseconds(300);

inline void cpu_relax() {
#ifdef LD_X86
  __builtin_ia32_pause();
#endif
}

bool cpu_has(const char* isa) {
#ifdef LD_X86
  __builtin_cpu_init();
  if (!std::strcmp(isa, "avx512")) return __builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512dq");
  if (!std::strcmp(isa, "avx2")) return __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma");
#endif
  return !std::strcmp(isa, "sse2");
}

const Kernel* kernel_for(const char* isa) {
#ifdef LD_X86
  if (!std::strcmp(isa, "avx512")) return &kernel_avx512;
  if (!std::strcmp(isa, "avx2")) return &kernel_avx2;
#endif
  if (!std::strcmp(isa, "sse2")) return &kernel_sse2;
  return nullptr;
}

const char* const ISAS[] = {"avx512", "avx2", "sse2"};

// Per-thread scratch: packed B and accumulate temporaries, 64-byte aligned, grown on demand.
struct Scratch {
  double* p = nullptr;
  size_t n = 0;
  double* get(size_t need) {
    if (need <= n) return p;
    std::free(p);
    size_t bytes = ((need * sizeof(double)) + 63) / 64 * 64;
    p = static_cast<double*>(std::aligned_alloc(64, bytes));
    n = p ? need : 0;
    return p;
  }
  ~Scratch() { std::free(p); }
};
thread_local Scratch tl_pack, tl_temp;

// Runs rows [row0, row1) of the task; false when scratch memory could not be allocated.
bool run_rows(const Kernel* kern, const GemmTask& t, int row0, int row1) {
  if (row0 >= row1) return true;
  const size_t panels = (static_cast<size_t>(t.n) + kern->nr - 1) / kern->nr;
  double* pack = tl_pack.get(static_cast<size_t>(KC) * panels * kern->nr);
  double* temp = nullptr;
  if (t.accumulate && t.k > KC) temp = tl_temp.get(static_cast<size_t>(row1 - row0) * t.n);
  if (!pack || (t.accumulate && t.k > KC && !temp)) return false;
  kern->run(&t, row0, row1, pack, temp);
  return true;
}

// A persistent pool: the calling (JS) thread plus threads-1 helpers. A product is cut into parts (row
// ranges, 2 per thread) that every participant claims from one atomic word, so a helper that is slow to
// wake (or descheduled on a busy machine) costs at most its own part: the caller takes the rest.
// work = generation (32 bits) | parts (16 bits) | next unclaimed part (16 bits).
struct Pool {
  std::vector<std::thread> helpers;
  std::mutex mu;
  std::condition_variable work_cv, done_cv;
  std::atomic<uint64_t> work{0};
  std::atomic<int> done{0};
  std::atomic<bool> failed{false};
  bool stop = false;  // guarded by mu
  // The current job: written by the caller before it publishes a new generation in `work`, read by a
  // helper only after it claimed a part of that generation, left alone until every part is done.
  const Kernel* kern = nullptr;
  GemmTask task{};
  int rows_per_part = 0;

  static uint32_t gen_of(uint64_t w) { return static_cast<uint32_t>(w >> 32); }
  static int parts_of(uint64_t w) { return static_cast<int>((w >> 16) & 0xffff); }

  int size() const { return static_cast<int>(helpers.size()) + 1; }

  // Claims the next part of generation `gen`; false when none is left (or the generation moved on).
  bool claim(uint32_t gen, int* index) {
    uint64_t w = work.load(std::memory_order_acquire);
    for (;;) {
      const int next = static_cast<int>(w & 0xffff);
      if (gen_of(w) != gen || next >= parts_of(w)) return false;
      if (work.compare_exchange_weak(w, w + 1, std::memory_order_acq_rel, std::memory_order_acquire)) {
        *index = next;
        return true;
      }
    }
  }

  void part(int index) {
    const int r0 = index * rows_per_part;
    const int r1 = r0 + rows_per_part < task.m ? r0 + rows_per_part : task.m;
    if (!run_rows(kern, task, r0, r1)) failed.store(true);
  }

  // Runs the parts of generation `gen` it can claim; the one finishing the last part wakes the caller.
  void work_on(uint32_t gen, int parts) {
    int index;
    while (claim(gen, &index)) {
      part(index);
      if (done.fetch_add(1, std::memory_order_acq_rel) + 1 == parts) {
        std::lock_guard<std::mutex> lk(mu);
        done_cv.notify_one();
      }
    }
  }

  void helper(uint32_t seen) {
    for (;;) {
      // Spin for the next job, then sleep.
      const auto until = std::chrono::steady_clock::now() + SPIN_HELPER;
      int spins = 0;
      while (gen_of(work.load(std::memory_order_acquire)) == seen) {
        cpu_relax();
        if (++spins % 64 == 0 && std::chrono::steady_clock::now() > until) {
          std::unique_lock<std::mutex> lk(mu);
          work_cv.wait(lk, [&] { return stop || gen_of(work.load(std::memory_order_acquire)) != seen; });
          break;
        }
      }
      {
        std::lock_guard<std::mutex> lk(mu);
        if (stop) return;
      }
      const uint64_t w = work.load(std::memory_order_acquire);
      seen = gen_of(w);
      work_on(seen, parts_of(w));
    }
  }

  void start(int threads) {
    for (int i = 1; i < threads; i++) helpers.emplace_back(&Pool::helper, this, gen_of(work.load()));
  }

  void shutdown() {
    {
      std::lock_guard<std::mutex> lk(mu);
      stop = true;
      const uint32_t g = gen_of(work.load()) + 1;
      work.store(static_cast<uint64_t>(g) << 32, std::memory_order_release);
    }
    work_cv.notify_all();
    for (auto& h : helpers) h.join();
    helpers.clear();
    stop = false;
  }

  // Runs the whole product, split by rows over the pool when it is large enough.
  bool run(const Kernel* k, const GemmTask& t) {
    const double flops = 2.0 * t.m * t.n * t.k;
    const int threads = size();
    if (threads == 1 || flops < SPLIT_FLOPS || t.m < 2 * k->mr) return run_rows(k, t, 0, t.m);
    kern = k;
    task = t;
    // Rows per part: a multiple of the tile height, so only the last part has an edge tile.
    const int tiles = (t.m + k->mr - 1) / k->mr;
    const int want = 2 * threads < tiles ? 2 * threads : tiles;
    rows_per_part = (tiles + want - 1) / want * k->mr;
    const int parts = (t.m + rows_per_part - 1) / rows_per_part;
    failed.store(false);
    done.store(0, std::memory_order_relaxed);
    const uint32_t g = gen_of(work.load()) + 1;
    {
      std::lock_guard<std::mutex> lk(mu);
      work.store(static_cast<uint64_t>(g) << 32 | static_cast<uint64_t>(parts) << 16,
                 std::memory_order_release);
    }
    work_cv.notify_all();
    work_on(g, parts);
    const auto until = std::chrono::steady_clock::now() + SPIN_CALLER;
    int spins = 0;
    while (done.load(std::memory_order_acquire) != parts) {
      cpu_relax();
      if (++spins % 64 == 0 && std::chrono::steady_clock::now() > until) {
        std::unique_lock<std::mutex> lk(mu);
        done_cv.wait(lk, [&] { return done.load(std::memory_order_acquire) == parts; });
        break;
      }
    }
    return !failed.load();
  }
};

// Per-environment state.
struct State {
  const Kernel* kern = nullptr;
  Pool pool;
};

const char* best_isa() {
  for (const char* isa : ISAS)
    if (cpu_has(isa)) return isa;
  return "sse2";
}

void cleanup(void* data) {
  State* s = static_cast<State*>(data);
  s->pool.shutdown();
  delete s;
}

State* state_of(napi_env env) {
  void* data = nullptr;
  napi_get_instance_data(env, &data);
  return static_cast<State*>(data);
}

// Throws a JS error of the given kind (type or range) and returns nullptr, for `return fail(...)`.
napi_value fail(napi_env env, bool range, const std::string& msg) {
  if (range) napi_throw_range_error(env, nullptr, msg.c_str());
  else napi_throw_type_error(env, nullptr, msg.c_str());
  return nullptr;
}

bool get_f64array(napi_env env, napi_value v, const char* fn, const char* name, double** data, size_t* len,
                  std::string* err) {
  bool is_ta = false;
  if (napi_is_typedarray(env, v, &is_ta) != napi_ok || !is_ta) {
    *err = std::string(fn) + ": " + name + " must be a Float64Array";
    return false;
  }
  napi_typedarray_type type;
  void* ptr = nullptr;
  napi_value ab;
  size_t offset = 0;
  if (napi_get_typedarray_info(env, v, &type, len, &ptr, &ab, &offset) != napi_ok ||
      type != napi_float64_array) {
    *err = std::string(fn) + ": " + name + " must be a Float64Array";
    return false;
  }
  *data = static_cast<double*>(ptr);
  if (*len > 0 && !ptr) {
    *err = std::string(fn) + ": " + name + " has a detached buffer";
    return false;
  }
  return true;
}

bool get_dim(napi_env env, napi_value v, const char* fn, const char* name, int* out, std::string* err,
             bool* range) {
  napi_valuetype t;
  napi_typeof(env, v, &t);
  if (t != napi_number) {
    *err = std::string(fn) + ": " + name + " must be a number";
    *range = false;
    return false;
  }
  double d = 0;
  napi_get_value_double(env, v, &d);
  if (!(d >= 0 && d <= 2147483647.0) || d != static_cast<double>(static_cast<int64_t>(d))) {
    *err = std::string(fn) + ": " + name + " must be a whole number from 0 to 2^31-1, got " + std::to_string(d);
    *range = true;
    return false;
  }
  *out = static_cast<int>(d);
  return true;
}

napi_value gemm(napi_env env, napi_callback_info info, bool transA) {
  const char* fn = transA ? "gemmAtB" : "gemmABt";
  size_t argc = 7;
  napi_value argv[7];
  napi_get_cb_info(env, info, &argc, argv, nullptr, nullptr);
  if (argc < 6) return fail(env, false, std::string(fn) + "(A, B, C, m, n, k, accumulate?): too few arguments");
  std::string err;
  double *A, *B, *C;
  size_t la, lb, lc;
  if (!get_f64array(env, argv[0], fn, "A", &A, &la, &err) || !get_f64array(env, argv[1], fn, "B", &B, &lb, &err) ||
      !get_f64array(env, argv[2], fn, "C", &C, &lc, &err))
    return fail(env, false, err);
  int m, n, k;
  bool range = false;
  if (!get_dim(env, argv[3], fn, "m", &m, &err, &range) || !get_dim(env, argv[4], fn, "n", &n, &err, &range) ||
      !get_dim(env, argv[5], fn, "k", &k, &err, &range))
    return fail(env, range, err);
  bool accumulate = false;
  if (argc >= 7) {
    napi_valuetype t;
    napi_typeof(env, argv[6], &t);
    if (t == napi_boolean) napi_get_value_bool(env, argv[6], &accumulate);
    else if (t != napi_undefined) return fail(env, false, std::string(fn) + ": accumulate must be a boolean");
  }
  const uint64_t mk = static_cast<uint64_t>(m) * k, nk = static_cast<uint64_t>(n) * k,
                 mn = static_cast<uint64_t>(m) * n;
  if (la < mk || lb < nk || lc < mn)
    return fail(env, true,
                std::string(fn) + ": arrays too short for m=" + std::to_string(m) + ", n=" + std::to_string(n) +
                    ", k=" + std::to_string(k) + " (A " + std::to_string(la) + ", B " + std::to_string(lb) +
                    ", C " + std::to_string(lc) + ")");
  // C must not overlap A or B (the kernel reads A and B while it writes C).
  auto overlaps = [](const double* x, uint64_t nx, const double* y, uint64_t ny) {
    return nx && ny && x < y + ny && y < x + nx;
  };
  if (overlaps(C, mn, A, mk) || overlaps(C, mn, B, nk))
    return fail(env, false, std::string(fn) + ": C overlaps A or B");
  if (m == 0 || n == 0) return nullptr;
  if (k == 0) {
    if (!accumulate) std::memset(C, 0, mn * sizeof(double));
    return nullptr;
  }
  State* s = state_of(env);
  GemmTask t{transA, A, B, C, m, n, k, accumulate};
  if (!s->pool.run(s->kern, t)) {
    napi_throw_error(env, nullptr, (std::string(fn) + ": out of memory for packing buffers").c_str());
  }
  return nullptr;
}

napi_value gemm_abt(napi_env env, napi_callback_info info) { return gemm(env, info, false); }
napi_value gemm_atb(napi_env env, napi_callback_info info) { return gemm(env, info, true); }

napi_value str(napi_env env, const char* s) {
  napi_value v;
  napi_create_string_utf8(env, s, NAPI_AUTO_LENGTH, &v);
  return v;
}

napi_value isa(napi_env env, napi_callback_info) { return str(env, state_of(env)->kern->isa); }

napi_value isas(napi_env env, napi_callback_info) {
  napi_value arr;
  napi_create_array(env, &arr);
  uint32_t i = 0;
  for (const char* name : ISAS)
    if (cpu_has(name) && kernel_for(name)) napi_set_element(env, arr, i++, str(env, name));
  return arr;
}

// Chooses a kernel by name; throws when the CPU cannot run it. Returns nullptr on success.
napi_value select_isa(napi_env env, State* s, const std::string& name, const char* where) {
  const Kernel* k = kernel_for(name.c_str());
  if (!k) return fail(env, true, std::string(where) + ": unknown instruction set \"" + name + "\" (use avx512, avx2 or sse2)");
  if (!cpu_has(name.c_str()))
    return fail(env, true, std::string(where) + ": this CPU does not support " + name + " (it runs " + best_isa() + ")");
  s->kern = k;
  return nullptr;
}

napi_value set_isa(napi_env env, napi_callback_info info) {
  size_t argc = 1;
  napi_value argv[1];
  napi_get_cb_info(env, info, &argc, argv, nullptr, nullptr);
  napi_valuetype t = napi_undefined;
  if (argc >= 1) napi_typeof(env, argv[0], &t);
  if (t != napi_string) return fail(env, false, "setIsa(name): name must be a string (avx512, avx2 or sse2)");
  char buf[32];
  size_t len = 0;
  napi_get_value_string_utf8(env, argv[0], buf, sizeof buf, &len);
  select_isa(env, state_of(env), std::string(buf, len), "setIsa");
  return nullptr;
}

napi_value set_threads(napi_env env, napi_callback_info info) {
  size_t argc = 1;
  napi_value argv[1];
  napi_get_cb_info(env, info, &argc, argv, nullptr, nullptr);
  int n = 0;
  std::string err;
  bool range = false;
  if (argc < 1) return fail(env, false, "setThreads(n): n must be a number");
  if (!get_dim(env, argv[0], "setThreads", "n", &n, &err, &range)) return fail(env, range, err);
  if (n < 1 || n > 256) return fail(env, true, "setThreads: n must be from 1 to 256, got " + std::to_string(n));
  State* s = state_of(env);
  if (n != s->pool.size()) {
    s->pool.shutdown();
    s->pool.start(n);
  }
  return nullptr;
}

napi_value threads(napi_env env, napi_callback_info) {
  napi_value v;
  napi_create_int32(env, state_of(env)->pool.size(), &v);
  return v;
}

}  // namespace

NAPI_MODULE_INIT() {
  State* s = new State();
  s->kern = kernel_for(best_isa());
  napi_set_instance_data(env, s, nullptr, nullptr);
  napi_add_env_cleanup_hook(env, cleanup, s);
  const char* forced = std::getenv("LEARNDYN_NATIVE_ISA");
  if (forced && *forced) {
    // An unknown or unsupported name throws, and loading the module fails with that message.
    select_isa(env, s, forced, "LEARNDYN_NATIVE_ISA");
    bool pending = false;
    napi_is_exception_pending(env, &pending);
    if (pending) return nullptr;
  }
  napi_property_descriptor props[] = {
      {"gemmABt", nullptr, gemm_abt, nullptr, nullptr, nullptr, napi_enumerable, nullptr},
      {"gemmAtB", nullptr, gemm_atb, nullptr, nullptr, nullptr, napi_enumerable, nullptr},
      {"isa", nullptr, isa, nullptr, nullptr, nullptr, napi_enumerable, nullptr},
      {"isas", nullptr, isas, nullptr, nullptr, nullptr, napi_enumerable, nullptr},
      {"setIsa", nullptr, set_isa, nullptr, nullptr, nullptr, napi_enumerable, nullptr},
      {"setThreads", nullptr, set_threads, nullptr, nullptr, nullptr, napi_enumerable, nullptr},
      {"threads", nullptr, threads, nullptr, nullptr, nullptr, napi_enumerable, nullptr},
  };
  napi_define_properties(env, exports, sizeof props / sizeof props[0], props);
  return exports;
}

"""Golden values of the exact CE flip time (src/theory/flip-time.ts, flipTimeExact), from mpmath at 40 digits.

t* = (tau* + integral_0^tau* exp(min(0, m(tau))) dtau) / (r w),  tau* = atanh(|b0|/a0),
m(tau) = (r/4) ((a0 + y b0)^2 e^{2 tau} - (a0 - y b0)^2 e^{-2 tau}).
Run: python3 test/golden/make_flip_time_fixtures.py  (prints the rows pasted into test/theory/flip-time.test.ts).
"""
import mpmath as mp

mp.mp.dps = 40


def exact(a0, b0, r, y=1, w=1):
    a0, b0, r = mp.mpf(a0), mp.mpf(b0), mp.mpf(r)
    tau_star = mp.atanh(abs(b0) / a0)
    u, v = a0 + y * b0, a0 - y * b0
    gain = lambda t: mp.e ** min(0, (r / 4) * (u * u * mp.e ** (2 * t) - v * v * mp.e ** (-2 * t)))
    return (tau_star + mp.quad(gain, [0, tau_star])) / (r * w)


for a0, b0, r, y in [(1.0, -0.5, 1.0, 1), (2.0, -1.5, 0.5, 1), (0.3, -0.29, 3.0, 1), (3.0, 2.0, 2.0, -1)]:
    print(f"    [{a0}, {b0}, {r}, {y}, {repr(float(exact(a0, b0, r, y)))}],")

// Small-scale (multipath) fading of one packet: a random power gain in dB whose LINEAR
// power has mean 1, so fading spreads packets around the mean received power without
// shifting the mean power itself. Its mean in dB is negative (Jensen): -2.51 dB for
// Rayleigh, -1.20 dB for Rician K = 3, which calibration must account for (rssi_fit.hpp).
//
//   Rayleigh:  power ~ Exponential(1)
//   Rician K:  power = |sqrt(K/(K+1)) + sqrt(1/(K+1)) * CN(0,1)|^2
//              (K = line-of-sight power / scattered power; K = 0 is Rayleigh)
//   None:      0 dB
#pragma once

#include "sim/core/random_streams.hpp"
#include "sim/radio/radio_def.hpp"

namespace irdrill::radio {

// Powers below this (-300 dB) are clamped so a zero draw never yields -infinity dB.
inline constexpr double kMinFadingPower = 1e-30;

// One packet's fading gain, dB. Draws: Rayleigh one exponential; Rician two normals (in
// phase, then quadrature); None nothing. Throws std::invalid_argument for K < 0 or NaN.
double drawFadingDb(FadingKind kind, double ricianK, core::RandomEngine& engine);

// Mean and standard deviation of the fading gain in dB (not of the linear power).
struct FadingDbMoments {
  double meanDb = 0;
  double sdDb = 0;
};

// Exact to about 1e-6 dB: numerical integration of the Rician power density
//   f(p) = (K+1) exp(-K - (K+1) p) I0(2 sqrt(K (K+1) p)),  p >= 0
// (Rayleigh: K = 0) over log p. Rayleigh closed form: mean = -10 gamma / ln 10 =
// -2.507 dB, sd = 10 pi / (sqrt(6) ln 10) = 5.570 dB. Cost: ~10^4 density evaluations,
// meant for set-up and calibration, not per packet.
FadingDbMoments fadingDbMoments(FadingKind kind, double ricianK);

}  // namespace irdrill::radio

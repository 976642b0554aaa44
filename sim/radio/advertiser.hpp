// BLE legacy advertising timing of a tag: when its advertising events happen and when
// each of the event's three channel packets starts (Core Spec v5.x, Vol 6, Part B,
// 4.4.2.2.1). The radio link (path loss, fading) is applied elsewhere, per packet.
//
// Sections: constants and air time; AdvertisingTiming; Advertiser; def checks.
// The model and its numbers are explained in docs/radio-timing.md.
#pragma once

#include <array>
#include <cstdint>

#include "sim/core/diagnostics.hpp"
#include "sim/core/random_streams.hpp"
#include "sim/core/time.hpp"
#include "sim/radio/radio_def.hpp"

namespace irdrill::radio {

// ---- Constants and air time -------------------------------------------------------

// An event sends the same PDU on the three primary advertising channels, in this order.
// Channel indices 0, 1, 2 stand for channels 37, 38, 39 everywhere in irdrill.
inline constexpr int kAdvertisingChannelCount = 3;
inline constexpr std::array<int, kAdvertisingChannelCount> kAdvertisingChannelNumbers{37, 38, 39};

// advDelay is drawn per event, uniform over the integer microseconds 0..10,000 (the
// spec's 0-10 ms at our time resolution), so its mean is exactly 5,000 us.
inline constexpr core::TimeUs kMaxAdvDelayUs = 10'000;
inline constexpr core::TimeUs kMeanAdvDelayUs = kMaxAdvDelayUs / 2;

// Legacy advertising interval range (HCI LE Set Advertising Parameters: 20 ms to
// 10.24 s).
inline constexpr double kMinAdvertisingIntervalMs = 20.0;
inline constexpr double kMaxAdvertisingIntervalMs = 10'240.0;

// On-air time of a legacy advertising PDU on the LE 1M PHY (1 bit per microsecond):
// preamble 1 + access address 4 + PDU header 2 + AdvA 6 + AdvData + CRC 3 bytes,
// 8 us per byte. advDataBytes is 0..31; 31 gives 47 bytes = 376 us.
constexpr core::TimeUs legacyAdvertisingAirtimeUs(int advDataBytes) {
  return (1 + 4 + 2 + 6 + advDataBytes + 3) * 8;
}
inline constexpr int kMaxLegacyAdvDataBytes = 31;

// ---- AdvertisingTiming -------------------------------------------------------------

// Timing of the packets inside one advertising event.
// Invariant: 0 < packetAirtimeUs <= channelSpacingUs (packets never overlap).
struct AdvertisingTiming {
  core::TimeUs channelSpacingUs;  // start of the packet on one channel to the next one's
  core::TimeUs packetAirtimeUs;   // on-air duration of each packet
};

// Default gap between the end of one channel's packet and the start of the next:
// radio ramp-up and hop for a non-connectable event (no receive slot). Implementation-
// specific; 200 us is an assumption inside the 150-500 us seen in practice.
inline constexpr core::TimeUs kDefaultInterPacketGapUs = 200;

// Timing of an ADV_NONCONN_IND carrying advDataBytes of advertising data.
constexpr AdvertisingTiming legacyAdvertisingTiming(int advDataBytes,
                                                    core::TimeUs interPacketGapUs) {
  const core::TimeUs airtimeUs = legacyAdvertisingAirtimeUs(advDataBytes);
  return {airtimeUs + interPacketGapUs, airtimeUs};
}

// The default: a full 31-byte payload (376 us) and a 200 us gap, so packets start
// 576 us apart and an event lasts 2 * 576 + 376 = 1,528 us.
constexpr AdvertisingTiming defaultAdvertisingTiming() {
  return legacyAdvertisingTiming(kMaxLegacyAdvDataBytes, kDefaultInterPacketGapUs);
}

// ---- Advertiser ----------------------------------------------------------------------

// The advertising events of one tag. Holds the current event; advance() moves to the
// next one, spaced advInterval + advDelay. It holds no engine: the caller passes the
// tag's own stream (e.g. RandomStreams::stream("radio.advertising", tagId)), so the
// draws of one tag never shift another's.
//
// Whether the tag still has battery is not its concern: see Battery::aliveAt.
class Advertiser {
 public:
  // firstEventUs (>= 0): time of the first event; the caller draws it (e.g. uniform over
  // one interval) so tags are not synchronised. Throws std::invalid_argument on an
  // interval <= 0 or a timing breaking its invariant (the loader checks user input
  // first, see validateAdvertising).
  Advertiser(const TagDef& tag, AdvertisingTiming timing, core::TimeUs firstEventUs);

  // Start of the current event, i.e. of its packet on channel 37.
  core::TimeUs currentEventUs() const { return currentEventUs_; }
  // Moves to the next event, advInterval + advDelay later (advDelay uniform 0..10 ms in
  // whole microseconds, one draw); returns its time.
  core::TimeUs advance(core::RandomEngine& engine);

  // Start and end of the current event's packet on channelIndex (0, 1, 2 for 37, 38, 39).
  core::TimeUs packetStartUs(int channelIndex) const {
    return currentEventUs_ + channelIndex * timing_.channelSpacingUs;
  }
  core::TimeUs packetEndUs(int channelIndex) const {
    return packetStartUs(channelIndex) + timing_.packetAirtimeUs;
  }
  // End of the last packet of the current event.
  core::TimeUs eventEndUs() const { return packetEndUs(kAdvertisingChannelCount - 1); }

  core::TimeUs intervalUs() const { return intervalUs_; }
  const AdvertisingTiming& timing() const { return timing_; }
  // Events advanced past since construction (0 while on the first event).
  std::uint64_t advanceCount() const { return advanceCount_; }

 private:
  core::TimeUs intervalUs_;
  AdvertisingTiming timing_;
  core::TimeUs currentEventUs_;
  std::uint64_t advanceCount_ = 0;
};

// ---- Def checks ----------------------------------------------------------------------

// User-input checks of the advertising fields of a tag (interval in the legacy range,
// transmit power plausible), reported at tag.where. Battery fields: validateBattery.
void validateAdvertising(const TagDef& tag, core::Diagnostics& diagnostics);

}  // namespace irdrill::radio

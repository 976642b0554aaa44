# `irdrill radio fit` and `irdrill radio sample`: figures on the PACT test slices, the
# YAML snippet, located errors on bad input (exit 2), and model draws against formulas.
set(IRDRILL_RADIO_DATA ${CMAKE_CURRENT_SOURCE_DIR}/../data)

# radio fit: the hand-to-hand slice (A, n, sigma as in tests/radio/rssi_fit_test.cpp).
add_test(NAME "cli: radio fit on the PACT hand-to-hand slice prints A = -54.06 dBm"
  COMMAND ${EXPECT} 0 "A \\(at 1 m\\) = -54\\.06 dBm"
  -- $<TARGET_FILE:irdrill> radio fit ${IRDRILL_RADIO_DATA}/pact-hand-to-hand.csv)
add_test(NAME "cli: radio fit prints reference_loss_db as tx power - A without fading"
  COMMAND ${EXPECT} 0 "^    reference_loss_db: 54\\.06$"
  -- $<TARGET_FILE:irdrill> radio fit ${IRDRILL_RADIO_DATA}/pact-hand-to-hand.csv --fading none)
add_test(NAME "cli: radio fit takes the Rician dB mean out of reference_loss_db"
  COMMAND ${EXPECT} 0 "^    reference_loss_db: 52\\.86$"
  -- $<TARGET_FILE:irdrill> radio fit ${IRDRILL_RADIO_DATA}/pact-hand-to-hand.csv)
add_test(NAME "cli: radio fit prints the path_loss_exponent key"
  COMMAND ${EXPECT} 0 "^    path_loss_exponent: 1\\.491$"
  -- $<TARGET_FILE:irdrill> radio fit ${IRDRILL_RADIO_DATA}/pact-hand-to-hand.csv)
add_test(NAME "cli: radio fit prints shadowing_sigma_db as the residual without fading"
  COMMAND ${EXPECT} 0 "^    shadowing_sigma_db: 5\\.91$"
  -- $<TARGET_FILE:irdrill> radio fit ${IRDRILL_RADIO_DATA}/pact-hand-to-hand.csv --fading none)
add_test(NAME "cli: radio fit adds the transmit power to reference_loss_db"
  COMMAND ${EXPECT} 0 "^    reference_loss_db: 58\\.06$"
  -- $<TARGET_FILE:irdrill> radio fit ${IRDRILL_RADIO_DATA}/pact-hand-to-hand.csv --fading none
     --tx-power-dbm 4)

# radio fit with carry positions and the environment as a group, on the PACT carry sample.
add_test(NAME "cli: radio fit by carry columns prints body_loss_db for every position"
  COMMAND ${EXPECT} 0
  "^    body_loss_db: \\{hand: 0\\.00, front_pocket: 3\\.60, back_pocket: 11\\.18, shirt_pocket: 4\\.52, bag: 1\\.39, surface: 0\\.00\\}$"
  -- $<TARGET_FILE:irdrill> radio fit ${IRDRILL_RADIO_DATA}/pact-carry-sample.csv
     --carry-columns tx_carry,rx_carry --group-by environment
     --reference-group "large room center congested")
add_test(NAME "cli: radio fit by carry columns prints the environment offsets"
  COMMAND ${EXPECT} 0 "'hallway center congested' +-10\\.33 +\\(1017 samples\\)"
  -- $<TARGET_FILE:irdrill> radio fit ${IRDRILL_RADIO_DATA}/pact-carry-sample.csv
     --carry-columns tx_carry,rx_carry --group-by environment
     --reference-group "large room center congested")
add_test(NAME "cli: radio fit with a repeated filter on one column keeps rows matching either"
  COMMAND ${EXPECT} 0 "1059 samples"
  -- $<TARGET_FILE:irdrill> radio fit --filter tx_carry=HandUP --filter tx_carry=HandDOWN
     ${IRDRILL_RADIO_DATA}/pact-carry-sample.csv)
add_test(NAME "cli: radio fit groups by a column with suffixes stripped"
  COMMAND ${EXPECT} 0 "'ShirtPocket' +[-+][0-9.]+ +\\(163 samples\\)"
  -- $<TARGET_FILE:irdrill> radio fit ${IRDRILL_RADIO_DATA}/pact-carry-sample.csv
     --group-by tx_carry --strip-suffix UP,DOWN --reference-group Hand
     --filter rx_carry=HandUP --filter rx_carry=HandDOWN)

# radio fit on bad input: exit 2 with a located message (tests/data/README.md lists them).
add_test(NAME "cli: radio fit reports a bad number at file:line:col (exit 2)"
  COMMAND ${EXPECT} 2
  "pact-bad-values\\.csv:4:57: error: column 'rssi_dbm': expected a number, got '-5O'"
  -- $<TARGET_FILE:irdrill> radio fit ${IRDRILL_RADIO_DATA}/pact-bad-values.csv)
add_test(NAME "cli: radio fit reports a zero distance at file:line:col (exit 2)"
  COMMAND ${EXPECT} 2
  "pact-bad-values\\.csv:5:47: error: column 'distance_m': distance must be > 0 m, got '0'"
  -- $<TARGET_FILE:irdrill> radio fit ${IRDRILL_RADIO_DATA}/pact-bad-values.csv)
add_test(NAME "cli: radio fit reports an unknown carry label with the accepted ones (exit 2)"
  COMMAND ${EXPECT} 2
  "pact-bad-values\\.csv:5:10: error: column 'rx_carry': unknown carry position 'PocketUP' \\(expected one of: hand, front_pocket"
  -- $<TARGET_FILE:irdrill> radio fit ${IRDRILL_RADIO_DATA}/pact-bad-values.csv
     --carry-columns tx_carry,rx_carry)
add_test(NAME "cli: radio fit lists the valid columns for an unknown one (exit 2)"
  COMMAND ${EXPECT} 2
  "pact-hand-to-hand\\.csv:1:1: error: no column 'rssi' for --rssi-column \\(columns: tx_carry, rx_carry, environment, distance_m, t_s, rssi_dbm\\)"
  -- $<TARGET_FILE:irdrill> radio fit ${IRDRILL_RADIO_DATA}/pact-hand-to-hand.csv
     --rssi-column rssi)
add_test(NAME "cli: radio fit on a missing file is a usage error (exit 2)"
  COMMAND ${EXPECT} 2 "no-such-file\\.csv: error: cannot open the file: No such file or directory"
  -- $<TARGET_FILE:irdrill> radio fit ${IRDRILL_RADIO_DATA}/no-such-file.csv)
add_test(NAME "cli: radio fit at a single distance says two distances are needed (exit 2)"
  COMMAND ${EXPECT} 2 "at least two different distances"
  -- $<TARGET_FILE:irdrill> radio fit ${IRDRILL_RADIO_DATA}/pact-hand-to-hand.csv
     --filter distance_m=3.048)
add_test(NAME "cli: radio fit with a reference group absent from the data lists the groups (exit 2)"
  COMMAND ${EXPECT} 2 "reference group 'lobby' is not in the data \\(groups: 'large room center congested'\\)"
  -- $<TARGET_FILE:irdrill> radio fit ${IRDRILL_RADIO_DATA}/pact-hand-to-hand.csv
     --group-by environment --reference-group lobby)
add_test(NAME "cli: radio fit with a malformed filter is a usage error (exit 2)"
  COMMAND ${EXPECT} 2 "--filter expects COLUMN=VALUE"
  -- $<TARGET_FILE:irdrill> radio fit ${IRDRILL_RADIO_DATA}/pact-hand-to-hand.csv
     --filter distance_m)

# radio sample against the formula: with no shadowing and no fading every draw is the mean,
# 0 dBm - (40 + 20 log10 5 = 53.98) - drywall 3 - glass 3 = -59.98 dBm.
add_test(NAME "cli: radio sample without randomness draws exactly the mean RSSI"
  COMMAND ${EXPECT} 0
  "drawn: +mean -59\\.98 dBm, sd 0\\.00 dB, p5 -59\\.98, p50 -59\\.98, p95 -59\\.98 dBm"
  -- $<TARGET_FILE:irdrill> radio sample --distance-m 5 --walls drywall,glass
     --reference-loss-db 40 --path-loss-exponent 2 --shadowing-sigma-db 0 --fading none
     --count 100)
add_test(NAME "cli: radio sample counts packets below the sensitivity as lost"
  COMMAND ${EXPECT} 0 "received: 0\\.00 % at or above the sensitivity -59\\.9 dBm"
  -- $<TARGET_FILE:irdrill> radio sample --distance-m 5 --walls drywall,glass
     --reference-loss-db 40 --path-loss-exponent 2 --shadowing-sigma-db 0 --fading none
     --sensitivity-dbm -59.9)
# With shadowing 5 dB and Rayleigh fading at 10 m: mean -60 - 2.507 = -62.51 dBm, sd
# sqrt(25 + 5.570^2) = 7.49 dB; 400,000 draws give a standard error of 0.012 dB, so the
# drawn mean must lie within 4 of them: -62.55 to -62.46; the sd's standard error is
# about 0.012 dB too: 7.44 to 7.54.
add_test(NAME "cli: radio sample mean matches meanRssiDbm plus the fading dB mean"
  COMMAND ${EXPECT} 0 "drawn: +mean -62\\.(4[6-9]|5[0-5]) dBm, sd 7\\.(4[4-9]|5[0-4]) dB"
  -- $<TARGET_FILE:irdrill> radio sample --distance-m 10 --reference-loss-db 40
     --path-loss-exponent 2 --shadowing-sigma-db 5 --fading rayleigh --count 400000)
add_test(NAME "cli: radio sample --raw prints one value per line"
  COMMAND ${EXPECT} 0 "^-[0-9]+\\.[0-9]{3}$"
  -- $<TARGET_FILE:irdrill> radio sample --distance-m 2 --raw --count 5)
add_test(NAME "cli: radio sample lists the wall materials for an unknown one (exit 2)"
  COMMAND ${EXPECT} 2 "unknown wall material 'drywal' \\(expected one of: drywall, glass, wood"
  -- $<TARGET_FILE:irdrill> radio sample --distance-m 5 --walls drywal)
add_test(NAME "cli: radio sample lists the carry positions for an unknown one (exit 2)"
  COMMAND ${EXPECT} 2 "--rx-carry: unknown carry position 'pocket'"
  -- $<TARGET_FILE:irdrill> radio sample --distance-m 5 --rx-carry pocket)

# Scale-out (included by tests/cli/CMakeLists.txt): the scripts `irdrill mc --shards N
# --emit-slurm FILE / --emit-parallel FILE` write, their goldens and documented copies, and
# the scripts run on the real engines: a single-node Slurm cluster started by the test
# (tools/local-slurm.sh) and GNU parallel. Those two exit 77 (skipped, with the reason)
# where the engine cannot run; tools/install-deps.sh installs both.
set(SCALE_OUT_TESTS ${CMAKE_CURRENT_SOURCE_DIR})
set(SCALE_OUT_SCENARIO ${PROJECT_SOURCE_DIR}/tests/data/scenarios/good/mc-small.yaml)

add_test(NAME "cli: scale-out: the emitted Slurm and GNU parallel scripts are the goldens"
  COMMAND bash ${SCALE_OUT_TESTS}/scale_out_emit.sh $<TARGET_FILE:irdrill> ${PROJECT_SOURCE_DIR})
add_test(NAME "cli: scale-out: README and docs/montecarlo.md show what irdrill writes"
  COMMAND bash ${SCALE_OUT_TESTS}/scale_out_docs.sh $<TARGET_FILE:irdrill> ${PROJECT_SOURCE_DIR})

# A run takes about 15 s; the test's own waits are bounded (about 3 minutes in all), so it
# stops its daemons itself before ctest's timeout.
add_test(NAME "cli: scale-out: a real single-node Slurm runs the job array and the dependent merge"
  COMMAND bash ${SCALE_OUT_TESTS}/scale_out_slurm.sh $<TARGET_FILE:irdrill> ${PROJECT_SOURCE_DIR})
set_tests_properties("cli: scale-out: a real single-node Slurm runs the job array and the dependent merge"
  PROPERTIES SKIP_RETURN_CODE 77 TIMEOUT 240 RESOURCE_LOCK slurm_cluster LABELS scale-out)
add_test(NAME "cli: scale-out: GNU parallel runs the shards and the merge"
  COMMAND bash ${SCALE_OUT_TESTS}/scale_out_parallel.sh $<TARGET_FILE:irdrill> ${PROJECT_SOURCE_DIR})
set_tests_properties("cli: scale-out: GNU parallel runs the shards and the merge"
  PROPERTIES SKIP_RETURN_CODE 77 TIMEOUT 120 LABELS scale-out)

# Option errors: exit 2 (3 for an unwritable script) with the reason.
set(SCALE_OUT_BAD ${CMAKE_CURRENT_BINARY_DIR}/scale-out-bad)
add_test(NAME "cli: scale-out: --emit-slurm without --shards is a usage error (exit 2)"
  COMMAND ${EXPECT} 2 "--emit-slurm and --emit-parallel need --shards COUNT"
  -- $<TARGET_FILE:irdrill> mc --scenario ${SCALE_OUT_SCENARIO} --runs 8 --out ${SCALE_OUT_BAD}
     --emit-slurm ${SCALE_OUT_BAD}.sh)
add_test(NAME "cli: scale-out: --shards without a script to write is a usage error (exit 2)"
  COMMAND ${EXPECT} 2 "--shards 4 needs --emit-slurm FILE or --emit-parallel FILE"
  -- $<TARGET_FILE:irdrill> mc --scenario ${SCALE_OUT_SCENARIO} --runs 8 --out ${SCALE_OUT_BAD} --shards 4)
add_test(NAME "cli: scale-out: --shard with --emit-parallel is a usage error (exit 2)"
  COMMAND ${EXPECT} 2 "--shard runs one shard here"
  -- $<TARGET_FILE:irdrill> mc --scenario ${SCALE_OUT_SCENARIO} --runs 8 --out ${SCALE_OUT_BAD}
     --shard 0/2 --shards 2 --emit-parallel ${SCALE_OUT_BAD}.sh)
add_test(NAME "cli: scale-out: both scripts into one file is a usage error (exit 2)"
  COMMAND ${EXPECT} 2 "--emit-slurm and --emit-parallel name the same file"
  -- $<TARGET_FILE:irdrill> mc --scenario ${SCALE_OUT_SCENARIO} --runs 8 --out ${SCALE_OUT_BAD}
     --shards 2 --emit-slurm ${SCALE_OUT_BAD}.sh --emit-parallel ${SCALE_OUT_BAD}.sh)
add_test(NAME "cli: scale-out: more shards than runs is a usage error (exit 2)"
  COMMAND ${EXPECT} 2 "--shards 9: more shards than --runs 8"
  -- $<TARGET_FILE:irdrill> mc --scenario ${SCALE_OUT_SCENARIO} --runs 8 --out ${SCALE_OUT_BAD}
     --shards 9 --emit-slurm ${SCALE_OUT_BAD}.sh)
add_test(NAME "cli: scale-out: an invalid scenario is reported before a script is written (exit 2)"
  COMMAND ${EXPECT} 2 "unknown-key\\.yaml:8:30: error: unknown key 'tx_powr_dbm'"
  -- $<TARGET_FILE:irdrill> mc --scenario ${PROJECT_SOURCE_DIR}/tests/data/scenarios/bad/unknown-key.yaml
     --runs 8 --out ${SCALE_OUT_BAD} --shards 2 --emit-slurm ${SCALE_OUT_BAD}.sh)
add_test(NAME "cli: scale-out: a script path that cannot be written is an I/O error (exit 3)"
  COMMAND ${EXPECT} 3 "cannot write '/dev/null/mc-slurm\\.sh'"
  -- $<TARGET_FILE:irdrill> mc --scenario ${SCALE_OUT_SCENARIO} --runs 8 --out ${SCALE_OUT_BAD}
     --shards 2 --emit-slurm /dev/null/mc-slurm.sh)

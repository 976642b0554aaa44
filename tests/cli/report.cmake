# The HTML report (sim/montecarlo/report_html.hpp) as a browser shows it: a sample report
# written from synthetic data is printed to PDF by headless Chromium and its text read back
# with pdftotext (tests/montecarlo/report_render_test.sh). Skipped (exit 77) when chromium
# or pdftotext is not installed; tools/install-deps.sh installs both.
#
# The sample writer has its own main(), so it lives in tests/montecarlo/sample/: every .cpp
# directly in tests/montecarlo/ goes into the montecarlo_tests suite.
add_executable(make_sample_report
  ${PROJECT_SOURCE_DIR}/tests/montecarlo/sample/make_sample_report.cpp)
target_link_libraries(make_sample_report PRIVATE irdrill_sim)

set(IRDRILL_REPORT_RENDER_TEST
  "report: headless Chromium renders the sample report with its titles, charts and figures")
add_test(NAME ${IRDRILL_REPORT_RENDER_TEST}
  COMMAND bash ${PROJECT_SOURCE_DIR}/tests/montecarlo/report_render_test.sh
          $<TARGET_FILE:make_sample_report> ${CMAKE_CURRENT_BINARY_DIR}/report-render)
set_tests_properties(${IRDRILL_REPORT_RENDER_TEST} PROPERTIES
  SKIP_RETURN_CODE 77
  TIMEOUT 300
  LABELS report)

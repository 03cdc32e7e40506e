# fuzz.tests.cmake: ctest `fuzz/run`, a short libFuzzer session over the
# readers, the triple parser, the extractor and user rule files
# (tests/fuzz/run.sh: fixed seed, committed regression inputs in
# tests/data/fuzz/).  It builds its own clang configuration in
# <build>/fuzz and is skipped (77) without clang.
add_test(NAME fuzz/run
         COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/fuzz/run.sh
                 ${CMAKE_SOURCE_DIR} ${CMAKE_BINARY_DIR}/fuzz)
set_tests_properties(fuzz/run PROPERTIES SKIP_RETURN_CODE 77 TIMEOUT 900
                     LABELS fuzz)

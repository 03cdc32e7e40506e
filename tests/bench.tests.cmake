# tests/bench.tests.cmake: the extractor's developer tool (tests/bench/kgx.c:
# case scoring, explained extraction, throughput).  Built, not run by ctest.
add_executable(kgx ${CMAKE_CURRENT_SOURCE_DIR}/bench/kgx.c)
target_link_libraries(kgx PRIVATE kgcore)
kg_warnings(kgx)
target_include_directories(kgx PRIVATE ${CMAKE_SOURCE_DIR}/src)

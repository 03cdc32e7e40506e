# view-bench.tests.cmake: the view benchmark tool kg-view-time (not a
# test; run by tests/bench/view-bench.sh on a generated store).
add_executable(kg-view-time ${CMAKE_CURRENT_SOURCE_DIR}/bench/view-time.c)
target_link_libraries(kg-view-time PRIVATE kgcore)
kg_warnings(kg-view-time)

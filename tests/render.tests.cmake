# render.tests.cmake: the renderer's tests besides tests/unit/test_render.c:
# golden DOT files (tests/golden/*.dot, compared by tests/render/golden.cmake),
# the HTML page in headless Chromium (tests/render/html-selftest.sh) and the
# benchmark program (tests/bench/render-bench.sh, not a ctest).

add_executable(render_fixture ${CMAKE_CURRENT_SOURCE_DIR}/render/render_fixture.c)
target_link_libraries(render_fixture PRIVATE kgcore)
kg_warnings(render_fixture)

add_executable(render_bench ${CMAKE_CURRENT_SOURCE_DIR}/bench/render_bench.c)
target_include_directories(render_bench PRIVATE ${CMAKE_CURRENT_SOURCE_DIR}/render)
target_link_libraries(render_bench PRIVATE kgcore)
kg_warnings(render_bench)

# Golden DOT: name, fixture, extra options.
foreach(spec "snapshot|snapshot" "diff|diff" "escape|escape"
             "focus|snapshot|focus=Anthropic|hops=1"
             "max-nodes|snapshot|max=6")
    string(REPLACE "|" ";" g "${spec}")
    list(GET g 0 name)
    list(GET g 1 fixture)
    list(REMOVE_AT g 0 1)
    set(extra "${g}")
    string(REPLACE ";" "," extra "${extra}")
    add_test(NAME render/golden-${name}
             COMMAND ${CMAKE_COMMAND}
                     -DPROG=$<TARGET_FILE:render_fixture>
                     -DFIXTURE=${fixture} "-DEXTRA=${extra}"
                     -DGOLDEN=${CMAKE_CURRENT_SOURCE_DIR}/golden/${name}.dot
                     -DACTUAL=${CMAKE_CURRENT_BINARY_DIR}/golden/${name}.dot
                     -P ${CMAKE_CURRENT_SOURCE_DIR}/render/golden.cmake)
endforeach()

# The escaped DOT must parse back with Graphviz's own reader.
find_program(KG_DOT_PROGRAM dot)
if(KG_DOT_PROGRAM)
    add_test(NAME render/escape-reparse
             COMMAND ${KG_DOT_PROGRAM} -Tsvg -o /dev/null
                     ${CMAKE_CURRENT_SOURCE_DIR}/golden/escape.dot)
endif()

add_test(NAME render/html-chromium
         COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/render/html-selftest.sh
                 $<TARGET_FILE:render_fixture> ${CMAKE_CURRENT_BINARY_DIR}/html)
set_tests_properties(render/html-chromium PROPERTIES SKIP_RETURN_CODE 77
                     TIMEOUT 120)

# graphs/: the committed diagrams (graphs/make.sh, the main job); rebuilding
# them from samples/ gives the same DOT.
add_test(NAME render/graphs-rebuild
         COMMAND bash ${CMAKE_SOURCE_DIR}/graphs/make.sh
                 $<TARGET_FILE:corpgraph> ${CMAKE_CURRENT_BINARY_DIR}/graphs --check)

# Under ASan, unwind slowly so that leaks inside Graphviz's libgvc (no frame
# pointers) show the Graphviz function that tests/lsan.supp names; the fast
# unwinder stops at gmalloc and a suppression would have to name all of
# libgvc, hiding a misuse of its API by our code.
if(KG_SANITIZE MATCHES "address")
    set_tests_properties(unit/render render/html-chromium cli/render
                         render/graphs-rebuild PROPERTIES
        ENVIRONMENT "ASAN_OPTIONS=detect_leaks=1:fast_unwind_on_malloc=0")
endif()

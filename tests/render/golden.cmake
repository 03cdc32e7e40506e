# golden.cmake: run render_fixture, normalise its DOT and compare it with
# a golden file.  -DPROG -DFIXTURE -DEXTRA (comma list) -DGOLDEN -DACTUAL.
# A missing golden is written beside it as GOLDEN.actual and the test fails;
# KG_UPDATE_GOLDEN=1 in the environment overwrites the golden on purpose.
get_filename_component(dir ${ACTUAL} DIRECTORY)
file(MAKE_DIRECTORY ${dir})
string(REPLACE "," ";" extra "${EXTRA}")
execute_process(COMMAND ${PROG} ${FIXTURE} ${ACTUAL} ${extra}
                RESULT_VARIABLE rc ERROR_VARIABLE stderr)
if(NOT rc EQUAL 0)
    message(FATAL_ERROR "render_fixture failed (${rc}): ${stderr}")
endif()
# normalise: no CR, no trailing blanks, one final newline
file(READ ${ACTUAL} text)
string(REPLACE "\r" "" text "${text}")
string(REGEX REPLACE "[ \t]+\n" "\n" text "${text}")
string(REGEX REPLACE "\n+$" "" text "${text}")
file(WRITE ${ACTUAL} "${text}\n")
if(DEFINED ENV{KG_UPDATE_GOLDEN} AND "$ENV{KG_UPDATE_GOLDEN}" STREQUAL "1")
    file(COPY_FILE ${ACTUAL} ${GOLDEN})
    message(STATUS "updated ${GOLDEN}")
    return()
endif()
if(NOT EXISTS ${GOLDEN})
    file(COPY_FILE ${ACTUAL} ${GOLDEN}.actual)
    message(FATAL_ERROR "no golden file ${GOLDEN}; actual output written to "
            "${GOLDEN}.actual (review it, then KG_UPDATE_GOLDEN=1 ctest -R golden)")
endif()
execute_process(COMMAND ${CMAKE_COMMAND} -E compare_files ${GOLDEN} ${ACTUAL}
                RESULT_VARIABLE same)
if(NOT same EQUAL 0)
    execute_process(COMMAND diff -u ${GOLDEN} ${ACTUAL})
    message(FATAL_ERROR "${ACTUAL} differs from ${GOLDEN}")
endif()

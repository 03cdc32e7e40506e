# store.tests.cmake: reliability tests of the versioned store (issue 3):
# kill -9 during a load, concurrent writers and readers, foreign files.
# Each script takes the build directory and the source tree.
foreach(t kill9 concurrent foreign migrate)
    add_test(NAME store/${t}
             COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/store/${t}.sh
                     $<TARGET_FILE_DIR:corpgraph> ${CMAKE_SOURCE_DIR})
    set_tests_properties(store/${t} PROPERTIES TIMEOUT 300)
endforeach()

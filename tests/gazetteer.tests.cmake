# gazetteer.tests.cmake: ctest data/gazetteer checks the format and the
# consistency of src/extract/data/gazetteer.tsv; data/gazetteer-checker
# makes sure the checker itself catches each kind of bad input
# (tests/data/check-gazetteer.py).
find_program(KG_PYTHON3 python3)
if(KG_PYTHON3)
    add_test(NAME data/gazetteer
             COMMAND ${KG_PYTHON3}
                     ${CMAKE_CURRENT_SOURCE_DIR}/data/check-gazetteer.py
                     ${CMAKE_SOURCE_DIR}/src/extract/data/gazetteer.tsv)
    add_test(NAME data/gazetteer-checker
             COMMAND ${KG_PYTHON3}
                     ${CMAKE_CURRENT_SOURCE_DIR}/data/check-gazetteer.py
                     --self-test)
else()
    message(STATUS "python3 not found: ctest data/gazetteer not registered")
endif()

# embed.cmake: turn one data file into a C source that defines
#   const unsigned char SYM[];   (the bytes, NUL-terminated)
#   const unsigned long SYM_len; (the length without the NUL)
# Usage: cmake -DIN=file -DOUT=file.c -DSYM=name -P embed.cmake
file(READ "${IN}" hex HEX)
string(LENGTH "${hex}" n)
math(EXPR len "${n} / 2")
string(REGEX REPLACE "([0-9a-f][0-9a-f])" "0x\\1," body "${hex}")
string(REGEX REPLACE "((0x..,){32})" "\\1\n" body "${body}")
file(WRITE "${OUT}"
"/* Generated from ${IN} by src/embed.cmake; do not edit. */\n"
"extern const unsigned char ${SYM}[];\n"
"extern const unsigned long ${SYM}_len;\n"
"const unsigned char ${SYM}[] = {\n${body}0x00};\n"
"const unsigned long ${SYM}_len = ${len}UL;\n")

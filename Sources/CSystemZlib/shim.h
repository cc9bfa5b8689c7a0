// zlib for Swift (Debian's zlib1g-dev). Only the advisory import's archive reader uses it (crc32).
#include <zlib.h>

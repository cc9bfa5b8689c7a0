// zlib for Swift (Debian's zlib1g-dev): crc32 for zip entries, inflate for gzipped heap profiles.
#include <zlib.h>

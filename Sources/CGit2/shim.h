// libgit2 for Swift (Debian's libgit2-dev). The Swift wrapper is Sources/Git; nothing else imports this.
#include <git2.h>

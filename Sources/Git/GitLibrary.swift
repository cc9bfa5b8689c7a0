import CGit2

/// libgit2's process-wide initialisation: `git_libgit2_init()` must run before any other call.
enum GitLibrary {
    /// Evaluated once, on first use, by every entry point of the wrapper.
    static let initialized: Bool = {
        git_libgit2_init()
        return true
    }()

    /// Makes sure libgit2 is initialised.
    static func ensure() {
        _ = initialized
    }
}

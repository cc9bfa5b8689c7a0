import CGit2
import Foundation

/// A git repository (work tree or bare), opened through libgit2. Reads objects straight from the object
/// database: no checkout, and the repository's HEAD, index and work tree are never touched.
public final class Repository: @unchecked Sendable {
    let handle: OpaquePointer
    /// The path given to `open`.
    public let path: String

    /// The repository's absolute path, for messages.
    public var displayPath: String { URL(fileURLWithPath: path).standardizedFileURL.path }

    /// Opens the repository at `path` (a work tree, its `.git`, or a bare repository).
    public init(path: String) throws(GitError) {
        GitLibrary.ensure()
        var repository: OpaquePointer?
        try GitError.check(git_repository_open_ext(&repository, path, UInt32(GIT_REPOSITORY_OPEN_NO_SEARCH.rawValue), nil),
                           "open repository \(path)")
        handle = repository!
        self.path = path
    }

    deinit {
        git_repository_free(handle)
    }

    /// Whether the repository has no work tree.
    public var isBare: Bool { git_repository_is_bare(handle) == 1 }

    /// Whether the repository is a shallow clone.
    public var isShallow: Bool { git_repository_is_shallow(handle) == 1 }

    /// The commit a revision names: a branch, `origin/main`, `HEAD~3`, a tag, an id or a prefix of one,
    /// `REV^{commit}`. Tags are peeled to their commit.
    public func commit(_ revision: String) throws(GitError) -> Commit {
        let object = try peeledCommit(revision)
        defer { git_commit_free(object) }
        return Self.describe(object)
    }

    /// The commit object for `revision` (the caller frees it).
    func peeledCommit(_ revision: String) throws(GitError) -> OpaquePointer {
        var object: OpaquePointer?
        try GitError.check(git_revparse_single(&object, handle, revision), "resolve \(revision)")
        defer { git_object_free(object) }
        var commit: OpaquePointer?
        try GitError.check(git_object_peel(&commit, object, GIT_OBJECT_COMMIT), "resolve \(revision) to a commit")
        return commit!
    }

    /// The tree of `revision`'s commit (the caller frees it).
    func tree(of revision: String) throws(GitError) -> OpaquePointer {
        let commit = try peeledCommit(revision)
        defer { git_commit_free(commit) }
        var tree: OpaquePointer?
        try GitError.check(git_commit_tree(&tree, commit), "read the tree of \(revision)")
        return tree!
    }

    static func describe(_ commit: OpaquePointer) -> Commit {
        let id = ObjectID.hex(git_commit_id(commit))
        let summary = git_commit_summary(commit).map { String(cString: $0) } ?? ""
        let parents = (0..<git_commit_parentcount(commit)).map { ObjectID.hex(git_commit_parent_id(commit, $0)) }
        return Commit(id: id, summary: summary, time: Int64(git_commit_time(commit)), parents: parents)
    }

    /// The file at `path` in `revision`'s tree (`nil` when there is no such file): its bytes, or only its
    /// size when that is over `limit` bytes — decided from the object database's header, before the
    /// object is read (a 1.5 GB blob named go.mod is never loaded).
    public func blob(at revision: String, path: String, limit: Int) throws(GitError) -> BlobRead? {
        let tree = try tree(of: revision)
        defer { git_tree_free(tree) }
        var entry: OpaquePointer?
        let found = git_tree_entry_bypath(&entry, tree, path)
        if found == GIT_ENOTFOUND.rawValue { return nil }
        try GitError.check(found, "find \(revision):\(path)")
        defer { git_tree_entry_free(entry) }
        guard git_tree_entry_type(entry) == GIT_OBJECT_BLOB else { return nil }
        let declared = try size(of: git_tree_entry_id(entry), "read \(revision):\(path)")
        if declared > limit { return .tooLarge(size: declared) }
        var blob: OpaquePointer?
        try GitError.check(git_blob_lookup(&blob, handle, git_tree_entry_id(entry)), "read \(revision):\(path)")
        defer { git_blob_free(blob) }
        let size = Int(git_blob_rawsize(blob))
        if size > limit { return .tooLarge(size: size) }
        guard size > 0, let content = git_blob_rawcontent(blob) else { return .content([]) }
        return .content(Array(UnsafeRawBufferPointer(start: content, count: size)))
    }

    /// An object's size as its header in the object database records it.
    private func size(of object: UnsafePointer<git_oid>!, _ operation: @autoclosure () -> String) throws(GitError) -> Int {
        var odb: OpaquePointer?
        try GitError.check(git_repository_odb(&odb, handle), operation())
        defer { git_odb_free(odb) }
        var size = 0
        var type = GIT_OBJECT_ANY
        try GitError.check(git_odb_read_header(&size, &type, odb, object), operation())
        return size
    }

    /// The paths of every file (blob) in `revision`'s tree, sorted. A tree holding a path git refuses to
    /// check out (`TreePath.problem`: `..`, `.git`, absolute, empty components) is an error naming the
    /// repository, the revision and the path: nothing of such a tree is used.
    public func files(at revision: String) throws(GitError) -> [String] {
        let paths = try listFiles(at: revision)
        if let unsafe = paths.lazy.compactMap({ path in TreePath.problem(path).map { (path, $0) } }).first {
            throw GitError(operation: "read the tree of \(revision) in \(displayPath)",
                           message: "refusing the path \"\(unsafe.0)\": \(unsafe.1), which git refuses to check out; "
                               + "the revision cannot be read safely", code: GitError.unsafePath)
        }
        return paths
    }

    private func listFiles(at revision: String) throws(GitError) -> [String] {
        let tree = try tree(of: revision)
        defer { git_tree_free(tree) }
        final class Collector { var paths: [String] = [] }
        let collector = Collector()
        let walked = git_tree_walk(tree, GIT_TREEWALK_PRE, { root, entry, payload in
            guard let entry, git_tree_entry_type(entry) == GIT_OBJECT_BLOB, let payload else { return 0 }
            let collector = Unmanaged<Collector>.fromOpaque(payload).takeUnretainedValue()
            collector.paths.append(String(cString: root!) + String(cString: git_tree_entry_name(entry)))
            return 0
        }, Unmanaged.passUnretained(collector).toOpaque())
        try GitError.check(walked, "list the files of \(revision)")
        return collector.paths.sorted()
    }

    /// Every tag, lightweight and annotated, peeled to its commit (tags of other objects are skipped).
    public func tags() throws(GitError) -> [Tag] {
        final class Collector { var tags: [(String, git_oid)] = [] }
        let collector = Collector()
        let listed = git_tag_foreach(handle, { name, oid, payload in
            guard let name, let oid, let payload else { return 0 }
            Unmanaged<Collector>.fromOpaque(payload).takeUnretainedValue().tags.append((String(cString: name), oid.pointee))
            return 0
        }, Unmanaged.passUnretained(collector).toOpaque())
        try GitError.check(listed, "list tags")
        var tags: [Tag] = []
        for (reference, oid) in collector.tags {
            var oid = oid
            var object: OpaquePointer?
            guard git_object_lookup(&object, handle, &oid, GIT_OBJECT_ANY) == 0 else { continue }
            defer { git_object_free(object) }
            let annotated = git_object_type(object) == GIT_OBJECT_TAG
            var commit: OpaquePointer?
            guard git_object_peel(&commit, object, GIT_OBJECT_COMMIT) == 0 else { continue }
            defer { git_object_free(commit) }
            let name = reference.hasPrefix("refs/tags/") ? String(reference.dropFirst("refs/tags/".count)) : reference
            tags.append(Tag(name: name, commit: ObjectID.hex(git_object_id(commit)), annotated: annotated))
        }
        return tags.sorted { $0.name < $1.name }
    }

    /// The commits reachable from `head` but not from `base`, oldest first (parents before children).
    public func commits(from base: String, to head: String) throws(GitError) -> [Commit] {
        let baseCommit = try peeledCommit(base)
        defer { git_commit_free(baseCommit) }
        let headCommit = try peeledCommit(head)
        defer { git_commit_free(headCommit) }
        var walk: OpaquePointer?
        try GitError.check(git_revwalk_new(&walk, handle), "walk \(base)..\(head)")
        defer { git_revwalk_free(walk) }
        try GitError.check(git_revwalk_sorting(walk, GIT_SORT_TOPOLOGICAL.rawValue | GIT_SORT_REVERSE.rawValue), "walk \(base)..\(head)")
        try GitError.check(git_revwalk_push(walk, git_commit_id(headCommit)), "walk from \(head)")
        try GitError.check(git_revwalk_hide(walk, git_commit_id(baseCommit)), "walk past \(base)")
        var commits: [Commit] = []
        var oid = git_oid()
        while true {
            let next = git_revwalk_next(&oid, walk)
            if next == GIT_ITEROVER.rawValue { break }
            try GitError.check(next, "walk \(base)..\(head)")
            var commit: OpaquePointer?
            try GitError.check(git_commit_lookup(&commit, handle, &oid), "read commit \(ObjectID.hex(&oid))")
            commits.append(Self.describe(commit!))
            git_commit_free(commit)
        }
        return commits
    }

    /// The ids of `revision`'s commit and every commit in its history (for many ancestry questions about
    /// one commit: one walk instead of one graph search per question).
    public func reachableCommits(from revision: String) throws(GitError) -> Set<String> {
        let start = try peeledCommit(revision)
        defer { git_commit_free(start) }
        var walk: OpaquePointer?
        try GitError.check(git_revwalk_new(&walk, handle), "walk from \(revision)")
        defer { git_revwalk_free(walk) }
        try GitError.check(git_revwalk_push(walk, git_commit_id(start)), "walk from \(revision)")
        var reachable: Set<String> = []
        var oid = git_oid()
        while true {
            let next = git_revwalk_next(&oid, walk)
            if next == GIT_ITEROVER.rawValue { break }
            try GitError.check(next, "walk from \(revision)")
            reachable.insert(ObjectID.hex(&oid))
        }
        return reachable
    }

    /// Whether `descendant` has `ancestor` in its history (a commit is not its own descendant).
    public func isDescendant(_ descendant: String, of ancestor: String) throws(GitError) -> Bool {
        let a = try peeledCommit(descendant)
        defer { git_commit_free(a) }
        let b = try peeledCommit(ancestor)
        defer { git_commit_free(b) }
        let result = git_graph_descendant_of(handle, git_commit_id(a), git_commit_id(b))
        try GitError.check(result, "compare \(descendant) with \(ancestor)")
        return result == 1
    }

    /// The URL of the remote called `name`, or `nil` when there is no such remote.
    public func remoteURL(_ name: String) -> String? {
        var remote: OpaquePointer?
        guard git_remote_lookup(&remote, handle, name) == 0 else { return nil }
        defer { git_remote_free(remote) }
        guard let url = git_remote_url(remote) else { return nil }
        return String(validatingCString: url)
    }

    /// Writes `revision`'s tree into `directory` (created if missing), byte for byte as committed (no
    /// filters), leaving the repository's HEAD, index and work tree as they were.
    ///
    /// `previous` names the revision `directory` already holds from an earlier call: then only the files
    /// that differ between the two trees are written or removed, which is what makes stepping through a
    /// large history cheap. `touched` names further paths to restore (files changed in the directory since;
    /// the caller deletes them first). Returns the paths it wrote or removed, or `nil` after a whole checkout.
    @discardableResult
    public func checkout(_ revision: String, into directory: String, replacing previous: String? = nil,
                         touched: [String] = []) throws(GitError) -> [String]? {
        let tree = try tree(of: revision)
        defer { git_tree_free(tree) }
        let baseline = try previous.map { previous throws(GitError) in try self.tree(of: previous) }
        defer { if let baseline { git_tree_free(baseline) } }
        // From a previous tree, only the paths the two trees differ in are checked out (libgit2 would
        // otherwise compare every file of the directory with the baseline, hashing them without an index).
        var paths: [String] = []
        if let baseline {
            paths = Array(Set(try changedPaths(from: baseline, to: tree) + touched)).sorted()
            if paths.isEmpty { return [] }
        }
        try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        var options = git_checkout_options()
        try GitError.check(git_checkout_options_init(&options, UInt32(GIT_CHECKOUT_OPTIONS_VERSION)), "prepare checkout")
        options.checkout_strategy = GIT_CHECKOUT_FORCE.rawValue | GIT_CHECKOUT_DONT_UPDATE_INDEX.rawValue
            | (baseline == nil ? 0 : GIT_CHECKOUT_REMOVE_UNTRACKED.rawValue | GIT_CHECKOUT_DISABLE_PATHSPEC_MATCH.rawValue)
        // The blobs as committed, as a module download has them: no CRLF or ident filters, so no
        // .gitattributes lookups in the repository's own work tree for every file either.
        options.disable_filters = 1
        options.baseline = baseline
        let result = CStringArray(paths).withStrarray { strarray -> Int32 in
            if baseline != nil { options.paths = strarray }
            return directory.withCString { target -> Int32 in
                options.target_directory = target
                return git_checkout_tree(handle, tree, &options)
            }
        }
        try GitError.check(result, "check out \(revision) into \(directory)")
        return baseline == nil ? nil : paths
    }

    /// The paths (old and new names) of every file that differs between two trees.
    private func changedPaths(from old: OpaquePointer, to new: OpaquePointer) throws(GitError) -> [String] {
        var diff: OpaquePointer?
        try GitError.check(git_diff_tree_to_tree(&diff, handle, old, new, nil), "compare two trees")
        defer { git_diff_free(diff) }
        var paths: Set<String> = []
        for index in 0..<git_diff_num_deltas(diff) {
            guard let delta = git_diff_get_delta(diff, index)?.pointee else { continue }
            if let path = delta.old_file.path { paths.insert(String(cString: path)) }
            if let path = delta.new_file.path { paths.insert(String(cString: path)) }
        }
        return paths.sorted()
    }
}

/// Strings as a `git_strarray` for the length of a call.
struct CStringArray {
    private let strings: [String]

    init(_ strings: [String]) {
        self.strings = strings
    }

    func withStrarray<Result>(_ body: (git_strarray) -> Result) -> Result {
        let pointers = strings.map { strdup($0) }
        defer { pointers.forEach { free($0) } }
        var array = pointers
        return array.withUnsafeMutableBufferPointer { buffer in
            body(git_strarray(strings: buffer.baseAddress, count: buffer.count))
        }
    }
}

/// Object ids as hexadecimal text.
enum ObjectID {
    static func hex(_ oid: UnsafePointer<git_oid>!) -> String {
        var buffer = [CChar](repeating: 0, count: Int(GIT_OID_HEXSZ) + 1)
        git_oid_tostr(&buffer, buffer.count, oid)
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}

/// A file of a tree as read: its bytes, or only its size when that is over the limit asked for.
public enum BlobRead: Sendable, Equatable {
    /// The blob's bytes.
    case content([UInt8])
    /// The blob's size, over the limit: its bytes were not read.
    case tooLarge(size: Int)
}

import Advisories
import Core

/// One problem in one pinned dependency: a (manifest, package, advisory) with aliases merged.
///
/// A value type whose fields live in one shared, copy-on-write box: an audit moves thousands of findings
/// through sorting, grouping and rendering, and copying nineteen fields (each a reference count) at every
/// step showed in profiles; now a copy is one retain.
public struct Finding: Sendable, Hashable {
    /// The fields, as stored.
    struct Fields: Sendable, Hashable {
        var id: String
        var aliases: [String]
        var kind: AdvisoryKind
        var severity: Severity
        var summary: String
        var ecosystem: Ecosystem
        var package: String
        var version: String
        var direct: Bool?
        var manifest: String
        var line: Int?
        var file: String?
        var fixed: String?
        var confidence: Confidence
        var confidenceReason: String?
        var ignored: Bool
        var ignoreReason: String?
        var url: String?
        var details: String?
        var reachability: Reachability?
    }

    private final class Storage: @unchecked Sendable {
        var fields: Fields
        init(_ fields: Fields) { self.fields = fields }
    }

    private var storage: Storage

    init(id: String, aliases: [String], kind: AdvisoryKind, severity: Severity, summary: String, ecosystem: Ecosystem, package: String,
         version: String, direct: Bool?, manifest: String, line: Int?, file: String?, fixed: String?, confidence: Confidence,
         confidenceReason: String?, ignored: Bool, ignoreReason: String?, url: String?, details: String?) {
        storage = Storage(Fields(id: id, aliases: aliases, kind: kind, severity: severity, summary: summary, ecosystem: ecosystem,
                                 package: package, version: version, direct: direct, manifest: manifest, line: line, file: file,
                                 fixed: fixed, confidence: confidence, confidenceReason: confidenceReason, ignored: ignored,
                                 ignoreReason: ignoreReason, url: url, details: details))
    }

    /// Copies the fields first when another finding shares them.
    private mutating func makeUnique() {
        if !isKnownUniquelyReferenced(&storage) { storage = Storage(storage.fields) }
    }

    /// The advisory id (the one that is not an alias of another in its group).
    public var id: String {
        get { storage.fields.id }
        set { makeUnique(); storage.fields.id = newValue }
    }
    /// The other ids of the same problem.
    public var aliases: [String] {
        get { storage.fields.aliases }
        set { makeUnique(); storage.fields.aliases = newValue }
    }
    /// `security`, `leak`, …, or `policy` for a denied package.
    public var kind: AdvisoryKind {
        get { storage.fields.kind }
        set { makeUnique(); storage.fields.kind = newValue }
    }
    /// The best-known severity of the group.
    public var severity: Severity {
        get { storage.fields.severity }
        set { makeUnique(); storage.fields.severity = newValue }
    }
    /// One line.
    public var summary: String {
        get { storage.fields.summary }
        set { makeUnique(); storage.fields.summary = newValue }
    }
    /// The package's ecosystem.
    public var ecosystem: Ecosystem {
        get { storage.fields.ecosystem }
        set { makeUnique(); storage.fields.ecosystem = newValue }
    }
    /// The module path or normalized package location.
    public var package: String {
        get { storage.fields.package }
        set { makeUnique(); storage.fields.package = newValue }
    }
    /// The version as the manifest pins it (after `replace`).
    public var version: String {
        get { storage.fields.version }
        set { makeUnique(); storage.fields.version = newValue }
    }
    /// Whether the project requires it itself (`nil` when the manifest cannot say).
    public var direct: Bool? {
        get { storage.fields.direct }
        set { makeUnique(); storage.fields.direct = newValue }
    }
    /// The manifest, as the user named it.
    public var manifest: String {
        get { storage.fields.manifest }
        set { makeUnique(); storage.fields.manifest = newValue }
    }
    /// The line that pins it.
    public var line: Int? {
        get { storage.fields.line }
        set { makeUnique(); storage.fields.line = newValue }
    }
    /// The file holding that line when it is not the manifest (go.sum).
    public var file: String? {
        get { storage.fields.file }
        set { makeUnique(); storage.fields.file = newValue }
    }
    /// The smallest version above the pinned one that the advisory says is not affected.
    public var fixed: String? {
        get { storage.fields.fixed }
        set { makeUnique(); storage.fields.fixed = newValue }
    }
    /// How sure the match is.
    public var confidence: Confidence {
        get { storage.fields.confidence }
        set { makeUnique(); storage.fields.confidence = newValue }
    }
    /// Why confidence is low.
    public var confidenceReason: String? {
        get { storage.fields.confidenceReason }
        set { makeUnique(); storage.fields.confidenceReason = newValue }
    }
    /// Whether the policy ignores it.
    public var ignored: Bool {
        get { storage.fields.ignored }
        set { makeUnique(); storage.fields.ignored = newValue }
    }
    /// The policy's reason for ignoring it.
    public var ignoreReason: String? {
        get { storage.fields.ignoreReason }
        set { makeUnique(); storage.fields.ignoreReason = newValue }
    }
    /// The advisory's reference for people (its page).
    public var url: String? {
        get { storage.fields.url }
        set { makeUnique(); storage.fields.url = newValue }
    }
    /// The advisory's long description.
    /// Whether the affected code is in what was built (binaries, and `audit --packages`); `nil` when not known.
    public var reachability: Reachability? {
        get { storage.fields.reachability }
        set { makeUnique(); storage.fields.reachability = newValue }
    }
    public var details: String? {
        get { storage.fields.details }
        set { makeUnique(); storage.fields.details = newValue }
    }

    /// Findings are equal when their fields are.
    public static func == (a: Finding, b: Finding) -> Bool {
        a.storage === b.storage || a.storage.fields == b.storage.fields
    }

    /// Hashes the fields.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(storage.fields)
    }
}

/// An upgrade that clears findings: the smallest version that no fixable advisory still affects.
public struct Upgrade: Sendable, Hashable {
    /// The package's ecosystem.
    public var ecosystem: Ecosystem
    /// The package.
    public var package: String
    /// The pinned version.
    public var from: String
    /// The version to upgrade to, or `nil` when no named fix clears the fixable advisories.
    public var to: String?
    /// The findings `to` clears.
    public var fixes: [String]
    /// Findings that name no fix above the pin ("no fix known").
    public var remaining: [String]
    /// The manifest.
    public var manifest: String
    /// Whether the dependency is direct (Swift: declared in Package.swift).
    public var direct: Bool?
    /// For a Go binary: the main module it was built from (the upgrade is made there and the binary
    /// rebuilt; `""` when the binary names none).
    public var builtFrom: String?
}

/// A dependency that could not be checked, and why.
public struct Unverifiable: Sendable, Hashable {
    /// The package's ecosystem.
    public var ecosystem: Ecosystem
    /// The package.
    public var package: String
    /// The manifest.
    public var manifest: String
    /// The line that pins it.
    public var line: Int?
    /// Why it could not be checked.
    public var reason: String
}

/// A manifest that was audited.
public struct AuditedManifest: Sendable, Hashable {
    /// Its path.
    public var path: String
    /// The package's ecosystem.
    public var ecosystem: Ecosystem
    /// How many dependencies it pins.
    public var dependencies: Int
}

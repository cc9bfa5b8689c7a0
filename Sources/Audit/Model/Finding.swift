import Advisories

/// One problem in one pinned dependency: a (manifest, package, advisory) with aliases merged.
public struct Finding: Sendable, Hashable {
    /// The advisory id (the one that is not an alias of another in its group).
    public var id: String
    /// The other ids of the same problem.
    public var aliases: [String]
    /// `security`, `leak`, …, or `policy` for a denied package.
    public var kind: String
    /// The best-known severity of the group.
    public var severity: Severity
    /// One line.
    public var summary: String
    /// `Go` or `SwiftURL`.
    public var ecosystem: String
    /// The module path or normalized package location.
    public var package: String
    /// The version as the manifest pins it (after `replace`).
    public var version: String
    /// Whether the project requires it itself (`nil` when the manifest cannot say).
    public var direct: Bool?
    /// The manifest, as the user named it.
    public var manifest: String
    /// The line that pins it.
    public var line: Int?
    /// The file holding that line when it is not the manifest (go.sum).
    public var file: String?
    /// The smallest version above the pinned one that the advisory says is not affected.
    public var fixed: String?
    /// How sure the match is.
    public var confidence: Confidence
    /// Why confidence is low.
    public var confidenceReason: String?
    /// Whether the policy ignores it.
    public var ignored: Bool
    /// The policy's reason for ignoring it.
    public var ignoreReason: String?
    /// The advisory's reference for people (its page).
    public var url: String?
    /// The advisory's long description.
    public var details: String?
}

/// An upgrade that clears findings: the smallest version that no fixable advisory still affects.
public struct Upgrade: Sendable, Hashable {
    /// `Go` or `SwiftURL`.
    public var ecosystem: String
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
}

/// A dependency that could not be checked, and why.
public struct Unverifiable: Sendable, Hashable {
    /// `Go` or `SwiftURL`.
    public var ecosystem: String
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
    /// `Go` or `SwiftURL`.
    public var ecosystem: String
    /// How many dependencies it pins.
    public var dependencies: Int
}

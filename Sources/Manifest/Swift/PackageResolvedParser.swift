import Core
import Versions

/// Parses Package.resolved content: format 1 (`object.pins` with `package`, `repositoryURL`, `state`)
/// and formats 2 and 3 (top-level `pins` with `identity`, `kind`, `location`, `state`; 3 adds `originHash`).
public enum PackageResolvedParser {
    /// The format versions depwatch reads.
    public static let knownFormats = 1...3

    /// Parses `text`; `path` is used in diagnostics only.
    public static func parse(_ text: String, path: String) throws(ManifestError) -> PackageResolvedFile {
        if let conflict = MergeConflict.firstMarker(in: text, path: path, regenerate: "then run `swift package resolve`") {
            throw conflict
        }
        let root = try JSONReader.parse(text, path: path)
        var reader = PinReader(path: path)
        let file = try reader.file(root)
        if !reader.errors.isEmpty { throw .invalid(reader.errors) }
        return file
    }
}

/// Reads the pins out of the JSON tree, collecting every problem.
private struct PinReader {
    let path: String
    var errors: [Diagnostic] = []

    init(path: String) {
        self.path = path
    }

    mutating func file(_ root: JSONNode) throws(ManifestError) -> PackageResolvedFile {
        guard case .object = root.value else {
            throw .at(path, root.line, root.column, "expected a JSON object at the top of Package.resolved, found \(root.typeName)")
        }
        guard let versionNode = root["version"] else {
            throw .at(path, root.line, root.column, "missing \"version\"; is this a Package.resolved file?")
        }
        guard let number = versionNode.number, let format = Int(number), PackageResolvedParser.knownFormats.contains(format) else {
            throw .at(path, versionNode.line, versionNode.column,
                      "unknown Package.resolved format version \(versionNode.number ?? versionNode.typeName); "
                      + "depwatch reads versions 1, 2 and 3")
        }
        let pinsParent = format == 1 ? root["object"] : root
        guard let pinsNode = pinsParent?["pins"], let pinNodes = pinsNode.array else {
            let at = pinsParent ?? root
            throw .at(path, at.line, at.column, format == 1 ? "missing \"object.pins\" array (format 1)" : "missing \"pins\" array")
        }
        var pins: [ResolvedPin] = []
        var firstLine: [String: Int] = [:]
        for node in pinNodes {
            guard let pin = format == 1 ? v1Pin(node) : v2Pin(node) else { continue }
            let key = pin.identity.lowercased()
            if let first = firstLine[key] {
                fail(node, "duplicate pin for identity \"\(pin.identity)\" (first at line \(first)); regenerate the file with `swift package resolve`")
                continue
            }
            firstLine[key] = pin.line
            pins.append(pin)
        }
        return PackageResolvedFile(formatVersion: format, originHash: root["originHash"]?.string, pins: pins)
    }

    private mutating func v1Pin(_ node: JSONNode) -> ResolvedPin? {
        guard let url = requiredString(node, "repositoryURL"), let state = state(node) else { return nil }
        let kind: PinKind = SwiftPackageLocation.isLocalPath(url) ? .localSourceControl : .remoteSourceControl
        return ResolvedPin(identity: SwiftPackageLocation.identity(of: url), name: node["package"]?.string,
                           kind: kind, location: url, state: state, line: node.line)
    }

    private mutating func v2Pin(_ node: JSONNode) -> ResolvedPin? {
        guard let identity = requiredString(node, "identity"), let kindText = requiredString(node, "kind") else { return nil }
        guard let kind = PinKind(rawValue: kindText) else {
            fail(node["kind"] ?? node, "unknown pin kind \"\(kindText)\"; expected remoteSourceControl, localSourceControl or registry")
            return nil
        }
        let location = kind == .registry ? (node["location"]?.string ?? "") : requiredString(node, "location")
        guard let location, let state = state(node) else { return nil }
        return ResolvedPin(identity: identity, name: nil, kind: kind, location: location, state: state, line: node.line)
    }

    private mutating func state(_ pin: JSONNode) -> PinState? {
        guard let node = pin["state"], case .object = node.value else {
            fail(pin["state"] ?? pin, "pin has no \"state\" object")
            return nil
        }
        var state = PinState()
        for key in ["version", "branch", "revision"] {
            guard let value = node[key], !value.isNull else { continue }
            guard let text = value.string else {
                fail(value, "\"\(key)\" must be a string, found \(value.typeName)")
                return nil
            }
            switch key {
            case "version": state.version = text
            case "branch": state.branch = text
            default: state.revision = text
            }
        }
        if let version = state.version, SemanticVersion(version) == nil {
            fail(node["version"] ?? node, "invalid version \"\(version)\": a pinned version must be a semantic version like 1.2.3")
            return nil
        }
        if state.version == nil, state.branch == nil, state.revision == nil {
            fail(node, "pin state has no version, branch or revision")
            return nil
        }
        return state
    }

    private mutating func requiredString(_ node: JSONNode, _ key: String) -> String? {
        guard case .object = node.value else {
            fail(node, "expected a pin object, found \(node.typeName)")
            return nil
        }
        guard let value = node[key] else {
            fail(node, "pin has no \"\(key)\"")
            return nil
        }
        guard let text = value.string else {
            fail(value, "\"\(key)\" must be a string, found \(value.typeName)")
            return nil
        }
        return text
    }

    private mutating func fail(_ node: JSONNode, _ message: String) {
        errors.append(Diagnostic(.syntaxError, path: path, line: node.line, column: node.column, message: message))
    }
}

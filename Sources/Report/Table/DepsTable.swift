import Foundation
import Manifest

/// `depwatch deps` as a table for people: one block per manifest, one row per dependency.
enum DepsTable {
    /// The table text.
    static func render(_ inventory: Inventory) -> String {
        var out = ""
        for manifest in inventory.manifests {
            out += heading(manifest) + "\n"
            if let binary = manifest.binary, case let settings = shownSettings(binary), !settings.isEmpty {
                out += "  built " + settings + "\n"
            }
            if let uses = manifest.uses {
                for use in uses { out += "  use \(use.path)" + (use.module.map { " (\($0))" } ?? " (missing)") + "\n" }
            }
            if manifest.dependencies.isEmpty {
                if manifest.uses == nil { out += "  no dependencies\n" }
                out += "\n"
                continue
            }
            let rows = [["PACKAGE", "VERSION", "SOURCE", "DIRECT", "LINE"]] + manifest.dependencies.map(row)
            out += layout(rows).map { "  " + $0 }.joined(separator: "\n") + "\n\n"
        }
        let count = inventory.manifests.reduce(0) { $0 + $1.dependencies.count }
        out += "\(inventory.manifests.count) manifest\(inventory.manifests.count == 1 ? "" : "s"), \(count) dependenc\(count == 1 ? "y" : "ies")"
        if !inventory.errors.isEmpty { out += ", \(inventory.errors.count) error\(inventory.errors.count == 1 ? "" : "s")" }
        return out + "\n"
    }

    /// The build settings a reader of a binary's inventory looks for first (JSON has them all).
    static let settingsShown = ["GOOS", "GOARCH", "CGO_ENABLED", "-trimpath", "-buildmode", "-ldflags", "-tags",
                                "vcs.revision", "vcs.time", "vcs.modified"]

    private static func shownSettings(_ binary: BinaryBuild) -> String {
        settingsShown.compactMap { key in binary.settings.last { $0.key == key }.map { "\(key)=\($0.value)" } }.joined(separator: " ")
    }

    private static func heading(_ m: ManifestInventory) -> String {
        var facts = [m.ecosystem.rawValue]
        if let binary = m.binary { facts = ["Go binary", "\(binary.format.rawValue) \(binary.architectures.joined(separator: "+"))"] }
        if let module = m.module { facts.append("module \(module)") }
        if let go = m.go { facts.append("go \(go)") }
        if let toolchain = m.toolchain { facts.append("toolchain \(toolchain)") }
        if let workspace = m.workspace { facts.append("workspace \(workspace)") }
        return "\(m.path) (\(facts.joined(separator: ", ")))"
    }

    private static func row(_ d: Dependency) -> [String] {
        var version = d.version ?? "-"
        switch d.source {
        case .local: version = "=> \(d.directory ?? "local")"
        case .branch: version = "branch \(d.branch ?? "?")@\(d.revision.map { String($0.prefix(12)) } ?? "?")"
        case .revision: version = "revision \(d.revision.map { String($0.prefix(12)) } ?? "?")"
        default: break
        }
        if let requested = d.requested, requested.package != d.package || d.source == .local {
            version += "  (requires \(requested.package) \(requested.version ?? ""))".replacingOccurrences(of: " )", with: ")")
        } else if let requested = d.requested, requested.version != d.version {
            version += "  (requires \(requested.version ?? "-"))"
        }
        let direct = d.direct.map { $0 ? "yes" : "no" } ?? "?"
        let file = d.file.map { PathName.base(of: $0) + ":" } ?? ""
        let line = d.line.map { file + String($0) } ?? "-"
        return [d.package, version, d.source.rawValue, direct, line]
    }

    private static func layout(_ rows: [[String]]) -> [String] {
        let widths = (0..<rows[0].count).map { column in rows.map { $0[column].count }.max() ?? 0 }
        return rows.map { row in
            row.enumerated().map { index, cell in
                index == row.count - 1 ? cell : cell + String(repeating: " ", count: widths[index] - cell.count)
            }.joined(separator: "  ")
        }
    }
}

import Audit
import Core

/// The one JSON form of a finding, keys in sorted order. The audit writes it whole; the diff writes the
/// brief form, without what the enclosing manifest object already says (ecosystem, manifest, directness,
/// the file) or what a change's reviewer does not need (confidence, the ignore's reason).
enum FindingJSON {
    static func write(_ f: Finding, brief: Bool = false, _ w: inout JSONWriter) {
        w.beginObject()
        w.field("aliases", f.aliases)
        if !brief {
            w.field("confidence", f.confidence.rawValue)
            w.fieldIfPresent("confidence_reason", f.confidenceReason)
            w.field("direct", f.direct)
            w.field("ecosystem", f.ecosystem.rawValue)
            w.fieldIfPresent("file", f.file)
        }
        w.field("fixed", f.fixed)
        w.field("id", f.id)
        if !brief { w.fieldIfPresent("ignore_reason", f.ignoreReason) }
        w.field("ignored", f.ignored)
        w.field("kind", f.kind.rawValue)
        w.field("line", f.line)
        if !brief { w.field("manifest", f.manifest) }
        w.field("package", f.package)
        if let reachability = f.reachability {
            w.object("reachability") { w in
                w.field("level", reachability.level.rawValue)
                w.field("packages", reachability.packages)
                w.field("reason", reachability.reason)
                w.field("symbols", reachability.symbols)
            }
        }
        w.field("severity", f.severity.rawValue)
        w.field("summary", f.summary)
        w.fieldIfPresent("url", f.url)
        w.field("version", f.version)
        w.endObject()
    }
}

import Audit
import Core
import Heap

/// `depwatch.heap/1` (schema in `schemas/depwatch.heap-1.schema.json`), keys in sorted order.
enum HeapJSON {
    static func render(_ report: HeapReport) -> String {
        let a = report.attribution
        var w = JSONWriter(capacity: 1 << 14)
        w.beginObject()
        w.array("modules", report.entries) { w, entry in
            let share = entry.share
            w.beginObject()
            advisories(entry.findings, &w)
            built(share.holder, &w)
            w.array("functions", share.functions.prefix(report.topFunctions)) { w, function in
                w.beginObject()
                w.field("name", function.name)
                w.field("paired", Int(function.paired))
                w.field("value", Int(function.value))
                w.endObject()
            }
            w.field("kind", HeapReport.kind(share.holder))
            w.field("module", share.holder.name)
            w.field("paired", Int(share.paired))
            w.field("share", a.total == 0 ? 0 : Double(share.value) / Double(a.total))
            upgrade(entry.upgrade, &w)
            w.field("value", Int(share.value))
            version(share.holder, &w)
            w.endObject()
        }
        w.key("paired_sample")
        if let paired = a.pairedSample { sampleType(paired, &w) } else { w.null() }
        w.field("paired_total", Int(a.pairedTotal))
        w.field("profile", report.profile)
        w.key("sample")
        sampleType(a.sample, &w)
        w.field("schema", HeapReport.schema)
        w.field("total", Int(a.total))
        w.field("view", a.view.rawValue)
        w.endObject()
        return w.finish()
    }

    /// `"advisories"`: what affects a holder's built version (shared with `depwatch.heap-diff/1`).
    static func advisories(_ findings: [Finding], _ w: inout JSONWriter) {
        w.array("advisories", findings) { w, f in
            w.beginObject()
            w.field("fixed", f.fixed)
            w.field("id", f.id)
            w.field("kind", f.kind.rawValue)
            w.field("severity", f.severity.rawValue)
            w.field("summary", f.summary)
            w.fieldIfPresent("url", f.url)
            w.endObject()
        }
    }

    /// `"built"`: what is built for a module (`null` for the standard library and unknown frames).
    static func built(_ holder: HeapAttribution.Holder, _ w: inout JSONWriter) {
        if case .module(let module) = holder { w.field("built", module.built) } else { w.field("built", nil as String?) }
    }

    /// `"version"`: the version built.
    static func version(_ holder: HeapAttribution.Holder, _ w: inout JSONWriter) {
        if case .module(let module) = holder { w.field("version", module.version) } else { w.field("version", nil as String?) }
    }

    /// `"upgrade"`: the upgrade that clears the advisories, or `null`.
    static func upgrade(_ upgrade: Upgrade?, _ w: inout JSONWriter) {
        w.key("upgrade")
        guard let upgrade else { return w.null() }
        w.beginObject()
        w.field("fixes", upgrade.fixes)
        w.field("from", upgrade.from)
        w.field("to", upgrade.to)
        w.endObject()
    }

    private static func sampleType(_ type: HeapProfile.SampleType, _ w: inout JSONWriter) {
        w.beginObject()
        w.field("type", type.type)
        w.field("unit", type.unit)
        w.endObject()
    }
}

import Core
import Heap

/// `depwatch.heap-diff/1` (schema in `schemas/depwatch.heap-diff-1.schema.json`), keys in sorted order.
enum HeapGrowthJSON {
    static func render(_ report: HeapGrowthReport) -> String {
        let g = report.growth
        var w = JSONWriter(capacity: 1 << 14)
        w.beginObject()
        w.array("modules", report.entries) { w, entry in
            let holder = entry.growth.holder, series = entry.growth.series
            w.beginObject()
            w.array("advisories", entry.findings) { w, f in
                w.beginObject()
                w.field("fixed", f.fixed)
                w.field("id", f.id)
                w.field("kind", f.kind.rawValue)
                w.field("severity", f.severity.rawValue)
                w.field("summary", f.summary)
                w.fieldIfPresent("url", f.url)
                w.endObject()
            }
            if case .module(let module) = holder { w.field("built", module.built) } else { w.field("built", nil as String?) }
            w.array("functions", entry.growth.functions.prefix(report.topFunctions)) { w, function in
                w.beginObject()
                w.field("growth", Int(function.growth))
                w.field("name", function.name)
                w.field("relative", function.relative)
                values(function, &w)
                w.endObject()
            }
            w.field("grew_every_step", series.grewEveryStep)
            w.field("growth", Int(series.growth))
            w.field("kind", HeapReport.kind(holder))
            w.field("module", series.name)
            w.field("relative", series.relative)
            w.key("upgrade")
            if let upgrade = entry.upgrade {
                w.beginObject()
                w.field("fixes", upgrade.fixes)
                w.field("from", upgrade.from)
                w.field("to", upgrade.to)
                w.endObject()
            } else {
                w.null()
            }
            values(series, &w)
            if case .module(let module) = holder { w.field("version", module.version) } else { w.field("version", nil as String?) }
            w.endObject()
        }
        w.field("profiles", report.profiles)
        w.object("sample") { w in
            w.field("type", g.sample.type)
            w.field("unit", g.sample.unit)
        }
        w.field("schema", HeapGrowthReport.schema)
        w.key("totals")
        w.beginArray()
        for total in g.totals { w.value(Int(total)) }
        w.endArray()
        w.field("view", g.view.rawValue)
        w.endObject()
        return w.finish()
    }

    /// `"values": [...]`, a series' value at each snapshot.
    private static func values(_ series: HeapGrowth.Series, _ w: inout JSONWriter) {
        w.key("values")
        w.beginArray()
        for value in series.values { w.value(Int(value)) }
        w.endArray()
    }
}

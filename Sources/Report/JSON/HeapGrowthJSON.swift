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
            HeapJSON.advisories(entry.findings, &w)
            HeapJSON.built(holder, &w)
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
            HeapJSON.upgrade(entry.upgrade, &w)
            values(series, &w)
            HeapJSON.version(holder, &w)
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

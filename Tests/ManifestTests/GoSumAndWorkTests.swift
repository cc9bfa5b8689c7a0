import DepwatchTestSupport
import Testing
@testable import Manifest

@Suite struct GoSumParserTests {
    @Test func entriesAndGoModOnlyLines() throws {
        let sum = try GoSumParser.parse("""
            github.com/bluele/gcache v0.0.1 h1:9JQ0W0klLR1qM8rrfSu0s8nYUNYqHjXI2wI=
            github.com/bluele/gcache v0.0.1/go.mod h1:ZfF5m4D9Ck2w6HxZxQbHqX0vM5jY=

            github.com/bluele/gcache v0.0.2 h1:WcbfdXICg7G/DGBh1PFfcirkWOQV+v077yF1pSy3DGw=
            github.com/pkg/errors v0.9.1/go.mod h1:bwawxfHBFNV+L2hUp1rHADufV3IMtnDRdf1r5NINEl0=
            """, path: "go.sum")
        #expect(sum.entries.count == 4)
        #expect(sum.entries.map(\.isGoModOnly) == [false, true, false, true])
        #expect(sum.entries.map(\.line) == [1, 2, 4, 5])
        let highest = sum.highestFullVersions()
        #expect(highest["github.com/bluele/gcache"]?.version == "v0.0.2")
        #expect(highest["github.com/pkg/errors"] == nil, "a /go.mod-only hash is not a built module")
    }
}

@Suite struct GoWorkParserTests {
    @Test func directives() throws {
        let work = try GoWorkParser.parse("""
            go 1.22.1

            toolchain go1.22.3

            godebug panicnil=1

            use ./svc
            use (
            \t./lib // library
            \t"./tools"
            )

            replace github.com/bluele/gcache v0.0.1 => github.com/bluele/gcache v0.0.2
            """, path: "go.work")
        #expect(work.go == "1.22.1")
        #expect(work.toolchain == "go1.22.3")
        #expect(work.uses.map(\.directory) == ["./svc", "./lib", "./tools"])
        #expect(work.uses.map(\.line) == [7, 9, 10])
        #expect(work.replacements.count == 1)
        #expect(work.godebug.count == 1)
    }
}

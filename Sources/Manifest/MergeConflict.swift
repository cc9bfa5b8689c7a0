/// Merge-conflict markers left in a committed file.
enum MergeConflict {
    private static let markers = ["<<<<<<<", "=======", ">>>>>>>", "|||||||"].map { Array($0.utf8) }

    /// The first line that starts with a conflict marker (`<<<<<<<`, `=======`, `>>>>>>>`, `|||||||`)
    /// followed by a space or the end of the line, as a diagnostic that says what happened and what to do.
    static func firstMarker(in text: String, path: String, regenerate: String) -> ManifestError? {
        for line in TextLines(text) {
            if let marker = marker(startingLine: line.bytes) {
                return error(marker, path: path, line: line.number, regenerate: regenerate)
            }
        }
        return nil
    }

    /// The conflict marker `line` starts with, if any (followed by a space or the end of the line).
    static func marker<Line: Collection>(startingLine line: Line) -> [UInt8]? where Line.Element == UInt8 {
        guard let first = line.first, first == 0x3C || first == 0x3D || first == 0x3E || first == 0x7C else { return nil }
        for marker in markers where line.starts(with: marker) {
            let rest = line.dropFirst(marker.count)
            if rest.isEmpty || rest.first == 0x20 || rest.first == 0x0D { return marker }
        }
        return nil
    }

    /// The diagnostic for `marker` at `line`: what happened and what to do.
    static func error(_ marker: [UInt8], path: String, line: Int, regenerate: String) -> ManifestError {
        .at(path, line, 1,
            "merge conflict marker \"\(String(decoding: marker, as: UTF8.self))\": the file was committed "
            + "in the middle of a merge; resolve the conflict (\(regenerate))", code: .mergeConflict)
    }
}
